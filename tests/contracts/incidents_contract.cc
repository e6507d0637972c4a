// Incidents (engine/store.h): failed events kept whole, listed, updated on retry.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

IncidentRecord SampleIncident(CaseId case_id, const std::string& type) {
  IncidentRecord incident;
  incident.case_id = case_id;
  incident.event = SampleEvent(case_id, type);
  incident.event.idempotency_key = "req-9";
  incident.event.due = At(7);
  incident.error = "script_error: workflows/plan_review.lua:14: attempt to index a nil value";
  incident.created = At(40);
  return incident;
}

TEST_P(IncidentsContract, AnIncidentKeepsItsEventAndError) {
  IncidentRecord incident = SampleIncident(case_id_, "task.review.done");
  Result<int64_t> id = int64_t{0};
  Write([&](WriteTxn& txn) {
    id = txn.InsertIncident(incident);
    ASSERT_TRUE(id.ok());
  });
  Result<std::optional<IncidentRecord>> got = store_->GetIncident(*id);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const IncidentRecord& r = **got;
  EXPECT_EQ(r.id, *id);
  EXPECT_EQ(r.case_id, case_id_);
  EXPECT_EQ(r.event.case_id, case_id_);
  EXPECT_EQ(r.event.type, "task.review.done");
  EXPECT_EQ(r.event.payload, incident.event.payload);
  EXPECT_EQ(r.event.idempotency_key, "req-9");
  EXPECT_EQ(r.event.actor, "user:novak");
  EXPECT_EQ(r.event.at, incident.event.at);
  EXPECT_EQ(r.event.due, At(7));
  EXPECT_EQ(r.error, incident.error);
  EXPECT_EQ(r.created, At(40));
  EXPECT_EQ(r.status, IncidentStatus::kOpen);
  EXPECT_EQ(r.attempts, 1);
}

TEST_P(IncidentsContract, OpenOnesListByIdUntilResolved) {
  Result<int64_t> first = int64_t{0};
  Result<int64_t> second = int64_t{0};
  Write([&](WriteTxn& txn) {
    first = txn.InsertIncident(SampleIncident(case_id_, "a"));
    second = txn.InsertIncident(SampleIncident(case_id_, "b"));
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(second.ok());
  });
  Result<std::vector<IncidentRecord>> open = store_->ListIncidents(/*open_only=*/true);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 2u);
  EXPECT_EQ((*open)[0].id, *first);
  EXPECT_EQ((*open)[1].id, *second);

  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.UpdateIncident(*first, IncidentStatus::kResolved, 2, "").ok());
  });
  open = store_->ListIncidents(true);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].id, *second);
  EXPECT_EQ(store_->ListIncidents(false)->size(), 2u);
  Result<std::optional<IncidentRecord>> resolved = store_->GetIncident(*first);
  ASSERT_TRUE(resolved.ok());
  ASSERT_TRUE(resolved->has_value());
  EXPECT_EQ((*resolved)->status, IncidentStatus::kResolved);
  EXPECT_EQ((*resolved)->attempts, 2);
  EXPECT_EQ((*resolved)->error, "");
}

TEST_P(IncidentsContract, AMissingIncidentIsEmptyNotAnError) {
  Result<std::optional<IncidentRecord>> got = store_->GetIncident(99);
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());
  EXPECT_TRUE(store_->ListIncidents(false)->empty());
}

}  // namespace
}  // namespace souhra::contracts
