// ActivationRequests (engine/store.h): requests to activate a version, kept through the write
// transaction, decided once, listed newest first.
#include <string>
#include <vector>

#include "tests/contracts/store_contract.h"

namespace souhra::contracts {
namespace {

ActivationRequest SampleRequest(const std::string& name, const std::string& version) {
  ActivationRequest r;
  r.tenant = "orp-kolin";
  r.name = name;
  r.version = version;
  r.active_version = "a1";
  r.approver = "head";
  r.requested_by = "user:metodik";
  r.requested_at = At(10);
  r.diff_sha256 = std::string(64, 'c');
  return r;
}

TEST_P(ActivationRequestsContract, ARequestKeepsWhatWasAsked) {
  Result<int64_t> id = int64_t{0};
  Write([&](WriteTxn& txn) {
    id = txn.PutActivationRequest(SampleRequest("information_sharing", "b2"));
    ASSERT_TRUE(id.ok()) << id.status().ToString();
  });
  Result<std::optional<ActivationRequest>> got = store_->GetActivationRequest(*id);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const ActivationRequest& r = **got;
  EXPECT_EQ(r.id, *id);
  EXPECT_EQ(r.tenant, "orp-kolin");
  EXPECT_EQ(r.name, "information_sharing");
  EXPECT_EQ(r.version, "b2");
  EXPECT_EQ(r.active_version, "a1");
  EXPECT_EQ(r.approver, "head");
  EXPECT_EQ(r.requested_by, "user:metodik");
  EXPECT_EQ(r.requested_at, At(10));
  EXPECT_EQ(r.diff_sha256, std::string(64, 'c'));
  EXPECT_EQ(r.status, ActivationStatus::kPending);
  EXPECT_EQ(r.decided_by, "");
}

TEST_P(ActivationRequestsContract, ADecisionWritesOnlyItsOwnFields) {
  Result<int64_t> id = int64_t{0};
  Write([&](WriteTxn& txn) { id = txn.PutActivationRequest(SampleRequest("consent", "b2")); });
  Write([&](WriteTxn& txn) {
    ActivationRequest decided = SampleRequest("other", "zz");
    decided.id = *id;
    decided.status = ActivationStatus::kRefused;
    decided.decided_by = "user:vedouci";
    decided.decided_at = At(20);
    decided.reason = "Chybí zdůvodnění.";
    ASSERT_TRUE(txn.PutActivationRequest(decided).ok());
  });
  Result<std::optional<ActivationRequest>> got = store_->GetActivationRequest(*id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->name, "consent");
  EXPECT_EQ((*got)->version, "b2");
  EXPECT_EQ((*got)->status, ActivationStatus::kRefused);
  EXPECT_EQ((*got)->decided_by, "user:vedouci");
  EXPECT_EQ((*got)->decided_at, At(20));
  EXPECT_EQ((*got)->reason, "Chybí zdůvodnění.");
}

TEST_P(ActivationRequestsContract, DecidingAnUnknownRequestIsNotFound) {
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_NE(txn, nullptr);
  ActivationRequest unknown = SampleRequest("consent", "b2");
  unknown.id = 999;
  EXPECT_EQ(txn->PutActivationRequest(unknown).status().code(), StatusCode::kNotFound);
}

TEST_P(ActivationRequestsContract, ThePendingRequestOfAVersionIsFoundInTheTransaction) {
  std::unique_ptr<WriteTxn> txn = Begin();
  ASSERT_NE(txn, nullptr);
  ASSERT_TRUE(txn->PutActivationRequest(SampleRequest("consent", "b2")).ok());
  Result<std::optional<ActivationRequest>> pending =
      txn->FindPendingActivation("orp-kolin", "consent", "b2");
  ASSERT_TRUE(pending.ok());
  ASSERT_TRUE(pending->has_value());
  EXPECT_EQ((*pending)->version, "b2");
  Result<std::optional<ActivationRequest>> other =
      txn->FindPendingActivation("orp-kolin", "consent", "c3");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
  Result<std::optional<ActivationRequest>> by_id = txn->FindActivationRequest(1);
  ASSERT_TRUE(by_id.ok());
  EXPECT_TRUE(by_id->has_value());
}

TEST_P(ActivationRequestsContract, ListsNewestFirstAndThePendingOnesAlone) {
  std::vector<int64_t> ids;
  Write([&](WriteTxn& txn) {
    for (const char* version : {"b1", "b2", "b3"}) {
      Result<int64_t> id = txn.PutActivationRequest(SampleRequest("consent", version));
      ASSERT_TRUE(id.ok());
      ids.push_back(*id);
    }
    ActivationRequest other_tenant = SampleRequest("consent", "b9");
    other_tenant.tenant = "jinde";
    ASSERT_TRUE(txn.PutActivationRequest(other_tenant).ok());
    ActivationRequest approved = SampleRequest("consent", "b2");
    approved.id = ids[1];
    approved.status = ActivationStatus::kApproved;
    ASSERT_TRUE(txn.PutActivationRequest(approved).ok());
  });
  Result<std::vector<ActivationRequest>> all = store_->ListActivationRequests("orp-kolin", false);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].version, "b3");
  EXPECT_EQ((*all)[2].version, "b1");
  Result<std::vector<ActivationRequest>> pending =
      store_->ListActivationRequests("orp-kolin", true);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].version, "b3");
  EXPECT_EQ((*pending)[1].version, "b1");
}

}  // namespace
}  // namespace souhra::contracts
