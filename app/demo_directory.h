// The demo municipality's directory: tenant "demo" ("Demo obec"), one user per role, one
// integration account (kDemoIntegrationLogin, for bearer tokens) and a handful of external
// actors, seeded on the first start of `souhra serve`.
//
// Demo passwords: without --demo-password the first start generates one password, prints it
// and stores only its Argon2id hash, so a demo left running on a network is not open to a
// published default. --demo-password PASS sets every demo user's password to PASS on each start
// (tests, presentations).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "engine/directory.h"

namespace souhra {

// The demo's integration account: "Import z evidence", registering referrals as a social worker.
inline constexpr char kDemoIntegrationLogin[] = "integrace";

struct DemoSignIn {
  std::string role;
  std::string login;
  std::string name;
};

// The demo users, one per role, in the order of kUserRoles.
const std::vector<DemoSignIn>& DemoSignIns();

// Seeds tenant `tenant` unless it exists. `password` "" generates one when seeding (returned in
// `*password_used`); a non-empty `password` is also set on existing demo users. `*password_used`
// stays "" when nothing was set.
Status SeedDemoDirectory(Directory& directory, const std::string& tenant,
                         const std::string& password, std::string* password_used);

// A directory row for each example tenant (workflows/tenants/<id>/) that has none, so that
// their definitions belong to a known tenant: named from the id ("dolni_brod" → "Dolni Brod"),
// no users or actors. Existing rows are left as an administrator changed them.
Status SeedExampleTenants(Directory& directory, const std::vector<std::string>& tenants);

// "dolni_brod" → "Dolni Brod".
std::string TenantNameOf(const std::string& id);

// The URL and demo sign-ins, for the console.
void PrintDemoSignIns(std::ostream& out, const std::string& url, const std::string& password);

}  // namespace souhra
