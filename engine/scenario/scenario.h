// A scenario: a methodologist's script of what happens to cases over time and what must follow.
//
// It names the definitions to install, a tenant and a start time, then lists steps in order:
// create a case, send an event, advance the virtual clock, expect something. Each step keeps the
// line of its call so that a failure points at it. The language is documented in
// workflows/README.md ("Scenarios"); engine/scenario/scenario_reader.h reads it, scenario_runner.h
// runs it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/clock.h"
#include "engine/definitions/definition.h"
#include "engine/duration.h"

namespace souhra {

// Who a step acts as: `as = "coordinator"` is the person the case names in that role (else a
// person holding the role in the municipality); `actor = "user:novak"` that user, holding the
// roles `roles = { … }`; neither: the system, whose steps are not checked against `by`.
struct ScenarioActor {
  std::string as;
  std::string actor;
  std::vector<std::string> roles;
};

// case { code = "K-1", workflow = "plan_review", data = { … }, as = "social_worker" }
struct CaseStep {
  std::string code;
  std::string workflow;
  Json data = Json::object();
  ScenarioActor by;
};

// send { "task.review.done", payload = { … }, as = "case_manager" }
struct SendStep {
  std::string type;
  Json payload = Json::object();
  ScenarioActor by;
};

// advance "6 working days"
struct AdvanceStep {
  Duration duration;
};

// expect { state = "escalated", workflow = "plan_review" }
struct ExpectState {
  std::string state;
  std::string workflow;  // "" = any of the case's instances
};

// expect { task = "review", open = true, assignee = "case_manager", due = "2026-…",
//          title = "Krok plánu: … (do 22. 5. 2026)" }
struct ExpectTask {
  std::string key;
  bool open = true;
  std::optional<std::string> assignee;
  std::optional<std::string> title;  // exactly as people read it
  std::optional<Instant> due;
};

// expect { notification = { to = "coordinator", template = "plan_review_overdue" }, count = 1 }
// expect { notification = { to = "actor:charita", template = "…", shared = false } }
struct ExpectNotification {
  std::string to;             // "" = any recipient
  std::string template_name;  // "" = any template
  std::string text;           // "" = any; else part of the text as the recipient reads it
  // Only messages that were sent (true) or that the information rules refused (false).
  std::optional<bool> shared;
  std::optional<int> count;  // exact number of matching notifications; none = at least one
};

// expect { decision = { rules = "cm_eligibility", eligible = true, score = 7 } }
struct ExpectDecision {
  std::string rules;
  std::optional<bool> eligible;
  std::optional<double> score;
};

// expect { refused = true }: the event sent just before was refused.
struct ExpectRefused {};

// expect { data = { ["plan.reviewed"] = true } }: case data at dotted paths.
struct ExpectData {
  Json fields = Json::object();
};

using Expectation = std::variant<ExpectState, ExpectTask, ExpectNotification, ExpectDecision,
                                 ExpectRefused, ExpectData>;

struct ScenarioStep {
  int line = 0;
  std::string case_code;  // the case the step is about; "" = the case created last
  using Action = std::variant<CaseStep, SendStep, AdvanceStep, Expectation>;
  Action action;
};

// An actor of the municipality's directory that the scenario's messages may go to:
// actors = { charita = { kind = "social_services", name = "Charita Frýdek-Místek" } }
struct ScenarioDirectoryActor {
  std::string kind;  // as the directory's kinds: "health", "social_services", …
  std::string name;
};

struct Scenario {
  std::string file;
  std::string name;
  std::string tenant = "demo";
  Instant start;
  std::vector<std::string> definitions;                  // paths, installed in this order
  std::map<std::string, ScenarioDirectoryActor> actors;  // by id: "charita"
  std::vector<ScenarioStep> steps;
};

}  // namespace souhra
