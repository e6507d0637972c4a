// Filling in a notification's template for one recipient: the subject and text an e-mail, a
// webhook or a digest carries.
//
// The template's texts travel in the outbox payload ("template": {title, body, urgent}, copied by
// the step from the definition version that wrote the message), so sending needs no catalog. The
// values come only from the placeholders of engine/definitions/message_template.h: the case code or
// the client's initials, the task, times in Prague, the link, the meeting, the reason and the
// addressee's name. Nothing else from the case data is ever put into a message.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "engine/records.h"

namespace souhra {

// Formats an instant for people, e.g. "st 1. 7. 2026 10:00" in Prague time.
using InstantFormatter = std::function<std::string(Instant)>;

struct RenderContext {
  const CaseRecord* kase = nullptr;
  const OutboxRecord* message = nullptr;
  std::optional<TaskRecord> task;  // the task the message is about, if any
  std::string base_url;            // the tenant's settings.base_url
  std::string recipient_name;
  InstantFormatter format_time;
};

struct RenderedMessage {
  std::string subject;
  std::string text;
  bool urgent = false;
  std::string due;   // the task's due time as {due} shows it, or ""
  std::string link;  // as {link}, or ""
};

RenderedMessage RenderMessage(const RenderContext& context);

// "task.review.overdue" -> "review"; other events are not about a task.
std::string TaskKeyOfEvent(const std::string& event);

}  // namespace souhra
