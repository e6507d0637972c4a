// The Access seam: who is signed in, which integrations hold bearer tokens, and the audit log of
// every change made through the web.
//
// Secrets never reach storage: sessions and tokens are looked up by the SHA-256 hash of the
// random secret the client holds, so a copy of the database signs nobody in. Audit rows are
// appended through the engine's write transaction (WriteTxn::AppendAudit); the log only
// grows. SQLite implements it in adapters/sqlite/access_store.h. Thread-safe.
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
};

class AccessStore {
 public:
  virtual ~AccessStore() = default;

  virtual Status PutSession(const SessionRecord& session) = 0;  // insert or replace
  virtual Result<std::optional<SessionRecord>> GetSession(const std::string& token_hash) = 0;
  // Records activity, for the idle expiry. Missing sessions are ignored.
  virtual Status TouchSession(const std::string& token_hash, Instant at) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;  // absent: nothing to do

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
};

}  // namespace souhra
