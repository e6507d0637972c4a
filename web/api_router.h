// ApiRouter: registers API handlers on the HTTP server and runs every request through the same
// gate: authenticate (unless the route is public), refuse state-changing cookie requests without
// the session's CSRF token, check the route's roles, run the handler (no exception escapes),
// record every change attempted (signed in or not), every sign-in and every read of a case file
// in the audit log, and answer JSON.
//
// The route pattern ("/api/v1/cases/{id}") is what logs and metrics name; `{…}` matches one
// path segment, read with ApiCall::Param.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "web/api.h"
#include "web/authenticator.h"

namespace souhra {

// What the request log and metrics learn about the request being served on this thread; set by
// the router, read by the server's logger, which httplib runs on the same thread afterwards.
struct RequestScope {
  std::chrono::steady_clock::time_point start;
  std::string route;
  std::string user;
  std::string tenant;
  std::string request_id;  // answered as X-Request-Id, named in errors and in the log line
  std::string error;       // a server error's own message: logged, not shown to the person
  bool answered = false;   // logged and measured by the router already
};
RequestScope& CurrentRequestScope();

class ApiRouter {
 public:
  // `answered` logs and measures each API request once its reply is ready, before it is sent,
  // so that a client's next request already sees it in /metrics.
  using Answered = std::function<void(const httplib::Request& request, int status)>;
  ApiRouter(httplib::Server& http, WebServices& services, const SessionPolicy& policy,
            Answered answered)
      : http_(http), services_(services), policy_(policy), answered_(std::move(answered)) {}

  // Signed-in users holding one of `roles` (any signed-in user when empty).
  void Get(const std::string& pattern, std::vector<std::string> roles, ApiHandler handler);
  // A GET that reads one case's content: every signed-in attempt is audited like a change (the
  // handler names the case in ApiCall::target), and the row is durable before the reply is
  // sent; a read that cannot be recorded is refused (503) rather than answered unrecorded.
  void AuditedGet(const std::string& pattern, std::vector<std::string> roles, ApiHandler handler);
  void Post(const std::string& pattern, std::vector<std::string> roles, ApiHandler handler);
  void Put(const std::string& pattern, std::vector<std::string> roles, ApiHandler handler);
  void Delete(const std::string& pattern, std::vector<std::string> roles, ApiHandler handler);
  // No credentials needed (sign-in). Audited like a change.
  void PublicPost(const std::string& pattern, ApiHandler handler);

  const SessionPolicy& policy() const { return policy_; }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> roles;
    bool is_public = false;
    ApiHandler handler;
    bool audits_reads = false;
  };
  void Add(Route route);
  // Authenticates, authorises and runs the handler; `audit` is the change's audit row, which the
  // handler's engine request may write (ApiCall::Audit).
  ApiReply Serve(const Route& route, const httplib::Request& request, Principal& principal,
                 std::string* target, std::string* audit_tenant, RequestAudit* audit);
  // Who did what from where; the tenant, target, time and outcome are filled in later.
  static AuditRecord AuditRecordOf(const Route& route, const httplib::Request& request,
                                   const Principal& principal);
  // Appends the request's row alone. A request that failed authentication is recorded under no
  // tenant ("", actor "anonymous"): it proved none.
  Status Audit(const Route& route, const httplib::Request& request, const Principal& principal,
               const std::string& target, const std::string& audit_tenant, const ApiReply& reply);

  httplib::Server& http_;
  WebServices& services_;
  SessionPolicy policy_;
  Answered answered_;
};

}  // namespace souhra
