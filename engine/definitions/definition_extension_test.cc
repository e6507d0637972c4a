// A tenant's `extend "name" { … }` over a shipped definition: merging, the pinned hash, and
// diagnostics in the right file.
#include "engine/definitions/definition_extension.h"

#include <gtest/gtest.h>

#include "engine/definitions/definition_loader.h"

namespace souhra {
namespace {

constexpr char kBase[] = R"(return workflow {
  name = "review",
  params = { every = "60 working days" },
  templates = { late = { title = "Pozdě", body = "Případ {case}" } },
  initial = "waiting",
  states = {
    waiting = {
      enter = timer { key = "due", after = "every" },
      on = { ["timer.due"] = { go = "late" } },
    },
    late = { enter = notify { to = "coordinator", template = "late" }, on = {} },
  },
})";

constexpr char kExtension[] = R"(-- a tenant
return extend "review" {
  params = { every = "30 working days" },
  states = {
    late = {
      title = "Po termínu",
      enter = notify { to = "head", template = "late" },
      on = { ["review.done"] = { go = "waiting" } },
    },
  },
})";

constexpr char kRules[] = R"(return rules {
  name = "fit",
  params = { min_age = 55 },
  min_score = 1,
  criteria = {
    criterion { id = "age", weight = 1,
                check = function(case, params) return (case.data.age or 0) >= params.min_age end },
    criterion { id = "other", weight = 1, check = function(case, params) return false end },
  },
})";

Result<LoadedDefinition> Load(const std::string& source, std::vector<Diagnostic>* d = nullptr) {
  return LoadDefinition("tenants/a/review.lua", source, SandboxLimits{}, ValidationContext{}, d);
}

TEST(DefinitionExtension, ChangesParamsAndReplacesStates) {
  auto loaded = Load(ComposeExtension("workflows/review.lua", kBase, kExtension));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const Workflow& w = *loaded->workflow;
  EXPECT_EQ(w.params["every"], "30 working days");
  EXPECT_EQ(w.states.at("late").title, "Po termínu");
  EXPECT_EQ(w.states.at("late").enter.front().args["to"], "head");
  EXPECT_EQ(w.states.at("waiting").on.count("timer.due"), 1u);  // the base's state stays
  EXPECT_EQ(w.file, "tenants/a/review.lua");
}

TEST(DefinitionExtension, TheHashCoversTheBaseToo) {
  auto one = Load(ComposeExtension("workflows/review.lua", kBase, kExtension));
  std::string changed_base = kBase;
  changed_base.replace(changed_base.find("Pozdě"), 1, "p");
  auto two = Load(ComposeExtension("workflows/review.lua", changed_base, kExtension));
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_NE(one->workflow->content_hash, two->workflow->content_hash);
}

TEST(DefinitionExtension, ReplacesACriterionByIdAndChangesRuleParams) {
  constexpr char kTenant[] = R"(return extend "fit" {
  params = { min_age = 18 },
  criteria = { criterion { id = "other", weight = 2, check = function() return true end } },
})";
  auto loaded = Load(ComposeExtension("rules/fit.lua", kRules, kTenant));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const RuleSet& r = *loaded->rule_set;
  ASSERT_EQ(r.criteria.size(), 2u);
  EXPECT_EQ(r.criteria[1].id, "other");
  EXPECT_EQ(r.criteria[1].weight, 2);
  EXPECT_EQ(r.params["min_age"], 18);
}

TEST(DefinitionExtension, ProblemsPointIntoTheExtensionsFileAndLine) {
  constexpr char kBad[] = R"(return extend "review" {
  states = {
    late = {
      on = { ["review.done"] = { go = "nowhere" } },
    },
  },
  initial = "waiting",
  titel = "x",
})";
  std::vector<Diagnostic> d;
  auto loaded = Load(ComposeExtension("workflows/review.lua", kBase, kBad), &d);
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(
      d[0].ToString(),
      "tenants/a/review.lua:8: an extension of a workflow cannot change 'titel' (did you mean "
      "'title'?)");
  constexpr char kBadTarget[] = R"(return extend "review" {
  states = {
    late = {
      on = { ["review.done"] = { go = "nowhere" } },
    },
  },
})";
  d.clear();
  loaded = Load(ComposeExtension("workflows/review.lua", kBase, kBadTarget), &d);
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.file, "tenants/a/review.lua");
  EXPECT_EQ(d[0].pos.line, 4);
}

TEST(DefinitionExtension, AnExtensionWithoutItsBaseIsRefused) {
  std::vector<Diagnostic> d;
  ASSERT_FALSE(Load(kExtension, &d).ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].ToString(),
            "tenants/a/review.lua:2: extend \"review\": no shipped definition "
            "of that name to extend among the files given");
}

TEST(DefinitionExtension, BasesArePreparedInOrder) {
  ExtensionBases bases;
  EXPECT_EQ(bases.Prepare("workflows/review.lua", kBase), kBase);
  EXPECT_EQ(bases.Prepare("tenants/a/review.lua", kExtension),
            ComposeExtension("workflows/review.lua", kBase, kExtension));
  ExtensionBases empty;
  EXPECT_EQ(empty.Prepare("tenants/a/review.lua", kExtension), kExtension);
}

}  // namespace
}  // namespace souhra
