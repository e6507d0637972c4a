#include "engine/runtime/activation_requests.h"

#include <algorithm>

#include "engine/definitions/activation_policy.h"
#include "engine/definitions/version_diff.h"

namespace souhra {
namespace {

bool Holds(const std::vector<std::string>& roles, const char* role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// The diff from the version active now to `version`.
Result<VersionDiff> DiffFromActive(WriteTxn& txn, const DefinitionSource& version) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> active,
                          txn.FindActiveDefinition(version.tenant, version.name));
  return DiffVersions(version.name, active ? &*active : nullptr, version);
}

Status MayDecide(const ActivationRequest& request, const ActivationDecision& decision) {
  if (request.status != ActivationStatus::kPending) {
    return Conflict("O této žádosti už bylo rozhodnuto; obnovte stránku.");
  }
  if (request.requested_by == decision.decided_by) {
    return PermissionDenied(
        "O své vlastní žádosti o aktivaci rozhodnout nemůžete; musí ji posoudit jiný metodik "
        "nebo vedoucí odboru.");
  }
  if (request.approver == ApproverName(Approver::kHead) && !Holds(decision.roles, "head")) {
    return PermissionDenied(
        "Tato definice rozhoduje o sdílení informací s externími aktéry; o její aktivaci "
        "rozhoduje vedoucí odboru.");
  }
  if (!Holds(decision.roles, "head") && !Holds(decision.roles, "methodologist")) {
    return PermissionDenied("O aktivaci rozhoduje jiný metodik nebo vedoucí odboru.");
  }
  return Status::Ok();
}

}  // namespace

Result<DefinitionChange> AskActivation(WriteTxn& txn, DefinitionCatalog& catalog,
                                       const ActivationAsk& ask, Instant now) {
  SOUHRA_ASSIGN_OR_RETURN(DefinitionSource version,
                          catalog.FindVersion(txn, ask.tenant, ask.name, ask.version));
  DefinitionChange change;
  change.name = ask.name;
  change.version = version.content_hash;
  if (version.active) return change;  // nothing to ask for
  SOUHRA_ASSIGN_OR_RETURN(LoadedDefinition loaded, catalog.Compiled(version));
  const Approver approver = ApproverFor(loaded, ask.four_eyes_for_all);
  SOUHRA_ASSIGN_OR_RETURN(VersionDiff diff, DiffFromActive(txn, version));
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> previous,
                          txn.FindActiveDefinition(ask.tenant, ask.name));
  change.previous = previous ? previous->content_hash : "";
  change.diff_sha256 = diff.sha256;
  if (approver == Approver::kNone) {
    SOUHRA_ASSIGN_OR_RETURN(
        DefinitionSource active,
        catalog.Activate(txn, ask.tenant, ask.name, version.content_hash, &change.changed));
    change.version = active.content_hash;
    return change;
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<ActivationRequest> pending,
                          txn.FindPendingActivation(ask.tenant, ask.name, version.content_hash));
  if (pending) {
    change.request = std::move(pending);
    return change;
  }
  ActivationRequest request;
  request.tenant = ask.tenant;
  request.name = ask.name;
  request.version = version.content_hash;
  request.active_version = change.previous;
  request.approver = ApproverName(approver);
  request.requested_by = ask.requested_by;
  request.requested_at = now;
  request.diff_sha256 = diff.sha256;
  SOUHRA_ASSIGN_OR_RETURN(request.id, txn.PutActivationRequest(request));
  change.request = std::move(request);
  return change;
}

Result<DefinitionChange> DecideActivation(WriteTxn& txn, DefinitionCatalog& catalog,
                                          const ActivationDecision& decision, Instant now) {
  SOUHRA_ASSIGN_OR_RETURN(std::optional<ActivationRequest> found,
                          txn.FindActivationRequest(decision.request_id));
  if (!found || found->tenant != decision.tenant) {
    return NotFound("Žádost o aktivaci nebyla nalezena; obnovte stránku.");
  }
  ActivationRequest request = std::move(*found);
  SOUHRA_RETURN_IF_ERROR(MayDecide(request, decision));
  DefinitionChange change;
  change.name = request.name;
  change.version = request.version;
  change.previous = request.active_version;
  if (!decision.approve) {
    const bool blank = decision.reason.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) return InvalidArgument("Napište, proč aktivaci zamítáte; autor důvod uvidí.");
    request.status = ActivationStatus::kRefused;
    request.reason = decision.reason;
  } else {
    if (decision.diff_sha256.empty()) {
      return InvalidArgument("Schválit lze jen zobrazený rozdíl verzí; otevřete žádost znovu.");
    }
    SOUHRA_ASSIGN_OR_RETURN(
        DefinitionSource version,
        catalog.FindVersion(txn, request.tenant, request.name, request.version));
    SOUHRA_ASSIGN_OR_RETURN(VersionDiff diff, DiffFromActive(txn, version));
    if (diff.sha256 != decision.diff_sha256) {
      return Conflict(
          "Aktivní verze se od zobrazení rozdílu změnila; otevřete žádost znovu a posuďte "
          "aktuální rozdíl.");
    }
    change.diff_sha256 = diff.sha256;
    SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> previous,
                            txn.FindActiveDefinition(request.tenant, request.name));
    change.previous = previous ? previous->content_hash : "";
    SOUHRA_RETURN_IF_ERROR(
        catalog.Activate(txn, request.tenant, request.name, request.version, &change.changed)
            .status());
    request.status = ActivationStatus::kApproved;
  }
  request.decided_by = decision.decided_by;
  request.decided_at = now;
  SOUHRA_RETURN_IF_ERROR(txn.PutActivationRequest(request).status());
  if (change.diff_sha256.empty()) change.diff_sha256 = request.diff_sha256;
  change.request = std::move(request);
  return change;
}

}  // namespace souhra
