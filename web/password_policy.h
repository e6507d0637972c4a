// What a password a person chooses must be, and the temporary passwords the admin hands out.
//
// The policy (docs/security.md, "Hesla"): at least 12 characters (Unicode code points), not the
// login or the name (in any letter case), not containing the login, and not one of the most
// common passwords. It applies to every password a person sets — their own change, `souhra init
// --password-stdin` — but not to temporary passwords, which the server draws itself.
#pragma once

#include <string>

#include "engine/status.h"

namespace souhra {

inline constexpr size_t kMinPasswordLength = 12;

// Ok, or kInvalidArgument with a Czech sentence on `field` saying what to change.
Status CheckPasswordPolicy(const std::string& password, const std::string& login,
                           const std::string& name, const std::string& field);

// 16 random letters and digits from libsodium's CSPRNG, in four groups ("k7mq-2xwe-…"), without
// characters that read alike (0/o, 1/l/i): a person copies it from the admin's screen.
std::string TemporaryPassword();

}  // namespace souhra
