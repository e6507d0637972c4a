// What every API handler works with: the services behind the server, who is asking, the
// request, and the reply it builds. Route groups (web/api_*.cc) register handlers on an
// ApiRouter (web/api_router.h), which authenticates, authorises by role, checks CSRF, audits
// changes, logs and measures before and after the handler runs.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "engine/access.h"
#include "engine/actor.h"
#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/directory.h"
#include "engine/runtime/engine.h"
#include "engine/store.h"
#include "web/diagram_cache.h"
#include "web/tool_runner.h"
#include "web/workflow_cache.h"

namespace souhra {

// Everything the API reads and writes. Owned by `souhra serve` (or a test); outlives the server.
struct WebServices {
  // The store's roles the handlers read (engine/store.h); every write goes through the engine.
  CaseFiles* cases = nullptr;
  Worklists* worklists = nullptr;
  DefinitionVersions* versions = nullptr;
  Inbox* inbox = nullptr;
  Incidents* incidents = nullptr;
  DueWork* due = nullptr;
  ActivationRequests* activation_requests = nullptr;
  Engine* engine = nullptr;
  Directory* directory = nullptr;
  AccessStore* access = nullptr;
  const Calendar* calendar = nullptr;
  const Clock* clock = nullptr;
  std::string default_tenant = "demo";  // the tenant of a sign-in that names none
  // Times in messages people read ("st 1. 7. 2026 10:00", Prague); FormatUtc when unset.
  std::function<std::string(Instant)> format_time;
  // Compiled workflow versions, for the steps a person may take (api_actions.cc).
  std::shared_ptr<WorkflowCache> workflows = std::make_shared<WorkflowCache>();
  // Scenario runs and diagrams: on their own threads, with their own limits (tool_runner.h).
  std::shared_ptr<ToolRunner> tools = std::make_shared<ToolRunner>();
  std::shared_ptr<DiagramCache> diagrams = std::make_shared<DiagramCache>();

  // Points every role above at the one store production opens.
  void ReadFrom(Store& store) {
    cases = &store;
    worklists = &store;
    versions = &store;
    inbox = &store;
    incidents = &store;
    due = &store;
    activation_requests = &store;
  }
};

// The signed-in user a request acts for.
struct Principal {
  std::string tenant;
  std::string login;
  std::string name;
  std::vector<std::string> roles;
  std::string via;           // "session" or "token"
  std::string session_hash;  // the session's stored hash, for sign-out
  std::string csrf_token;
  // Signed in with a temporary password: may only change it (web/api_router.cc).
  bool must_change_password = false;

  bool HasRole(const std::string& role) const;
  bool HasAnyRole(const std::vector<std::string>& roles) const;
  std::string Actor() const { return "user:" + login; }
  // Who the engine records and checks as having taken a step: this user, or their token.
  souhra::Actor StepActor() const;
};

struct ApiCall {
  const httplib::Request& request;
  Principal& principal;  // empty for public routes until a handler signs someone in
  WebServices& services;
  std::string target;        // what the audit log records as acted on ("case:12"); set by handlers
  std::string audit_tenant;  // for public routes (sign-in): the tenant the attempt was for
  // This change's audit row, prepared by the router; null for reads and for nobody known.
  RequestAudit* audit = nullptr;

  // The audit row for the one engine request a handler makes on the caller's behalf, so that the
  // row commits with the change, or with the refusal instead of it (Engine, RequestAudit). Its
  // target is `target` as set now, or `target_of(applied)` once the request succeeded (a new
  // case's id). Null when there is no row to write; the router then writes none either.
  RequestAudit* Audit(std::function<std::string(const Applied&)> target_of = nullptr) {
    if (audit == nullptr) return nullptr;
    audit->record.target = target;
    audit->target_of = std::move(target_of);
    return audit;
  }

  // The n-th {placeholder} of the route, in order.
  std::string Param(size_t n) const { return request.matches[n + 1].str(); }
  std::string Query(const std::string& name) const {
    return request.has_param(name.c_str()) ? request.get_param_value(name.c_str()) : "";
  }
  std::string Client() const { return request.remote_addr; }
  Instant Now() const { return services.clock->Now(); }
};

struct ApiReply {
  int status = 200;
  Json body = Json::object();
  std::vector<std::pair<std::string, std::string>> headers;
  // A reply that is not JSON (an SVG diagram): sent as is when content_type is set.
  std::string raw;
  std::string content_type;

  static ApiReply Ok(Json body, int status = 200) {
    ApiReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
  }
  static ApiReply Raw(std::string content, std::string content_type) {
    ApiReply reply;
    reply.raw = std::move(content);
    reply.content_type = std::move(content_type);
    return reply;
  }
  // The error reply for `status`, as the one mapping (web/api_errors.h, ErrorOf) answers it;
  // `code` is a documented, more specific code of the same HTTP status ("csrf_missing").
  static ApiReply Error(const Status& status, const std::string& code = "");
};

using ApiHandler = std::function<Result<ApiReply>(ApiCall& call)>;

// Roles that see every case of their tenant; others see only cases where they hold a role.
inline const std::vector<std::string> kTenantWideRoles = {"coordinator", "head"};
// Roles that work on cases at all.
inline const std::vector<std::string> kCaseRoles = {"social_worker", "case_manager", "coordinator",
                                                    "head"};

}  // namespace souhra
