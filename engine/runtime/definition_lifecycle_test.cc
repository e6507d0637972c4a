// Drafts, activation and versions of definitions through the Engine (engine.h SaveDraft,
// Activate) and the store's lifecycle queries (store.h ListDefinitionVersions,
// CountActiveInstances), on a real SQLite file.
#include <gtest/gtest.h>

#include <map>

#include "tests/fakes/engine_fixture.h"

namespace souhra {
namespace {

constexpr char kV1[] = R"lua(
return workflow {
  name = "intake",
  title = "Příjem",
  initial = "new",
  states = {
    new = { title = "Nový", on = { next = { go = "open" } } },
    open = { title = "Otevřený", on = { close = { go = "closed" } } },
    closed = { title = "Uzavřený", final = true },
  },
}
)lua";

std::string V2() {
  const std::string title = "\"Příjem\"";
  std::string v2 = kV1;
  v2.replace(v2.find(title), title.size(), "\"Příjem v2\"");
  return v2;
}

class DefinitionLifecycleTest : public testing::EngineFixture {
 protected:
  DefinitionLifecycleTest() : EngineFixture(FromMillis(1775116800000)) {}

  std::string SaveDraft(const std::string& source) {
    Result<DefinitionChange> saved =
        engine_->SaveDraft("demo", "intake.lua", source, "user:metodik");
    EXPECT_TRUE(saved.ok()) << saved.status().ToString();
    return saved.ok() ? saved->version : "";
  }

  Result<Applied> StartCase(const std::string& code) {
    NewCase request;
    request.tenant = "demo";
    request.code = code;
    request.workflow = "intake";
    return engine_->CreateCase(request);
  }

  std::vector<DefinitionSource> Versions() {
    return *store_->ListDefinitionVersions("demo", "intake");
  }
};

TEST_F(DefinitionLifecycleTest, ADraftIsStoredButNotUsedUntilActivated) {
  std::string v1 = SaveDraft(kV1);
  ASSERT_EQ(v1.size(), 64u);
  std::vector<DefinitionSource> versions = Versions();
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].state(), DefinitionState::kDraft);
  EXPECT_EQ(versions[0].saved_by, "user:metodik");
  EXPECT_EQ(versions[0].saved, FromMillis(1775116800000));
  EXPECT_EQ(versions[0].number, 1);
  EXPECT_EQ(StartCase("K-1").status().code(), StatusCode::kNotFound);

  Result<DefinitionChange> activated = engine_->Activate("demo", "intake", v1.substr(0, 8));
  ASSERT_TRUE(activated.ok()) << activated.status().ToString();
  EXPECT_EQ(activated->version, v1);
  EXPECT_EQ(activated->previous, "");
  EXPECT_EQ(activated->changed, true);
  EXPECT_EQ(Versions()[0].state(), DefinitionState::kActive);
  EXPECT_TRUE(StartCase("K-1").ok());
}

TEST_F(DefinitionLifecycleTest, SavingAndActivatingAgainChangeNothing) {
  std::string v1 = SaveDraft(kV1);
  ASSERT_TRUE(engine_->Activate("demo", "intake", v1).ok());
  Result<DefinitionChange> again = engine_->SaveDraft("demo", "intake.lua", kV1, "user:jiny");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created, false);
  std::vector<DefinitionSource> versions = Versions();
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].state(), DefinitionState::kActive);  // still active, not a draft again
  EXPECT_EQ(versions[0].saved_by, "user:metodik");
  Result<DefinitionChange> reactivated = engine_->Activate("demo", "intake", v1);
  ASSERT_TRUE(reactivated.ok());
  EXPECT_EQ(reactivated->changed, false);
}

TEST_F(DefinitionLifecycleTest, ActivatingRetiresThePreviousVersionAndPinsRunningInstances) {
  std::string v1 = SaveDraft(kV1);
  ASSERT_TRUE(engine_->Activate("demo", "intake", v1).ok());
  ASSERT_TRUE(StartCase("K-1").ok());
  Result<Applied> second = StartCase("K-2");
  ASSERT_TRUE(second.ok());
  EventRequest next;
  next.case_id = second->case_id;
  next.type = "next";
  ASSERT_TRUE(engine_->Submit(next).ok());

  std::string v2 = SaveDraft(V2());
  ASSERT_NE(v1, v2);
  Result<DefinitionChange> activated = engine_->Activate("demo", "intake", v2);
  ASSERT_TRUE(activated.ok()) << activated.status().ToString();
  EXPECT_EQ(activated->previous, v1);
  ASSERT_TRUE(StartCase("K-3").ok());

  std::vector<DefinitionSource> versions = Versions();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].content_hash, v1);
  EXPECT_EQ(versions[0].state(), DefinitionState::kRetired);
  EXPECT_EQ(versions[1].state(), DefinitionState::kActive);
  EXPECT_EQ(versions[1].number, 2);

  Result<std::vector<VersionStateCount>> counts = store_->CountActiveInstances("demo", "intake");
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  std::map<std::pair<std::string, std::string>, int64_t> by;
  for (const VersionStateCount& c : *counts) by[{c.content_hash, c.state}] = c.count;
  std::map<std::pair<std::string, std::string>, int64_t> expected = {
      {{v1, "new"}, 1}, {{v1, "open"}, 1}, {{v2, "new"}, 1}};
  EXPECT_EQ(by, expected);
  EXPECT_TRUE(store_->CountActiveInstances("other", "intake")->empty());
}

TEST_F(DefinitionLifecycleTest, RefusalsSayWhatIsWrong) {
  Result<DefinitionChange> invalid =
      engine_->SaveDraft("demo", "bad.lua", "return workflow {\n  nme = 1 }", "user:metodik");
  EXPECT_EQ(invalid.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(invalid.status().message().find("bad.lua:2:"), std::string::npos);

  Result<DefinitionChange> missing = engine_->Activate("demo", "intake", "abc");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("Definice „intake“ takovou verzi nemá"),
            std::string::npos)
      << missing.status().message();

  SaveDraft(kV1);
  SaveDraft(V2());
  Result<DefinitionChange> ambiguous = engine_->Activate("demo", "intake", "");
  EXPECT_EQ(ambiguous.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(DefinitionLifecycleTest, ActivationChecksReferencesAgainstTheTenantsActiveDefinitions) {
  std::string other = R"lua(
return workflow {
  name = "other", initial = "a",
  states = { a = { title = "A", final = true } },
})lua";
  Install("other.lua", other);
  std::string starts = kV1;
  starts.replace(starts.find("go = \"open\""), 11,
                 "go = \"open\", run = { start { workflow = \"ghost\" } }");
  std::string draft = SaveDraft(starts);
  Result<DefinitionChange> refused = engine_->Activate("demo", "intake", draft);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("ghost"), std::string::npos)
      << refused.status().message();
  EXPECT_EQ(Versions()[0].state(), DefinitionState::kDraft);
}

}  // namespace
}  // namespace souhra
