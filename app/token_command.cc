#include "app/token_command.h"

#include <iostream>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/access_store.h"
#include "adapters/sqlite/directory_store.h"
#include "app/flags.h"
#include "web/authenticator.h"

namespace souhra {

int TokenCommand(const CommandArgs& args) {
  Flags flags(args);
  SqliteOptions options;
  options.path = flags.Get("--db", "souhra.db");
  const std::string tenant = flags.Get("--tenant", "demo");
  const std::string login = flags.Get("--login", "");
  const std::string name = flags.Get("--name", "");
  if (!flags.Finish(std::cerr)) return 2;
  if (login.empty() || name.empty()) {
    std::cerr << "usage: souhra token --login LOGIN --name TEXT [--tenant T] [--db PATH]\n";
    return 2;
  }
  Result<std::unique_ptr<Directory>> directory = OpenSqliteDirectory(options);
  Result<std::unique_ptr<AccessStore>> access =
      directory.ok() ? OpenSqliteAccessStore(options) : directory.status();
  if (!access.ok()) {
    std::cerr << "souhra token: " << access.status().ToString() << "\n";
    return 1;
  }
  Result<std::optional<UserRecord>> user = (*directory)->GetUser(tenant, login);
  if (!user.ok() || !*user || !(*user)->active) {
    std::cerr << "souhra token: no active user '" << login << "' in tenant '" << tenant << "'\n";
    return 1;
  }
  SystemClock clock;
  Result<std::string> token = IssueApiToken(**access, tenant, login, name, "cli", clock.Now());
  if (!token.ok()) {
    std::cerr << "souhra token: " << token.status().ToString() << "\n";
    return 1;
  }
  std::cout << *token << "\n";
  return 0;
}

}  // namespace souhra
