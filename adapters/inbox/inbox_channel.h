// The in-app inbox channel, always on: delivering a message puts it in the user's inbox in
// Souhra's own database, linked to its case and task; people read it in the web UI.
//
// The row is written through the Engine's writer (Engine::Write), like every other write. The
// inbox keeps one message per (delivery key, user), so a repeated delivery of the same outbox
// message adds nothing. The inbox is read with Store::ListInbox / CountUnreadInbox and marked
// read with WriteTxn::MarkInboxRead.
#pragma once

#include <string>

#include "engine/notifier.h"
#include "engine/runtime/engine.h"

namespace souhra {

class InboxChannel final : public Notifier {
 public:
  // `engine` must outlive the channel.
  explicit InboxChannel(Engine& engine) : engine_(engine) {}

  const std::string& channel() const override { return name_; }
  // kUnavailable (busy, I/O) when the message could not be stored; it is then retried.
  Status Deliver(const Delivery& delivery) override;

 private:
  Engine& engine_;
  const std::string name_ = "inbox";
};

}  // namespace souhra
