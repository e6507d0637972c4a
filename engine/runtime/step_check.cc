#include "engine/runtime/step_check.h"

#include "engine/definitions/diagnostics.h"
#include "engine/runtime/permissions.h"

namespace souhra {
namespace {

Status CheckPayload(const std::optional<Form>& form, const Json& payload,
                    const FormReferences* references) {
  return CheckForm(form ? *form : Form{}, payload, references);
}

}  // namespace

std::vector<DeclaredStep> DeclarationsOf(const std::string& type,
                                         const std::vector<const Workflow*>& workflows) {
  std::vector<DeclaredStep> declared;
  for (const Workflow* workflow : workflows) {
    if (const StepDeclaration* step = workflow->FindEvent(type)) {
      declared.push_back({step, workflow});
    }
  }
  return declared;
}

Status CheckDeclaredEvent(const Actor& actor, const CaseRecord& c, const Json& payload,
                          const std::vector<DeclaredStep>& declared,
                          const FormReferences* references) {
  if (declared.empty()) {
    if (!actor.IsPerson()) return Status::Ok();
    return PermissionDenied(
        "Tento krok u případu " + c.code +
        " nelze udělat: žádný z jeho probíhajících procesů ho nenabízí. Vyberte krok z nabídky "
        "případu.");
  }
  Status refusal;
  for (const DeclaredStep& d : declared) {
    Status allowed = MayTakeStep(actor, c.data, *d.step);
    if (allowed.ok()) return CheckPayload(d.step->form, payload, references);
    if (refusal.ok()) refusal = allowed;
  }
  return refusal;
}

Status CheckTaskCompletion(const Actor& actor, const CaseRecord& c, const TaskRecord& task,
                           const Json& payload, const FormReferences* references) {
  SOUHRA_RETURN_IF_ERROR(MayCompleteTask(actor, c.data, task));
  std::optional<Form> form = FormOfTask(task);
  if (!form && !actor.IsPerson()) return Status::Ok();
  return CheckPayload(form, payload, references);
}

std::optional<Form> FormOfTask(const TaskRecord& task) {
  if (!task.form.is_object()) return std::nullopt;
  Diagnostics ignored("", nullptr);  // written by the engine from a form it had read
  Form form;
  ReadForm(Checker{&ignored, task.form.value("fields", Json::array()), {}, 0, "form"}, &form);
  return form;
}

}  // namespace souhra
