#include "engine/runtime/meeting_record.h"

namespace souhra {
namespace {

// The key of the meeting object each field type fills.
const char* MeetingKeyOf(FieldType type) {
  return type == FieldType::kPlace ? "place" : type == FieldType::kLink ? "online_link" : nullptr;
}

}  // namespace

void RecordMeetingValues(const Workflow& workflow, InstanceId instance, const std::string& type,
                         const Json& payload, Json* data) {
  const StepDeclaration* step = workflow.FindEvent(type);
  if (step == nullptr || !step->form || !payload.is_object()) return;
  const std::string id = std::to_string(instance);
  for (const FormField& field : step->form->fields) {
    const char* key = MeetingKeyOf(field.type);
    auto value = payload.find(field.name);
    if (key == nullptr || value == payload.end() || !value->is_string() ||
        value->get_ref<const std::string&>().empty()) {
      continue;
    }
    // Checked again on its own: the payload was checked against the form of the workflow that
    // declared the step, which need not be this one.
    if (!ValidateForm(Form{{field}}, Json{{field.name, *value}}).empty()) continue;
    if (!(*data)[kMeetingRecordKey].is_object()) (*data)[kMeetingRecordKey] = Json::object();
    (*data)[kMeetingRecordKey][id][key] = *value;
  }
}

Json MeetingForInvitation(Json meeting, InstanceId instance, const Json& data) {
  if (!meeting.is_object()) return meeting;
  meeting.erase("place");
  meeting.erase("online_link");
  auto record = data.find(kMeetingRecordKey);
  if (record == data.end() || !record->is_object()) return meeting;
  auto mine = record->find(std::to_string(instance));
  if (mine == record->end() || !mine->is_object()) return meeting;
  for (const char* key : {"place", "online_link"}) {
    auto value = mine->find(key);
    if (value != mine->end() && value->is_string()) meeting[key] = *value;
  }
  return meeting;
}

}  // namespace souhra
