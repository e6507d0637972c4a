// ApiRouter: registers API handlers on the HTTP server and runs every request through the same
// gate: authenticate (unless the route is public), refuse state-changing cookie requests without
// the session's CSRF token, check the route's roles, run the handler (no exception escapes),
// record changes and sign-ins in the audit log, and answer JSON.
//
// The route pattern ("/api/v1/cases/{id}") is what logs and metrics name; `{…}` matches one
// path segment, read with ApiCall::Param.
#pragma once

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
};
RequestScope& CurrentRequestScope();

class ApiRouter {
 public:
  ApiRouter(httplib::Server& http, WebServices& services, const SessionPolicy& policy)
      : http_(http), services_(services), policy_(policy) {}

  // Signed-in users holding one of `roles` (any signed-in user when empty).
  void Get(const std::string& pattern, std::vector<std::string> roles, ApiHandler handler);
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
  };
  void Add(Route route);
  ApiReply Serve(const Route& route, const httplib::Request& request, Principal& principal,
                 std::string* target, std::string* audit_tenant);
  void Audit(const Route& route, const httplib::Request& request, const Principal& principal,
             const std::string& target, const std::string& audit_tenant, const ApiReply& reply);

  httplib::Server& http_;
  WebServices& services_;
  SessionPolicy policy_;
};

}  // namespace souhra
