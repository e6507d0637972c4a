// The read queries, shared by the write transaction (which sees its own uncommitted writes)
// and the store's read connections (which see the last committed state).
//
// Each takes the connection to run on; the caller holds it exclusively for the call. Errors:
// kUnavailable (busy, I/O), kInternal (corrupt row).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/sqlite/connection.h"
#include "engine/records.h"

namespace souhra::sqlite {

Result<std::optional<CaseRecord>> QueryCase(Connection& db, CaseId id);
Result<std::optional<CaseRecord>> QueryCaseByCode(Connection& db, const std::string& tenant,
                                                  const std::string& code);
// Ordered by id; with `active_only`, only instances that have not reached a final state.
Result<std::vector<InstanceRecord>> QueryInstances(Connection& db, CaseId case_id,
                                                   bool active_only);
// By seq, after `after_seq`: a range of the index on case_id, which ends in the seq.
Result<std::vector<EventRecord>> QueryEvents(Connection& db, CaseId case_id, int64_t after_seq);
Result<std::optional<EventRecord>> QueryEventByKey(Connection& db, CaseId case_id,
                                                   const std::string& idempotency_key);
Result<std::vector<TaskRecord>> QueryTasks(Connection& db, CaseId case_id);  // by id
Result<std::optional<TaskRecord>> QueryOpenTask(Connection& db, CaseId case_id,
                                                const std::string& key);
// See Worklists::ListTasksForUser: a union of the user's own open tasks (by assignee), their
// roles' open tasks (through case_people) and the open tasks of `roles` on cases whose people
// name nobody in the role (by assignee, NOT EXISTS in case_people), ordered by due, without due
// last, then by id.
Result<std::vector<TaskRecord>> QueryTasksForUser(Connection& db, const UserTaskQuery& query);
Result<std::vector<TimerRecord>> QueryTimers(Connection& db, CaseId case_id);  // by due
Result<std::optional<TimerRecord>> QueryTimer(Connection& db, InstanceId instance_id,
                                              const std::string& key);
// Earliest first, at most `limit`: a range scan of the timers' primary key.
Result<std::vector<TimerRecord>> QueryDueTimers(Connection& db, Instant now, int limit);
// By id, after `after_id`.
Result<std::vector<OutboxRecord>> QueryOutbox(Connection& db, CaseId case_id, int64_t after_id);
// The outbox's delivery state, the attempts and the in-app inbox: see the roles in engine/store.h.
Result<std::vector<OutboxRecord>> QueryDueOutbox(Connection& db, Instant now, int limit);
Result<std::vector<OutboxRecord>> QueryFailedOutbox(Connection& db);
Result<std::vector<DeliveryAttempt>> QueryDeliveryAttempts(Connection& db, int64_t outbox_id);
Result<std::vector<InboxMessage>> QueryInbox(Connection& db, const std::string& tenant,
                                             const std::string& login, int limit);
Result<int64_t> QueryUnreadInboxCount(Connection& db, const std::string& tenant,
                                      const std::string& login);
Result<std::vector<DecisionRecord>> QueryDecisions(Connection& db, CaseId case_id);
// The event is kept without seq and outcome: it was never applied.
Result<std::vector<IncidentRecord>> QueryIncidents(Connection& db, bool open_only);
Result<std::optional<IncidentRecord>> QueryIncident(Connection& db, int64_t id);
Result<std::optional<DefinitionSource>> QueryDefinition(Connection& db,
                                                        const std::string& content_hash);
Result<std::optional<DefinitionSource>> QueryActiveDefinition(Connection& db,
                                                              const std::string& tenant,
                                                              const std::string& name);
Result<std::optional<TaskRecord>> QueryTaskById(Connection& db, int64_t task_id);
// See Worklists::ListCases and ListInstancesInStates, DefinitionVersions::ListActiveDefinitions.
Result<std::vector<CaseRecord>> QueryCases(Connection& db, const CaseQuery& query);
Result<std::vector<CaseInstance>> QueryInstancesInStates(Connection& db,
                                                         const InstanceStateQuery& query);
Result<std::vector<DefinitionSource>> QueryActiveDefinitions(Connection& db,
                                                             const std::string& tenant);

// Every version of (tenant, name) in saving order, numbered; an empty name: of every name.
Result<std::vector<DefinitionSource>> QueryDefinitionVersions(Connection& db,
                                                              const std::string& tenant,
                                                              const std::string& name);
// Active instances of workflow `name` in `tenant` per version and state.
Result<std::vector<VersionStateCount>> QueryActiveInstanceCounts(Connection& db,
                                                                 const std::string& tenant,
                                                                 const std::string& name);

}  // namespace souhra::sqlite
