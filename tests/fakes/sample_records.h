// A few records to put in a store, for the store contracts (tests/contracts/) and the SQLite
// store's own tests: a case with people, an instance, an event, a task, an outbox message and a
// definition version, all at fixed times in spring 2026.
#pragma once

#include <string>

#include "engine/records.h"

namespace souhra::testing {

inline Instant At(int64_t seconds) { return FromMillis(1'775'000'000'000 + seconds * 1000); }

// Each call gives a new client code: codes are unique within a tenant.
inline CaseRecord SampleCase(const std::string& tenant = "orp-kolin") {
  static int next = 42;
  CaseRecord r;
  r.tenant = tenant;
  r.code = "K-2026-" + std::to_string(next++);
  r.data = Json{{"consent", true}, {"people", {{"case_manager", "user:novak"}}}};
  r.created = At(0);
  return r;
}

inline InstanceRecord SampleInstance(CaseId case_id) {
  InstanceRecord r;
  r.case_id = case_id;
  r.workflow = "plan_review";
  r.definition_hash = std::string(64, 'a');
  r.state = "waiting";
  return r;
}

inline EventRecord SampleEvent(CaseId case_id, const std::string& type) {
  EventRecord r;
  r.case_id = case_id;
  r.type = type;
  r.payload = Json{{"note", "schůzka proběhla"}};
  r.actor = "user:novak";
  r.at = At(10);
  r.outcome = Json{{"transitions", Json::array()}};
  return r;
}

inline TaskRecord SampleTask(CaseId case_id, InstanceId instance_id, const std::string& key) {
  TaskRecord r;
  r.case_id = case_id;
  r.instance_id = instance_id;
  r.key = key;
  r.title = "Přehodnotit individuální plán";
  r.assignee = "case_manager";
  r.scope_state = "waiting";
  return r;
}

inline OutboxRecord SampleMessage(CaseId case_id, InstanceId instance_id, Instant created) {
  OutboxRecord r;
  r.case_id = case_id;
  r.instance_id = instance_id;
  r.recipient = "coordinator";
  r.template_name = "plan_review_overdue";
  r.channel = "email";
  r.payload = Json{{"code", "K-2026-0042"}};
  r.created = created;
  return r;
}

// A version of plan_review for orp-kolin, saved at At(5).
inline DefinitionSource SampleVersion(const std::string& hash, bool active,
                                      const std::string& tenant = "orp-kolin",
                                      const std::string& name = "plan_review") {
  DefinitionSource v;
  v.tenant = tenant;
  v.name = name;
  v.content_hash = hash;
  v.file = name + ".lua";
  v.source = "return '" + hash + "'";
  v.active = active;
  v.saved = At(5);
  v.saved_by = "user:metodik";
  return v;
}

}  // namespace souhra::testing
