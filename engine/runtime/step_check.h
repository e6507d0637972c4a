// Checks a step a person (or the command line) takes before the engine applies it: that some
// active workflow of the case declares it, that the actor may take it (permissions.h), and that
// its data is what the step's form asks for. The engine's own events (timers, overdue tasks,
// emitted events) are never checked here.
#pragma once

#include <memory>
#include <vector>

#include "engine/actor.h"
#include "engine/definitions/definition.h"
#include "engine/definitions/form.h"
#include "engine/records.h"

namespace souhra {

// `workflow` declares `step`; the workflow is one of the case's active instances'.
struct DeclaredStep {
  const StepDeclaration* step = nullptr;
  const Workflow* workflow = nullptr;
};

// The declarations of `type` among `workflows`, in their order.
std::vector<DeclaredStep> DeclarationsOf(const std::string& type,
                                         const std::vector<const Workflow*>& workflows);

// An event sent to a case with the given declarations. A person may send only a declared event
// (kPermissionDenied otherwise, also when no declaration lets them); the system may send
// undeclared ones. A declared event's payload must fill its form (a step without a form carries
// no data): kInvalidArgument with one FieldError per field.
Status CheckDeclaredEvent(const Actor& actor, const CaseRecord& c, const Json& payload,
                          const std::vector<DeclaredStep>& declared,
                          const FormReferences* references);

// Completing `task`: the actor may complete it (permissions.h) and the payload fills its form;
// a person completes a task without a form with no data.
Status CheckTaskCompletion(const Actor& actor, const CaseRecord& c, const TaskRecord& task,
                           const Json& payload, const FormReferences* references);

// The form a task asks for (kept as FormJson); none when it has none.
std::optional<Form> FormOfTask(const TaskRecord& task);

}  // namespace souhra
