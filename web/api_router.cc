#include "web/api_router.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <regex>

#include "web/api_errors.h"
#include "web/credentials.h"

namespace souhra {
namespace {

// What a session signed in with a temporary password may do: learn who it is, change the
// password, sign out.
bool AllowedBeforePasswordChange(const std::string& method, const std::string& pattern) {
  return (method == "GET" && pattern == "/api/v1/me") ||
         (method == "PUT" && pattern == "/api/v1/me/password") ||
         (method == "DELETE" && pattern == "/api/v1/session");
}

std::string RegexOf(const std::string& pattern) {
  static const std::regex kPlaceholder(R"(\{[a-z_]+\})");
  return std::regex_replace(pattern, kPlaceholder, "([^/]+)");
}

// "koordinátor podpory nebo vedoucí odboru"
std::string CzechRoles(const std::vector<std::string>& roles) {
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out += i + 1 == roles.size() ? " nebo " : ", ";
    out += CzechRoleName(roles[i]);
  }
  return out;
}

}  // namespace

RequestScope& CurrentRequestScope() {
  thread_local RequestScope scope;
  return scope;
}

bool Principal::HasRole(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Principal::HasAnyRole(const std::vector<std::string>& wanted) const {
  return std::any_of(wanted.begin(), wanted.end(), [&](const auto& r) { return HasRole(r); });
}

Actor Principal::StepActor() const {
  return via == "token" ? souhra::Actor::Token(login, roles) : souhra::Actor::User(login, roles);
}

ApiReply ApiReply::Error(const Status& status, const std::string& code) {
  ApiError error = ErrorOf(status, code);
  RequestScope& scope = CurrentRequestScope();
  if (error.http_status >= 500) {
    // A person can act on none of a server error's own text; the log keeps it, under the id.
    scope.error = error.message;
    error.message = error.http_status == 503
                        ? "Server je právě přetížený; nic se nezměnilo. Zkuste to prosím za chvíli."
                        : "Na serveru nastala chyba; nic se nezměnilo. Pokud se to opakuje, "
                          "nahlaste správci kód požadavku " +
                              scope.request_id + ".";
  }
  Json body = ErrorBody(error.code, error.message);
  if (error.http_status >= 500) body["error"]["request_id"] = scope.request_id;
  for (const FieldError& field : status.field_errors()) {
    body["error"]["fields"].push_back(Json{{"field", field.field}, {"message", field.message}});
  }
  ApiReply reply = Ok(std::move(body), error.http_status);
  if (error.retry_after_seconds > 0) {
    reply.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return reply;
}

void ApiRouter::Get(const std::string& p, std::vector<std::string> roles, ApiHandler h) {
  Add(Route{"GET", p, std::move(roles), false, std::move(h)});
}
void ApiRouter::Post(const std::string& p, std::vector<std::string> roles, ApiHandler h) {
  Add(Route{"POST", p, std::move(roles), false, std::move(h)});
}
void ApiRouter::AuditedGet(const std::string& p, std::vector<std::string> roles, ApiHandler h) {
  Add(Route{"GET", p, std::move(roles), false, std::move(h), /*audits_reads=*/true});
}
void ApiRouter::Put(const std::string& p, std::vector<std::string> roles, ApiHandler h) {
  Add(Route{"PUT", p, std::move(roles), false, std::move(h)});
}
void ApiRouter::Delete(const std::string& p, std::vector<std::string> roles, ApiHandler h) {
  Add(Route{"DELETE", p, std::move(roles), false, std::move(h)});
}
void ApiRouter::PublicPost(const std::string& p, ApiHandler h) {
  Add(Route{"POST", p, {}, true, std::move(h)});
}

void ApiRouter::Add(Route route) {
  auto handler = [this, route](const httplib::Request& request, httplib::Response& response) {
    RequestScope& scope = CurrentRequestScope();
    scope.route = route.pattern;
    Principal principal;
    std::string target;
    std::string audit_tenant;
    RequestAudit audit;
    ApiReply reply = Serve(route, request, principal, &target, &audit_tenant, &audit);
    scope.user = principal.login;
    scope.tenant = principal.tenant.empty() ? audit_tenant : principal.tenant;
    // A change the engine made, or refused, wrote its audit row in its own savepoint already.
    if (route.method != "GET" && !audit.committed) {
      Status logged = Audit(route, request, principal, target, audit_tenant, reply);
      // A lost audit row must not undo a change, but operators must hear of it.
      if (!logged.ok()) std::cerr << "audit: " << logged.ToString() << "\n";
    }
    // Who looked at a case file is recorded before they see it. Who failed to sign in read
    // nothing.
    if (route.audits_reads && !principal.login.empty()) {
      Status logged = Audit(route, request, principal, target, audit_tenant, reply);
      if (!logged.ok()) {
        std::cerr << "audit of a read: " << logged.ToString() << "\n";
        reply = ApiReply::Error(Unavailable("the read could not be recorded in the audit log"));
      }
    }
    response.status = reply.status;
    for (const auto& [name, value] : reply.headers) response.set_header(name, value);
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Request-Id", scope.request_id);
    if (reply.content_type.empty()) {
      response.set_content(reply.body.dump(-1, ' ', false, Json::error_handler_t::replace),
                           "application/json");
    } else {
      response.set_content(reply.raw, reply.content_type);
    }
    answered_(request, reply.status);
    scope.answered = true;
  };
  const std::string regex = RegexOf(route.pattern);
  if (route.method == "GET") {
    http_.Get(regex, handler);
  } else if (route.method == "POST") {
    http_.Post(regex, handler);
  } else if (route.method == "PUT") {
    http_.Put(regex, handler);
  } else {
    http_.Delete(regex, handler);
  }
}

ApiReply ApiRouter::Serve(const Route& route, const httplib::Request& request, Principal& principal,
                          std::string* target, std::string* audit_tenant, RequestAudit* audit) {
  if (!route.is_public) {
    Result<Principal> who = Authenticate(request, services_, policy_);
    if (!who.ok()) return ApiReply::Error(who.status());
    principal = std::move(*who);
    if (route.method != "GET" && principal.via == "session") {
      const std::string sent = request.get_header_value(kCsrfHeader);
      if (sent.empty()) {
        return ApiReply::Error(
            PermissionDenied("Změnu nelze přijmout bez ověření přihlášení; obnovte stránku."),
            "csrf_missing");
      }
      if (!SecretsEqual(sent, principal.csrf_token)) {
        return ApiReply::Error(
            PermissionDenied(
                "Změna nepatří k vašemu přihlášení; obnovte stránku a zkuste to znovu."),
            "csrf_mismatch");
      }
    }
    if (principal.must_change_password &&
        !AllowedBeforePasswordChange(route.method, route.pattern)) {
      return ApiReply::Error(
          PermissionDenied("Nejdřív si změňte dočasné heslo; do té doby nelze v Souhře nic "
                           "jiného dělat."),
          "password_change_required");
    }
    if (!route.roles.empty() && !principal.HasAnyRole(route.roles)) {
      return ApiReply::Error(
          PermissionDenied("K této akci je potřeba role " + CzechRoles(route.roles) + "."));
    }
  }
  ApiCall call{request, principal, services_, "", ""};
  if (route.method != "GET" && !route.is_public) {
    audit->record = AuditRecordOf(route, request, principal);
    call.audit = audit;
  }
  Result<ApiReply> result = Internal("no reply");
  try {
    result = route.handler(call);
  } catch (const std::exception& e) {
    result = Internal(std::string("unexpected failure: ") + e.what());
  }
  *target = call.target;
  *audit_tenant = call.audit_tenant;
  return result.ok() ? std::move(*result) : ApiReply::Error(result.status());
}

AuditRecord ApiRouter::AuditRecordOf(const Route& route, const httplib::Request& request,
                                     const Principal& principal) {
  AuditRecord record;
  record.tenant = principal.tenant;
  record.actor = principal.login.empty()    ? "anonymous"
                 : principal.via == "token" ? "token:" + principal.login
                                            : principal.Actor();
  record.action = route.method + " " + route.pattern;
  record.client = request.remote_addr;
  return record;
}

Status ApiRouter::Audit(const Route& route, const httplib::Request& request,
                        const Principal& principal, const std::string& target,
                        const std::string& audit_tenant, const ApiReply& reply) {
  AuditRecord record = AuditRecordOf(route, request, principal);
  if (record.tenant.empty()) record.tenant = audit_tenant;
  record.at = services_.clock->Now();
  record.target = target;
  record.outcome = reply.status < 400 ? "ok" : reply.body["error"].value("code", "error");
  // A request that made no change through the engine (refused before it, a sign-in, a read)
  // has its row written alone, still in the engine's group commit: a separate transaction would
  // contend with the engine for SQLite's write lock, and concurrent reads share one fsync.
  return services_.engine->Write(
      [&record](WriteTxn& txn, Instant) { return txn.AppendAudit(record).status(); });
}

}  // namespace souhra
