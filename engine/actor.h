// Who sent an event, as the server established it: a signed-in person, an integration's token,
// the scheduler (timers, overdue tasks), a workflow (emit { … }), or the operator's command line.
// The sender never names themselves: a payload's `by` means nothing (workflows read `event.by`).
#pragma once

#include <string>
#include <vector>

#include "engine/json.h"

namespace souhra {

struct Actor {
  enum class Kind { kSystem, kUser, kToken, kTimer, kWorkflow };
  Kind kind = Kind::kSystem;
  std::string login;               // kUser, kToken: the user acting (a token acts as its user)
  std::vector<std::string> roles;  // kUser, kToken: the roles the user holds in the municipality
  std::string workflow;            // kWorkflow: the workflow that emitted the event

  static Actor System() { return {}; }
  static Actor Timer() { return {Kind::kTimer, "", {}, ""}; }
  static Actor User(std::string login, std::vector<std::string> roles) {
    return {Kind::kUser, std::move(login), std::move(roles), ""};
  }
  static Actor Token(std::string login, std::vector<std::string> roles) {
    return {Kind::kToken, std::move(login), std::move(roles), ""};
  }
  static Actor Workflow(std::string name) { return {Kind::kWorkflow, "", {}, std::move(name)}; }

  // A person (or their integration) acting: their steps are checked against the declarations.
  bool IsPerson() const { return kind == Kind::kUser || kind == Kind::kToken; }
  bool HasRole(const std::string& role) const;
  // As the event log keeps it: "user:<login>", "token:<login>", "timer", "workflow:<name>",
  // "system".
  std::string ToString() const;
  // The inverse of ToString for what the log keeps; the roles are not in the log.
  static Actor FromString(const std::string& text);
  // What a workflow's scripts see as `event.by`: {kind, actor, login, roles, case_roles}, where
  // case_roles are the roles the case's people (case data "people") give this person.
  Json View(const Json& case_data) const;
};

}  // namespace souhra
