// Records <-> rows: the column lists of each table and the functions that read a row in that
// order. Queries select `SOUHRA_<TABLE>_COLUMNS` and hand the statement to the matching Read*.
// Readers never fail; a corrupt JSON column is reported through Statement::status().
#pragma once

#include "adapters/sqlite/statement.h"
#include "engine/records.h"

#define SOUHRA_CASE_COLUMNS "id, tenant, code, data, created, closed, closed_at"
#define SOUHRA_INSTANCE_COLUMNS "id, case_id, workflow, definition_hash, state, active, steps"
#define SOUHRA_TIMER_COLUMNS "instance_id, case_id, key, due, scope_state, keep"
#define SOUHRA_TASK_COLUMNS                                                                  \
  "id, case_id, instance_id, key, title, assignee, due, remind, scope_state, keep, status, " \
  "result, done_by, form"
#define SOUHRA_OUTBOX_COLUMNS                                                                    \
  "id, case_id, instance_id, recipient, template, channel, payload, created, status, attempts, " \
  "next_attempt, last_error"
#define SOUHRA_ATTEMPT_COLUMNS "outbox_id, channel, at, ok, error"
#define SOUHRA_INBOX_COLUMNS \
  "id, delivery_key, tenant, login, case_id, task_key, template, payload, created, read_at"
#define SOUHRA_DECISION_COLUMNS "case_id, instance_id, rule_set, rule_set_hash, result, decided"
#define SOUHRA_EVENT_COLUMNS \
  "seq, case_id, instance_id, type, payload, idempotency_key, actor, at, due, outcome"
#define SOUHRA_INCIDENT_COLUMNS                                                                \
  "id, case_id, instance_id, type, payload, idempotency_key, actor, at, due, error, created, " \
  "status, attempts"
#define SOUHRA_DEFINITION_COLUMNS \
  "tenant, name, content_hash, file, source, active, was_active, saved_at, saved_by"

namespace souhra::sqlite {

CaseRecord ReadCase(Statement& row);
InstanceRecord ReadInstance(Statement& row);
TimerRecord ReadTimer(Statement& row);
TaskRecord ReadTask(Statement& row);
OutboxRecord ReadOutbox(Statement& row);
DeliveryAttempt ReadDeliveryAttempt(Statement& row);
InboxMessage ReadInboxMessage(Statement& row);
DecisionRecord ReadDecision(Statement& row);
EventRecord ReadEvent(Statement& row);
IncidentRecord ReadIncident(Statement& row);
DefinitionSource ReadDefinition(Statement& row);

int64_t TaskStatusValue(TaskStatus status);
int64_t IncidentStatusValue(IncidentStatus status);
int64_t OutboxStatusValue(OutboxStatus status);

}  // namespace souhra::sqlite
