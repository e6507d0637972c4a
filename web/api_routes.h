// The route groups of the REST API under /api/v1; docs/api.md describes each endpoint.
#pragma once

#include "web/api_router.h"
#include "web/password_checks.h"
#include "web/sign_in_limiter.h"

namespace souhra {

// What a sign-in passes before its password is checked: the failure limit, then a check slot.
struct SignInGuards {
  SignInLimiter& limiter;
  PasswordChecks& password_checks;
};

// POST/DELETE /session, GET /me.
void AddSessionRoutes(ApiRouter& router, SignInGuards& guards);
// PUT /me, PUT /me/password: a user's own e-mail, digest choice and password (api_own_account.cc).
void AddOwnAccountRoutes(ApiRouter& router, SignInGuards& guards);
// /accounts, /accounts/{login}, …/{login}/deactivate|activate|reset-password (admin).
void AddAccountRoutes(ApiRouter& router);
// /cases, /cases/{id}, /cases/{id}/events.
void AddCaseRoutes(ApiRouter& router);
// GET /cases/{id}/reads: who read the case file (api_case_reads.cc).
void AddCaseReadRoutes(ApiRouter& router);
// /tasks, /tasks/{id}/complete, /tasks/{id}/reassign.
void AddTaskRoutes(ApiRouter& router);
// GET /api/v1/cases/{id}/actions, GET /api/v1/workflows/{name}/referral (api_actions.cc).
void AddActionRoutes(ApiRouter& router);
// /escalations, /escalations/{case_id}/acknowledge|resolve.
void AddEscalationRoutes(ApiRouter& router);
// /inbox, /inbox/unread, /inbox/{id}/read.
void AddInboxRoutes(ApiRouter& router);
// /actors, /users.
void AddDirectoryRoutes(ApiRouter& router);
// /tokens, /tokens/{id}: the bearer tokens of integration accounts (admin).
void AddTokenRoutes(ApiRouter& router);
// /audit, /incidents, /incidents/{id}/retry.
void AddOperationsRoutes(ApiRouter& router);
// /definitions, /definitions/validate, /definitions/{name}; adds the version routes below.
void AddDefinitionRoutes(ApiRouter& router);
// /definitions/{name}/versions/{v}/activate|diagram, /definitions/{name}/diff|simulate.
void AddDefinitionVersionRoutes(ApiRouter& router);
// /activation-requests, /activation-requests/{id}, …/{id}/approve|refuse (four eyes).
void AddActivationRequestRoutes(ApiRouter& router);
// {id, name, version, active_version, approver, requested_by, requested_at, diff_sha256, status,
// decided_by, decided_at, reason} of a request to activate a version.
Json ActivationRequestJson(const ActivationRequest& request);
// The audit row's target of an activation, a request or a decision: the version, the request
// with who asked and who must approve, and the diff's SHA-256.
std::string ActivationAuditTarget(const DefinitionChange& change);

// {tenant, login, name, roles, must_change_password} of the principal.
Json UserJson(const Principal& principal);

}  // namespace souhra
