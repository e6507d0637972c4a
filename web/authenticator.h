// Who is asking: a session cookie (people in the browser) or a bearer token (integrations).
//
// The session cookie "souhra_session" holds a random token; the server keeps only its SHA-256,
// with the session's CSRF token and times. A session ends after `idle` without requests or
// `absolute` after sign-in, whichever comes first. A bearer token acts as the integration account
// it was issued for (web/token_issuer.h), with that account's roles, until it expires or is
// revoked; it has no CSRF token because browsers never send it on their own.
#pragma once

#include <chrono>
#include <string>

#include "web/api.h"

namespace souhra {

inline constexpr char kSessionCookie[] = "souhra_session";
inline constexpr char kCsrfHeader[] = "X-CSRF-Token";

struct SessionPolicy {
  std::chrono::milliseconds idle = std::chrono::hours(2);
  std::chrono::milliseconds absolute = std::chrono::hours(12);
  bool secure_cookie = false;  // add Secure (set when served behind https)
};

// The principal of `request`. kUnauthenticated (401) when it carries no valid,
// unexpired credentials or the user is inactive; kUnavailable when storage fails.
Result<Principal> Authenticate(const httplib::Request& request, WebServices& services,
                               const SessionPolicy& policy);

// Starts a session for `user`: stores it and returns the principal with its CSRF token, and in
// `cookie` the Set-Cookie value carrying the new token.
Result<Principal> StartSession(WebServices& services, const SessionPolicy& policy,
                               const UserRecord& user, std::string* cookie);
// The Set-Cookie value that removes the session cookie.
std::string ExpiredSessionCookie(const SessionPolicy& policy);

}  // namespace souhra
