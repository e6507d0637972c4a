// The CaseProcessor's checks around a step: who may take it and with which data (step_check.h),
// the Czech refusal a person reads, and closing a case whose last workflow finished.
#include "engine/runtime/case_processor.h"
#include "engine/runtime/directory_references.h"
#include "engine/runtime/permissions.h"
#include "engine/runtime/step_check.h"

namespace souhra {
Status CaseProcessor::CheckReferral(WriteTxn& txn, const NewCase& request) {
  SOUHRA_ASSIGN_OR_RETURN(std::shared_ptr<const Workflow> workflow,
                          catalog_.ActiveWorkflow(txn, request.tenant, request.workflow));
  if (!workflow->referral) {
    return PermissionDenied("Případ s procesem „" + workflow->title +
                            "“ nelze založit ručně; začněte podnětem.");
  }
  SOUHRA_RETURN_IF_ERROR(MayTakeStep(request.actor, request.data, *workflow->referral));
  for (const auto& [key, value] : request.data.items()) {
    if (key != "referral" && key != "people") {
      return InvalidArgument("Případ se zakládá jen s údaji podnětu; pole „" + key +
                             "“ se vyplňuje později v krocích případu.");
    }
  }
  Json referral = request.data.value("referral", Json::object());
  const Form& form = workflow->referral->form ? *workflow->referral->form : Form{};
  return CheckForm(form, referral, DirectoryReferences(directory_, request.tenant).get());
}

Status CaseProcessor::CheckStep(WriteTxn& txn, const EventRequest& request, const CaseRecord& c,
                                const std::vector<InstanceRecord>& instances) {
  if (request.type.starts_with("task.") || request.type.starts_with("timer.")) {
    const std::string key = TaskKeyOf(request.type, ".done");
    if (key.empty()) {
      if (!request.actor.IsPerson()) return Status::Ok();
      return PermissionDenied(
          "Termíny a upomínky úkolů hlídá systém sám; tento krok nelze poslat.");
    }
    SOUHRA_ASSIGN_OR_RETURN(std::optional<TaskRecord> task, txn.FindOpenTask(c.id, key));
    if (!task) return Conflict("Úkol už není otevřený; možná ho mezitím dokončil někdo jiný.");
    return CheckTaskCompletion(request.actor, c, *task, request.payload,
                               DirectoryReferences(directory_, c.tenant).get());
  }
  std::vector<std::shared_ptr<const Workflow>> held;
  std::vector<const Workflow*> workflows;
  for (const InstanceRecord& instance : instances) {
    SOUHRA_ASSIGN_OR_RETURN(std::shared_ptr<const Workflow> workflow,
                            catalog_.WorkflowVersion(txn, instance.definition_hash));
    workflows.push_back(workflow.get());
    held.push_back(std::move(workflow));
  }
  return CheckDeclaredEvent(request.actor, c, request.payload,
                            DeclarationsOf(request.type, workflows),
                            DirectoryReferences(directory_, c.tenant).get());
}

std::string CaseProcessor::CzechRefusal(WriteTxn& txn, const EventRequest& request,
                                        const CaseRecord& c,
                                        const std::vector<InstanceRecord>& instances) {
  std::string step = "Tento krok";
  std::string stages;
  bool guarded = false;  // a state takes the step, but not with the case as it is
  for (const InstanceRecord& instance : instances) {
    Result<std::shared_ptr<const Workflow>> workflow =
        catalog_.WorkflowVersion(txn, instance.definition_hash);
    if (!workflow.ok()) continue;
    if (const StepDeclaration* declared = (*workflow)->FindEvent(request.type)) {
      step = "Krok „" + declared->title + "“";
      const State* state = (*workflow)->FindState(instance.state);
      guarded = guarded || (state && state->TransitionsFor(request.type) != nullptr);
      const std::string title = state && !state->title.empty() ? state->title : instance.state;
      stages += (stages.empty() ? "" : "; ") + (*workflow)->title + ": " + title;
    }
  }
  std::string message = step + " teď u případu " + c.code + " nelze udělat";
  if (stages.empty()) return message + ".";
  if (guarded) {
    return message + ": případ ještě nesplňuje jeho podmínky (" + stages +
           "). Zkontrolujte údaje případu a vyplněný formulář.";
  }
  return message + ", případ je ve fázi, kde ho proces nepřijímá (" + stages +
         "). Obnovte stránku a vyberte z kroků, které případ nabízí.";
}

Status CaseProcessor::CloseIfFinished(WriteTxn& txn, CaseId case_id, Instant now) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<InstanceRecord> active, txn.LoadActiveInstances(case_id));
  if (!active.empty()) return Status::Ok();
  SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c, txn.LoadCase(case_id));
  if (!c || c->closed) return Status::Ok();
  c->closed = true;
  c->closed_at = now;
  return txn.UpdateCase(*c);
}

}  // namespace souhra
