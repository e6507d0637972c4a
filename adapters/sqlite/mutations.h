// The writes of a WriteTxn, one function per record operation, run on the writer connection
// inside its open transaction.
//
// Errors: kUnavailable (I/O, disk full, busy), kConflict (a repeated idempotency key, a
// second active definition), kInternal (a row the schema refuses: a missing case or instance,
// an attempt to change the event log).
#pragma once

#include <optional>
#include <string>

#include "adapters/sqlite/connection.h"
#include "engine/access.h"
#include "engine/records.h"

namespace souhra::sqlite {

// Writing a case also writes its people (the roles users hold in it) for ListTasksForUser.
Result<CaseId> WriteNewCase(Connection& db, const CaseRecord& record);
Status WriteCase(Connection& db, const CaseRecord& record);
Result<InstanceId> WriteNewInstance(Connection& db, const InstanceRecord& record);
Status WriteInstance(Connection& db, const InstanceRecord& record);
Status WriteTimer(Connection& db, const TimerRecord& record);
Status EraseTimer(Connection& db, InstanceId instance_id, const std::string& key);
Result<int64_t> WriteNewTask(Connection& db, const TaskRecord& record);
Status WriteTaskClosed(Connection& db, int64_t task_id, TaskStatus status, const Json& result);
Status WriteTaskAssignee(Connection& db, int64_t task_id, const std::string& assignee);
Status WriteTaskDue(Connection& db, int64_t task_id, std::optional<Instant> due);
Status CancelScopedRows(Connection& db, InstanceId instance_id, const std::string& state);
Status WriteNewOutbox(Connection& db, const OutboxRecord& record);
Status WriteDeliveryAttempt(Connection& db, const DeliveryAttempt& attempt,
                            const OutboxRecord& after);
Status WriteOutboxRequeued(Connection& db, int64_t outbox_id, Instant now);
Status WriteNewInboxMessage(Connection& db, const InboxMessage& message);
Status WriteInboxRead(Connection& db, const std::string& tenant, const std::string& login,
                      int64_t id, Instant at);
Status WriteNewDecision(Connection& db, const DecisionRecord& record);
Result<int64_t> WriteNewEvent(Connection& db, const EventRecord& record);
Result<int64_t> WriteNewIncident(Connection& db, const IncidentRecord& record);
Status WriteIncident(Connection& db, int64_t id, IncidentStatus status, int attempts,
                     const std::string& error);
Status WriteDefinition(Connection& db, const DefinitionSource& source);

}  // namespace souhra::sqlite
