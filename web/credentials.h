// Secrets of sign-in: password hashes (Argon2id), random tokens and their stored digests.
//
// Passwords are hashed with libsodium's crypto_pwhash_str (Argon2id) at its "interactive" limits
// (64 MiB, a fraction of a second): the "moderate" 256 MiB per attempt would let a handful of
// parallel sign-ins exhaust a small municipal server. Tokens (session cookies, CSRF values,
// bearer tokens) are 32 random bytes; only their SHA-256 is stored. Thread-safe.
#pragma once

#include <string>

#include "engine/status.h"

namespace souhra {

// The crypto_pwhash_str string of `password`. kInternal if libsodium cannot allocate.
Result<std::string> HashPassword(const std::string& password);
// True when `password` matches `hash` (a crypto_pwhash_str string); false for "" or garbage.
bool VerifyPassword(const std::string& password, const std::string& hash);
// A crypto_pwhash_str hash, at HashPassword's limits, of a random password nobody knows: sign-ins
// for unknown or deactivated logins verify against it so that they take as long as a wrong
// password and do not tell which logins exist.
extern const char kDummyPasswordHash[];
// 32 random bytes as 64 lowercase hex digits.
std::string RandomToken();
// The SHA-256 of `text` as 64 lowercase hex digits: how tokens are stored and looked up.
std::string TokenDigest(const std::string& text);
// True when the two strings are equal, in time independent of where they differ.
bool SecretsEqual(const std::string& a, const std::string& b);

}  // namespace souhra
