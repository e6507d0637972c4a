// DefinitionVersions (engine/store.h): stored versions, the active one, instance counts.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

TEST_P(DefinitionVersionsContract, ActivatingAVersionDeactivatesThePreviousOne) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("hash1", true)).ok());
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("hash2", true)).ok());
  });
  Result<std::optional<DefinitionSource>> active =
      store_->GetActiveDefinition("orp-kolin", "plan_review");
  ASSERT_TRUE(active.ok());
  ASSERT_TRUE(active->has_value());
  EXPECT_EQ((*active)->content_hash, "hash2");
  EXPECT_EQ((*active)->source, "return 'hash2'");
  EXPECT_EQ((*active)->file, "plan_review.lua");

  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("hash1", true)).ok());  // back to the older one
  });
  active = store_->GetActiveDefinition("orp-kolin", "plan_review");
  ASSERT_TRUE(active.ok());
  ASSERT_TRUE(active->has_value());
  EXPECT_EQ((*active)->content_hash, "hash1");
  Result<std::vector<DefinitionSource>> versions =
      store_->ListDefinitionVersions("orp-kolin", "plan_review");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].state(), DefinitionState::kActive);
  EXPECT_EQ((*versions)[1].state(), DefinitionState::kRetired);
}

TEST_P(DefinitionVersionsContract, DraftsActivationAndRetirementKeepTheirFirstSaving) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("h1", true)).ok());
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("h2", false)).ok());
    DefinitionSource again = SampleVersion("h1", false);  // a draft saved again: no change
    again.saved_by = "user:jiny";
    again.saved = At(99);
    ASSERT_TRUE(txn.PutDefinition(again).ok());
  });
  Result<std::vector<DefinitionSource>> versions =
      store_->ListDefinitionVersions("orp-kolin", "plan_review");
  ASSERT_TRUE(versions.ok()) << versions.status().ToString();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].state(), DefinitionState::kActive);
  EXPECT_EQ((*versions)[0].saved_by, "user:metodik");
  EXPECT_EQ((*versions)[0].saved, At(5));
  EXPECT_EQ((*versions)[0].number, 1);
  EXPECT_EQ((*versions)[1].state(), DefinitionState::kDraft);
  EXPECT_EQ((*versions)[1].number, 2);

  Write([&](WriteTxn& txn) { ASSERT_TRUE(txn.PutDefinition(SampleVersion("h2", true)).ok()); });
  versions = store_->ListDefinitionVersions("orp-kolin", "");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].state(), DefinitionState::kRetired);
  EXPECT_EQ((*versions)[1].state(), DefinitionState::kActive);
  EXPECT_TRUE(store_->ListDefinitionVersions("orp-beroun", "")->empty());
}

TEST_P(DefinitionVersionsContract, EveryNameIsListedByNameAndNumberedOnItsOwn) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("p1", true)).ok());
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("i1", true, "orp-kolin", "intake")).ok());
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("p2", false)).ok());
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("i2", false, "orp-kolin", "intake")).ok());
  });
  Result<std::vector<DefinitionSource>> versions = store_->ListDefinitionVersions("orp-kolin", "");
  ASSERT_TRUE(versions.ok());
  std::vector<std::string> seen;
  for (const DefinitionSource& v : *versions) {
    seen.push_back(v.content_hash + "#" + std::to_string(v.number));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"i1#1", "i2#2", "p1#1", "p2#2"}));
  Result<std::vector<DefinitionSource>> active = store_->ListActiveDefinitions("orp-kolin");
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 2u);
  EXPECT_EQ((*active)[0].name, "intake");
  EXPECT_EQ((*active)[1].name, "plan_review");
}

TEST_P(DefinitionVersionsContract, ActiveVersionsAreSeparatePerTenant) {
  Write([&](WriteTxn& txn) {
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("h-a", true, "orp-kolin", "intake")).ok());
    ASSERT_TRUE(txn.PutDefinition(SampleVersion("h-b", true, "orp-beroun", "intake")).ok());
  });
  EXPECT_EQ(store_->GetActiveDefinition("orp-kolin", "intake")->value().content_hash, "h-a");
  EXPECT_EQ(store_->GetActiveDefinition("orp-beroun", "intake")->value().content_hash, "h-b");
  EXPECT_FALSE(store_->GetActiveDefinition("orp-beroun", "plan_review")->has_value());
  EXPECT_EQ(store_->ListActiveDefinitions("orp-beroun")->size(), 1u);
}

TEST_P(DefinitionVersionsContract, ActiveInstancesAreCountedPerVersionAndState) {
  Write([&](WriteTxn& txn) {
    InstanceRecord other = SampleInstance(case_id_);
    other.definition_hash = std::string(64, 'b');
    ASSERT_TRUE(txn.InsertInstance(other).ok());
    ASSERT_TRUE(txn.InsertInstance(other).ok());
    InstanceRecord finished = SampleInstance(case_id_);
    finished.state = "done";
    finished.active = false;
    ASSERT_TRUE(txn.InsertInstance(finished).ok());
  });
  Result<std::vector<VersionStateCount>> counts =
      store_->CountActiveInstances("orp-kolin", "plan_review");
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].content_hash, std::string(64, 'a'));
  EXPECT_EQ((*counts)[0].state, "waiting");
  EXPECT_EQ((*counts)[0].count, 1);
  EXPECT_EQ((*counts)[1].content_hash, std::string(64, 'b'));
  EXPECT_EQ((*counts)[1].count, 2);
  EXPECT_TRUE(store_->CountActiveInstances("orp-beroun", "plan_review")->empty());
  EXPECT_TRUE(store_->CountActiveInstances("orp-kolin", "intake")->empty());
}

}  // namespace
}  // namespace souhra::contracts
