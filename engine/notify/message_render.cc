#include "engine/notify/message_render.h"

#include <map>

#include "engine/definitions/message_template.h"

namespace souhra {
namespace {

std::string StringAt(const Json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string TaskKeyOfEvent(const std::string& event) {
  if (event.rfind("task.", 0) != 0) return "";
  const size_t end = event.find('.', 5);
  return end == std::string::npos ? "" : event.substr(5, end - 5);
}

RenderedMessage RenderMessage(const RenderContext& context) {
  const CaseRecord& kase = *context.kase;
  const Json& payload = context.message->payload;
  auto format = [&context](Instant t) {
    return context.format_time ? context.format_time(t) : FormatUtc(t);
  };
  std::map<std::string, std::string> values;
  values["case"] = kase.code;
  std::string initials =
      kase.data.contains("client") ? StringAt(kase.data["client"], "initials") : "";
  values["initials"] = initials.empty() ? kase.code : initials;
  if (context.task) {
    values["task"] = context.task->title;
    if (context.task->due) values["due"] = format(*context.task->due);
  }
  if (!context.base_url.empty()) {
    std::string base = context.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    values["link"] = base + "/#/cases/" + std::to_string(kase.id);
  }
  const Json meeting = payload.value("calendar", payload.value("meeting", Json()));
  Instant at;
  if (ParseIsoInstant(StringAt(meeting, "at"), &at)) values["when"] = format(at);
  values["place"] = StringAt(meeting, "place");
  if (values["place"].empty()) values["place"] = StringAt(meeting, "online_link");
  values["reason"] = StringAt(payload, "reason");
  if (values["reason"].empty()) values["reason"] = StringAt(payload, "note");
  values["recipient"] = context.recipient_name;

  RenderedMessage out;
  const Json text = payload.value("template", Json::object());
  out.subject = RenderTemplateText(StringAt(text, "title"), values);
  out.text = RenderTemplateText(StringAt(text, "body"), values);
  if (out.subject.empty()) out.subject = "Souhra: " + context.message->template_name;
  out.urgent = text.is_object() && text.value("urgent", false);
  out.due = values["due"];
  out.link = values["link"];
  // Every message leads back to its case, whether or not the template says so.
  if (!out.link.empty() && StringAt(text, "body").find("{link}") == std::string::npos) {
    out.text += "\n\n" + out.link;
  }
  return out;
}

}  // namespace souhra
