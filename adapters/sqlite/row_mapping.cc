#include "adapters/sqlite/row_mapping.h"

namespace souhra::sqlite {

CaseRecord ReadCase(Statement& row) {
  CaseRecord r;
  r.id = row.Int(0);
  r.tenant = row.Text(1);
  r.code = row.Text(2);
  r.data = row.JsonColumn(3);
  r.created = row.Time(4);
  r.closed = row.Bool(5);
  r.closed_at = row.OptionalTime(6);
  return r;
}

InstanceRecord ReadInstance(Statement& row) {
  InstanceRecord r;
  r.id = row.Int(0);
  r.case_id = row.Int(1);
  r.workflow = row.Text(2);
  r.definition_hash = row.Text(3);
  r.state = row.Text(4);
  r.active = row.Bool(5);
  r.steps = row.Int(6);
  return r;
}

TimerRecord ReadTimer(Statement& row) {
  TimerRecord r;
  r.instance_id = row.Int(0);
  r.case_id = row.Int(1);
  r.key = row.Text(2);
  r.due = row.Time(3);
  r.scope_state = row.Text(4);
  r.keep = row.Bool(5);
  return r;
}

TaskRecord ReadTask(Statement& row) {
  TaskRecord r;
  r.id = row.Int(0);
  r.case_id = row.Int(1);
  r.instance_id = row.Int(2);
  r.key = row.Text(3);
  r.title = row.Text(4);
  r.assignee = row.Text(5);
  r.due = row.OptionalTime(6);
  r.remind = row.JsonColumn(7);
  r.scope_state = row.Text(8);
  r.keep = row.Bool(9);
  int64_t status = row.Int(10);
  r.status = status == 1   ? TaskStatus::kDone
             : status == 2 ? TaskStatus::kCancelled
                           : TaskStatus::kOpen;
  r.result = row.JsonColumn(11);
  r.done_by = row.StringsColumn(12);
  r.form = row.JsonColumn(13);
  return r;
}

OutboxRecord ReadOutbox(Statement& row) {
  OutboxRecord r;
  r.id = row.Int(0);
  r.case_id = row.Int(1);
  r.instance_id = row.Int(2);
  r.recipient = row.Text(3);
  r.template_name = row.Text(4);
  r.channel = row.Text(5);
  r.payload = row.JsonColumn(6);
  r.created = row.Time(7);
  const int64_t status = row.Int(8);
  r.status = status == 1   ? OutboxStatus::kDelivered
             : status == 2 ? OutboxStatus::kFailed
             : status == 3 ? OutboxStatus::kRefused
                           : OutboxStatus::kPending;
  r.attempts = static_cast<int>(row.Int(9));
  r.next_attempt = row.Time(10);
  r.last_error = row.Text(11);
  return r;
}

DeliveryAttempt ReadDeliveryAttempt(Statement& row) {
  DeliveryAttempt r;
  r.outbox_id = row.Int(0);
  r.channel = row.Text(1);
  r.at = row.Time(2);
  r.ok = row.Bool(3);
  r.error = row.Text(4);
  return r;
}

InboxMessage ReadInboxMessage(Statement& row) {
  InboxMessage r;
  r.id = row.Int(0);
  r.delivery_key = row.Text(1);
  r.tenant = row.Text(2);
  r.login = row.Text(3);
  r.case_id = row.Int(4);
  r.task_key = row.Text(5);
  r.template_name = row.Text(6);
  r.payload = row.JsonColumn(7);
  r.created = row.Time(8);
  r.read = row.OptionalTime(9);
  return r;
}

DecisionRecord ReadDecision(Statement& row) {
  DecisionRecord r;
  r.case_id = row.Int(0);
  r.instance_id = row.Int(1);
  r.rule_set = row.Text(2);
  r.rule_set_hash = row.Text(3);
  r.result = row.JsonColumn(4);
  r.decided = row.Time(5);
  return r;
}

EventRecord ReadEvent(Statement& row) {
  EventRecord r;
  r.seq = row.Int(0);
  r.case_id = row.Int(1);
  r.instance_id = row.Int(2);
  r.type = row.Text(3);
  r.payload = row.JsonColumn(4);
  r.idempotency_key = row.Text(5);
  r.actor = row.Text(6);
  r.at = row.Time(7);
  r.due = row.OptionalTime(8);
  r.outcome = row.JsonColumn(9);
  return r;
}

IncidentRecord ReadIncident(Statement& row) {
  IncidentRecord r;
  r.id = row.Int(0);
  r.case_id = row.Int(1);
  r.event.case_id = r.case_id;
  r.event.instance_id = row.Int(2);
  r.event.type = row.Text(3);
  r.event.payload = row.JsonColumn(4);
  r.event.idempotency_key = row.Text(5);
  r.event.actor = row.Text(6);
  r.event.at = row.Time(7);
  r.event.due = row.OptionalTime(8);
  r.error = row.Text(9);
  r.created = row.Time(10);
  r.status = row.Int(11) == 1 ? IncidentStatus::kResolved : IncidentStatus::kOpen;
  r.attempts = static_cast<int>(row.Int(12));
  return r;
}

DefinitionSource ReadDefinition(Statement& row) {
  DefinitionSource r;
  r.tenant = row.Text(0);
  r.name = row.Text(1);
  r.content_hash = row.Text(2);
  r.file = row.Text(3);
  r.source = row.Text(4);
  r.active = row.Bool(5);
  r.was_active = row.Bool(6);
  r.saved = row.Time(7);
  r.saved_by = row.Text(8);
  return r;
}

int64_t TaskStatusValue(TaskStatus status) {
  switch (status) {
    case TaskStatus::kOpen:
      return 0;
    case TaskStatus::kDone:
      return 1;
    case TaskStatus::kCancelled:
      return 2;
  }
  return 0;
}

int64_t IncidentStatusValue(IncidentStatus status) {
  return status == IncidentStatus::kResolved ? 1 : 0;
}

int64_t OutboxStatusValue(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::kPending:
      return 0;
    case OutboxStatus::kDelivered:
      return 1;
    case OutboxStatus::kFailed:
      return 2;
    case OutboxStatus::kRefused:
      return 3;
  }
  return 0;
}

}  // namespace souhra::sqlite
