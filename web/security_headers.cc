#include "web/security_headers.h"

namespace souhra {

void AddSecurityHeaders(httplib::Server& http) {
  // httplib runs the post-routing handler as it writes any response: routed, static, refused.
  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Security-Policy", kContentSecurityPolicy);
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "no-referrer");
  });
}

}  // namespace souhra
