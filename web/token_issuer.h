// Bearer tokens for integrations: issued only for an active integration account of the tenant
// (never for a person's account, whoever asks), for a bounded number of days, and shown once.
// The API (web/api_tokens.cc) and `souhra token` both issue here, so they refuse the same
// requests with the same Czech sentences.
#pragma once

#include <optional>
#include <string>

#include "engine/access.h"
#include "engine/directory.h"

namespace souhra {

// How long a token lives when its order names no days and the tenant's settings have no
// "token_days": 90 days; any lifetime is 1 to 365 days.
inline constexpr int kDefaultTokenDays = 90;
inline constexpr int kMaxTokenDays = 365;

struct TokenOrder {
  std::string tenant;
  std::string login;                   // the integration account the token acts as
  std::string name;                    // what it is for, e.g. "import z evidence"
  std::string created_by;              // "user:<login>" or "cli"
  std::optional<int> expires_in_days;  // absent: the tenant's "token_days", else 90
};

struct IssuedToken {
  std::string secret;  // the bearer token: shown to the caller once, stored only hashed
  ApiTokenRecord record;
};

// Issues the token `order` asks for at `now`. kInvalidArgument for an empty name, an unknown or
// inactive user, or a lifetime (asked for, or the tenant's "token_days") outside 1–365 days;
// kPermissionDenied when the user is a person rather than an integration account.
Result<IssuedToken> IssueApiToken(Directory& directory, AccessStore& access,
                                  const TokenOrder& order, Instant now);

}  // namespace souhra
