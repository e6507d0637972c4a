// Every response carries the security headers (security_headers.h), and a path that names no
// file (NUL, control characters, dot segments) serves nothing — against a real server serving
// the UI's files.
#include "web/security_headers.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/fakes/api_server.h"
#include "tests/fakes/build_paths.h"

namespace souhra {
namespace {

using testing::BrowserSession;

class SecurityHeaders : public testing::ApiServerFixture {
 protected:
  void SetUp() override {
    ApiServerFixture::SetUp();
    static_dir_ = testing::SourceDir() + "/web/static";
    StartServer(ServerOptions());
  }

  static void ExpectSecurityHeaders(const httplib::Result& res, const std::string& what) {
    ASSERT_TRUE(res) << what;
    EXPECT_EQ(res->get_header_value("Content-Security-Policy"), kContentSecurityPolicy) << what;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << what;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << what;
  }
};

TEST_F(SecurityHeaders, TheUiItsFilesTheApiProbesAndErrorsCarryThem) {
  BrowserSession methodologist = SignIn("kucera");
  for (const char* path : {"/", "/index.html", "/js/app.js", "/css/app.css", "/healthz", "/metrics",
                           "/api/v1/me", "/api/v1/cases/999", "/no-such-file"}) {
    ExpectSecurityHeaders(Send("GET", path, methodologist), path);
  }
  ExpectSecurityHeaders(client_->Get("/api/v1/me"), "unauthenticated");
  httplib::Result bad_json = Send("POST", "/api/v1/cases", SignIn("novakova"), "{");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
  ExpectSecurityHeaders(bad_json, "bad JSON");
}

TEST_F(SecurityHeaders, TheSvgDiagramCarriesThem) {
  BrowserSession methodologist = SignIn("kucera");
  httplib::Result definition = Send("GET", "/api/v1/definitions/escalation", methodologist);
  ASSERT_TRUE(definition);
  const std::string version = BodyOf(definition)["version"].get<std::string>();
  httplib::Result svg =
      Send("GET", "/api/v1/definitions/escalation/versions/" + version + "/diagram", methodologist);
  ASSERT_TRUE(svg);
  ASSERT_EQ(svg->status, 200) << svg->body;
  ExpectSecurityHeaders(svg, "diagram");
}

TEST_F(SecurityHeaders, TheUiPageHasNoInlineScriptOrStyleThePolicyWouldBlock) {
  httplib::Result page = client_->Get("/index.html");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->body.find("<script>"), std::string::npos);
  EXPECT_EQ(page->body.find("<style"), std::string::npos);
  EXPECT_EQ(page->body.find("style="), std::string::npos);
}

TEST_F(SecurityHeaders, APathWithNulControlCharactersOrDotSegmentsServesNothing) {
  for (const char* path :
       {"/index.html%00.js", "/index.html%00", "/js/app.js%0a", "/%2e%2e/CMakeLists.txt",
        "/js/%2e%2e/index.html", "/./index.html", "/api/v1/me%00"}) {
    httplib::Result res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path << ": " << res->body.substr(0, 100);
    EXPECT_EQ(res->body.find("<html"), std::string::npos) << path;
    ExpectSecurityHeaders(res, path);
  }
  httplib::Result page = client_->Get("/index.html");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
}

}  // namespace
}  // namespace souhra
