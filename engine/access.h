// The Access seam: who is signed in, which integrations hold bearer tokens, and the audit log of
// every change attempted and every case file read through the web.
//
// Secrets never reach storage: sessions and tokens are looked up by the SHA-256 hash of the
// random secret the client holds, so a copy of the database signs nobody in. Audit rows are
// appended through the engine's write transaction (WriteTxn::AppendAudit); the log only
// grows, and each row is chained to the one before by its hash (engine/audit_chain.h). SQLite
// implements it in adapters/sqlite/access_store.h. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/clock.h"
#include "engine/status.h"

namespace souhra {

struct SessionRecord {
  std::string token_hash;  // hex SHA-256 of the cookie's token
  std::string tenant;
  std::string login;
  std::string csrf_token;  // the value X-CSRF-Token must carry on state-changing requests
  Instant created;
  Instant last_seen;
};

struct ApiTokenRecord {
  std::string id;          // public, random, unrelated to the secret: lists and revocation name it
  std::string token_hash;  // hex SHA-256 of the bearer token
  std::string tenant;
  std::string login;  // the user the integration acts as (and with whose roles)
  std::string name;   // what it is for, e.g. "import z Helios"
  Instant created;
  std::string created_by;  // "user:<login>" or "cli"
  bool revoked = false;
  Instant expires;                   // from then on the token signs nobody in
  std::optional<Instant> last_used;  // at most a minute stale; none before the first use
};

struct AuditRecord {
  int64_t id = 0;  // assigned by the store
  std::string tenant;
  std::string actor;  // "user:<login>", "token:<login>" or "anonymous"
  Instant at;
  std::string action;   // "POST /api/v1/cases/{id}/events"
  std::string target;   // the ids acted on, e.g. "case:12 event:task.call.done"
  std::string outcome;  // "ok" or the error code, e.g. "conflict"
  std::string client;   // the client's address
  // Set by the store: hex SHA-256 chaining the row to the one before it (engine/audit_chain.h).
  std::string hash;
};

class AccessStore {
 public:
  virtual ~AccessStore() = default;

  virtual Status PutSession(const SessionRecord& session) = 0;  // insert or replace
  virtual Result<std::optional<SessionRecord>> GetSession(const std::string& token_hash) = 0;
  // Records activity, for the idle expiry. Missing sessions are ignored.
  virtual Status TouchSession(const std::string& token_hash, Instant at) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;  // absent: nothing to do
  // Ends every session of the tenant's user (deactivated, password reset); none: nothing to do.
  virtual Status DeleteSessionsOf(const std::string& tenant, const std::string& login) = 0;

  virtual Status PutApiToken(const ApiTokenRecord& token) = 0;  // insert or replace
  virtual Result<std::optional<ApiTokenRecord>> GetApiToken(const std::string& token_hash) = 0;
  // The tenant's tokens, newest first, revoked and expired ones included.
  virtual Result<std::vector<ApiTokenRecord>> ListApiTokens(const std::string& tenant) = 0;
  // Marks token `id` of `tenant` revoked and returns it; revoking twice is no error. kNotFound
  // when the tenant has no such token.
  virtual Result<ApiTokenRecord> RevokeApiToken(const std::string& tenant,
                                                const std::string& id) = 0;
  // Records a use of the token, for the listing. Missing tokens are ignored.
  virtual Status TouchApiToken(const std::string& token_hash, Instant at) = 0;

  // The tenant's audit log, newest first, with ids below `before` (0 = from the newest).
  virtual Result<std::vector<AuditRecord>> ListAudit(const std::string& tenant, int64_t before,
                                                     int limit) = 0;

  // Failed sign-ins (web/sign_in_limiter.h), kept so that a restart does not reset the limit. A
  // key names what was tried: "login:<tenant>/<login>" or "client:<address>".
  // Records one failure at `at` under each of `keys`, in one transaction.
  virtual Status AddSignInFailures(const std::vector<std::string>& keys, Instant at) = 0;
  // The times of `key`'s failures after `since`, oldest first.
  virtual Result<std::vector<Instant>> SignInFailuresSince(const std::string& key,
                                                           Instant since) = 0;
  // Forgets `key`'s failures (a successful sign-in clears its login's); absent: nothing to do.
  virtual Status ClearSignInFailures(const std::string& key) = 0;
  // Forgets every failure before `before`: they no longer count in any window.
  virtual Status PruneSignInFailures(Instant before) = 0;

  // The tenant's rows of `action` on exactly `target` (who read case 12: "GET
  // /api/v1/cases/{id}", "case:12"), newest first, at most `limit`.
  virtual Result<std::vector<AuditRecord>> ListAuditOf(const std::string& tenant,
                                                       const std::string& action,
                                                       const std::string& target, int limit) = 0;
};

}  // namespace souhra
