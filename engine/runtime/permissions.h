// Who may take a step on a case: send a declared event, complete a task, start a case.
//
// A step names roles (`by`, `done_by`; a task also its assignee). A person holds a role on a case
// when the case's people (case data "people": {"coordinator": "user:svoboda", …}) name them in
// it; when the case names nobody in that role, anyone holding the role in the municipality holds
// it there (the head before a case names its head, any coordinator before one is assigned). A
// task assigned to "user:<login>" is that user's. The system (command line) and the engine's own
// events are not checked; the refusals are Czech sentences a person can act on.
#pragma once

#include <string>
#include <vector>

#include "engine/actor.h"
#include "engine/definitions/definition.h"
#include "engine/directory.h"
#include "engine/records.h"

namespace souhra {

bool HoldsRole(const Actor& actor, const Json& case_data, const std::string& role);
bool HoldsAnyRole(const Actor& actor, const Json& case_data, const std::vector<std::string>& roles);

// Ok when the case data's people, if any, is an object naming each role's holder as text
// ("user:novakova"); kInvalidArgument in Czech otherwise. A holder that is not text names nobody,
// so the role would fall to anyone holding it in the municipality.
Status CheckPeople(const Json& case_data);

// Ok, or kPermissionDenied saying who takes this step ("Tento krok provádí koordinátor podpory.").
Status MayTakeStep(const Actor& actor, const Json& case_data, const StepDeclaration& step);
// Ok, or kPermissionDenied naming whose task it is.
Status MayCompleteTask(const Actor& actor, const Json& case_data, const TaskRecord& task);

}  // namespace souhra
