// The definitions lifecycle in the SQLite store (migration 7): drafts, activation, versions in
// saving order, and the count of active instances per version and state.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_test_fixture.h"

namespace souhra::sqlite {
namespace {

using DefinitionsTest = SqliteStoreTest;

DefinitionSource Version(const std::string& hash, bool active) {
  DefinitionSource v;
  v.tenant = "orp-kolin";
  v.name = "plan_review";
  v.content_hash = hash;
  v.file = "plan_review.lua";
  v.source = "return '" + hash + "'";
  v.active = active;
  v.saved = At(5);
  v.saved_by = "user:metodik";
  return v;
}

TEST_F(DefinitionsTest, DraftsActivationAndRetirementKeepTheirFirstSaving) {
  auto txn = Begin();
  ASSERT_TRUE(txn->PutDefinition(Version("h1", true)).ok());
  ASSERT_TRUE(txn->PutDefinition(Version("h2", false)).ok());
  DefinitionSource again = Version("h1", false);  // a draft saved again: nothing changes
  again.saved_by = "user:jiny";
  ASSERT_TRUE(txn->PutDefinition(again).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto versions = store_->ListDefinitionVersions("orp-kolin", "plan_review");
  ASSERT_TRUE(versions.ok()) << versions.status().ToString();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].state(), DefinitionState::kActive);
  EXPECT_EQ((*versions)[0].saved_by, "user:metodik");
  EXPECT_EQ((*versions)[0].saved, At(5));
  EXPECT_EQ((*versions)[1].state(), DefinitionState::kDraft);
  EXPECT_EQ((*versions)[1].number, 2);

  txn = Begin();
  ASSERT_TRUE(txn->PutDefinition(Version("h2", true)).ok());
  ASSERT_TRUE(txn->Commit().ok());
  versions = store_->ListDefinitionVersions("orp-kolin", "");
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ((*versions)[0].state(), DefinitionState::kRetired);
  EXPECT_EQ((*versions)[1].state(), DefinitionState::kActive);
  EXPECT_TRUE(store_->ListDefinitionVersions("orp-beroun", "")->empty());
}

TEST_F(DefinitionsTest, ActiveInstancesAreCountedPerVersionAndState) {
  auto txn = Begin();
  InstanceRecord other = SampleInstance(case_id_);
  other.definition_hash = std::string(64, 'b');
  ASSERT_TRUE(txn->InsertInstance(other).ok());
  ASSERT_TRUE(txn->InsertInstance(other).ok());
  InstanceRecord finished = SampleInstance(case_id_);
  finished.state = "done";
  finished.active = false;
  ASSERT_TRUE(txn->InsertInstance(finished).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto counts = store_->CountActiveInstances("orp-kolin", "plan_review");
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].content_hash, std::string(64, 'a'));
  EXPECT_EQ((*counts)[0].count, 1);
  EXPECT_EQ((*counts)[1].state, "waiting");
  EXPECT_EQ((*counts)[1].count, 2);
  EXPECT_TRUE(store_->CountActiveInstances("orp-beroun", "plan_review")->empty());
}

TEST_F(DefinitionsTest, InstanceCountsUseTheActiveInstancesIndex) {
  std::string plan = RawQuery(dir_.File("souhra.db"),
                              "EXPLAIN QUERY PLAN SELECT i.definition_hash, i.state, COUNT(*)"
                              " FROM instances i JOIN cases c ON c.id = i.case_id"
                              " WHERE i.workflow = 'x' AND i.active = 1 AND c.tenant = 'y'"
                              " GROUP BY i.definition_hash, i.state",
                              /*column=*/3);
  EXPECT_NE(plan.find("instances_active_by_workflow"), std::string::npos) << plan;
}

}  // namespace
}  // namespace souhra::sqlite
