// `souhra serve`: the engine, its timer scheduler, the outbox's delivery worker and the HTTP
// server on one SQLite file.
#include "app/serve_command.h"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>

#include "adapters/clock/system_clock.h"
#include "adapters/email/email_channel.h"
#include "adapters/inbox/inbox_channel.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/webhook/webhook_channel.h"
#include "app/demo_directory.h"
#include "app/demo_seed.h"
#include "app/flags.h"
#include "app/shipped_pack.h"
#include "app/shipped_source_dir.h"
#include "engine/notify/outbox_dispatcher.h"
#include "engine/notify/sharing_rules.h"
#include "engine/runtime/engine.h"
#include "engine/time/czech_format.h"
#include "engine/time/working_calendar.h"
#include "engine/workers/delivery_worker.h"
#include "engine/workers/scheduler.h"
#include "web/server.h"

namespace souhra {
namespace {

sigset_t ShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

// Waits for SIGINT or SIGTERM on its own thread and stops the server, so that shutdown is
// graceful: in-flight requests are answered and queued events are committed. The signals must
// be blocked (BlockShutdownSignals) before any other thread starts, so that only this one
// receives them.
class ShutdownOnSignal {
 public:
  explicit ShutdownOnSignal(HttpServer& server) : signals_(ShutdownSignals()) {
    waiter_ = std::thread([this, &server] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (signal == SIGTERM || signal == SIGINT) server.Stop();
    });
  }
  ~ShutdownOnSignal() {
    // Wake the waiter if the server stopped for another reason.
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
  }

 private:
  sigset_t signals_;
  std::thread waiter_;
};

// Users who chose the daily digest get it at 7:00 Prague time.
constexpr std::chrono::hours kDigestHour{7};

struct ServeSettings {
  ServerOptions server;
  SqliteOptions store;
  std::string definitions;
  std::string demo_password;
  std::string public_url;  // links in messages when a tenant has no base_url
  bool demo = false;       // seed the demo municipality and the example tenants
};

// Where the server is reached when --public-url does not say: its own address and port.
std::string ListeningUrl(const ServerOptions& server) {
  const bool any = server.host.empty() || server.host == "0.0.0.0" || server.host == "::";
  return "http://" + (any ? std::string("localhost") : server.host) + ":" +
         std::to_string(server.port);
}

// The flags, or nullopt (after printing why) when they are not valid.
std::optional<ServeSettings> ReadFlags(const CommandArgs& args) {
  Flags flags(ServeSpec(), args);
  ServeSettings settings;
  settings.server.host = flags.Get("--listen");
  settings.server.port = flags.GetInt("--port");
  settings.store.path = flags.Get("--db");
  settings.definitions = flags.Get("--definitions");
  settings.server.static_dir = flags.Get("--static");
  settings.server.sessions.secure_cookie = flags.Has("--secure-cookies");
  // Behind a reverse proxy every client has the proxy's address (web/guarded_server.h).
  settings.server.connections.max_per_client =
      static_cast<size_t>(std::max(0, flags.GetInt("--max-connections-per-client")));
  settings.server.log = &std::cerr;
  settings.demo = flags.Has("--demo");
  settings.demo_password = flags.Get("--demo-password");
  settings.public_url = flags.Get("--public-url");
  if (settings.public_url.empty()) settings.public_url = ListeningUrl(settings.server);
  if (!flags.Finish(std::cerr)) return std::nullopt;
  return settings;
}

// The demo municipality's users and a directory row for every example tenant. The password
// the demo users got, if they were created now, goes to `seeded_password`.
Status SeedDirectory(Directory& directory, const ServeSettings& settings,
                     std::string* seeded_password) {
  if (Status s = SeedDemoDirectory(directory, kDemoTenant, settings.demo_password, seeded_password);
      !s.ok()) {
    return Status(s.code(), "demo directory: " + s.ToString());
  }
  std::vector<std::string> examples = SeededTenants(settings.definitions);
  examples.erase(std::remove(examples.begin(), examples.end(), kDemoTenant), examples.end());
  if (Status s = SeedExampleTenants(directory, examples); !s.ok()) {
    return Status(s.code(), "example tenants: " + s.ToString());
  }
  return Status::Ok();
}

// The outbox's channels and how the dispatcher routes: every user gets the in-app inbox; e-mail
// goes out when the tenant's settings have "smtp"; external actors get webhooks or e-mail once
// the information rules allow it. Everything passed must outlive the delivery.
class OutboxDelivery {
 public:
  OutboxDelivery(Store& store, Engine& engine, Directory& directory, const Clock& clock,
                 const WorkingCalendar& prague, const std::string& public_url)
      : sharing_(store, store),
        inbox_(engine),
        email_(clock),
        digest_(clock, "digest"),
        webhook_(clock),
        dispatcher_(store, engine, directory, clock, {&inbox_, &email_, &digest_, &webhook_},
                    Options(prague, public_url)),
        worker_(dispatcher_, std::chrono::seconds(1),
                [](const Status& s) { std::cerr << "outbox: " << s.ToString() << "\n"; }) {}

  static InstantFormatter PragueTime(const WorkingCalendar& prague) {
    return [&prague](Instant t) { return FormatCzechDateTime(prague.ToPrague(t)); };
  }

 private:
  DispatchOptions Options(const WorkingCalendar& prague, const std::string& public_url) {
    DispatchOptions dispatch;
    dispatch.format_time = PragueTime(prague);
    dispatch.default_base_url = public_url;
    dispatch.next_digest = DailyAt(prague, kDigestHour);
    dispatch.log = [](const std::string& line) { std::cerr << line << "\n"; };
    // Read on the delivery thread, with its own catalog: no write transaction per check.
    dispatch.check_sharing = [this](CaseId id, const SharingRequest& request) {
      return sharing_.Check(id, request);
    };
    return dispatch;
  }

  SharingRules sharing_;  // the delivery worker's thread only
  InboxChannel inbox_;
  EmailChannel email_;
  EmailChannel digest_;
  WebhookChannel webhook_;
  OutboxDispatcher dispatcher_;
  DeliveryWorker worker_;  // declared last: stops before the rest goes
};

// What the shipped pack brought on this start, in one line: the tenants that got it active and
// how many drafts wait for a methodologist.
void PrintPackArrivals(std::ostream& out, const std::vector<PackArrival>& arrivals) {
  std::string installed;
  for (const PackArrival& a : arrivals) {
    if (!a.installed.empty()) installed += (installed.empty() ? "" : ", ") + a.tenant;
  }
  if (!installed.empty())
    out << "Dodané definice jsou nově aktivní v obcích: " << installed << ". ";
  const size_t drafts = CountDrafts(arrivals);
  out << "Nových verzí dodaných definic (konceptů): " << drafts;
  if (drafts > 0) {
    out << "; aktivní verze se nezměnily, koncepty najde metodik v seznamu definic"
           " (souhra definitions list --tenant ID)";
  }
  out << ".\n";
}

// Serves HTTP until SIGINT or SIGTERM; prints where, and the demo sign-ins when just seeded.
int ServeHttp(WebServices services, ServeSettings& settings,
              const std::vector<PackArrival>& arrivals, const std::string& seeded_password) {
  HttpServer server(services, settings.server);
  ShutdownOnSignal shutdown(server);
  Status served = server.Run([&] {
    const std::string url =
        "http://" + settings.server.host + ":" + std::to_string(server.port()) + "/";
    std::cout << "Souhra běží: " << url << "  (databáze " << settings.store.path << ", obec '"
              << services.default_tenant << "')\n"
              << "Kontrola stavu: " << url << "healthz\n";
    if (!seeded_password.empty()) PrintDemoSignIns(std::cout, url, seeded_password);
    PrintPackArrivals(std::cout, arrivals);
    std::cout << std::flush;
  });
  if (!served.ok()) {
    std::cerr << "souhra serve: " << served.ToString() << "\n";
    return 1;
  }
  return 0;
}

// The tenant of a sign-in that names none: the demo's, else the first municipality. A database
// without any cannot serve anyone: the operator learns how to create one.
Result<std::string> DefaultTenant(Directory& directory, bool demo) {
  if (demo) return std::string(kDemoTenant);
  SOUHRA_ASSIGN_OR_RETURN(std::vector<TenantRecord> tenants, directory.ListTenants());
  if (tenants.empty()) {
    return NotFound(
        "V databázi zatím není žádná obec.\n"
        "Založte obec a jejího prvního správce:\n"
        "  souhra init --db DATABÁZE --tenant ZKRATKA --name \"Město …\" --admin "
        "PŘIHLAŠOVACÍ_JMÉNO\n"
        "a pak spusťte znovu souhra serve --db DATABÁZE.\n"
        "Jen pro vyzkoušení spusťte ukázkovou obec: souhra serve --demo");
  }
  return tenants.front().id;
}

std::vector<std::string> TenantIds(const std::vector<TenantRecord>& tenants) {
  std::vector<std::string> ids;
  for (const TenantRecord& t : tenants) ids.push_back(t.id);
  return ids;
}

int Fail(const std::string& what) {
  std::cerr << "souhra serve: " << what << "\n";
  return 1;
}

}  // namespace

const CommandSpec& ServeSpec() {
  static const CommandSpec spec{
      .name = "serve",
      .summary = {"spustí Souhru: engine, plánovač, doručování oznámení a webový server nad "
                  "jedním souborem SQLite",
                  "runs Souhra: the engine, the scheduler, notification delivery and the web "
                  "server on one SQLite file"},
      .usage = {"[volby]", "[options]"},
      .options =
          {{"--listen",
            {"ADRESA", "ADDRESS"},
            {"adresa, na které server naslouchá", "the address to listen on"},
            "127.0.0.1"},
           {"--port", {"ČÍSLO", "NUMBER"}, {"port HTTP", "the HTTP port"}, "8080"},
           {"--db",
            {"SOUBOR", "FILE"},
            {"databáze SQLite; vznikne, když neexistuje",
             "the SQLite database; created when missing"},
            "souhra.db"},
           {"--definitions",
            {"SLOŽKA", "DIR"},
            {"kde jsou dodané rules/ a workflows/", "where the shipped rules/ and workflows/ are"},
            ShippedSourceDir()},
           {"--static",
            {"SLOŽKA", "DIR"},
            {"soubory webového rozhraní", "the web UI's files"},
            ShippedSourceDir() + "/web/static"},
           {"--secure-cookies",
            {},
            {"přihlašovací cookie jen přes HTTPS (za proxy s TLS)",
             "sign-in cookie over HTTPS only (behind a TLS proxy)"}},
           {"--max-connections-per-client",
            {"ČÍSLO", "NUMBER"},
            {"nejvýš tolik otevřených spojení z jedné adresy; 0 = bez omezení (za proxy mají "
             "všichni adresu proxy)",
             "at most this many open connections from one address; 0 = no cap (behind a proxy "
             "every client has the proxy's address)"},
            std::to_string(ConnectionLimits{}.max_per_client)},
           {"--public-url",
            {"URL", "URL"},
            {"adresa Souhry pro odkazy ve zprávách, když ji obec nemá v nastavení (base_url); "
             "jinak http://ADRESA:PORT, kde server naslouchá",
             "Souhra's address for links in messages when the municipality's settings have no "
             "base_url; else http://ADDRESS:PORT where the server listens"}},
           {"--demo",
            {},
            {"jen k vyzkoušení: založí ukázkovou obec s uživateli a vzorové obce",
             "for trying Souhra out only: seeds the demo municipality with its users and the "
             "example municipalities"}},
           {"--demo-password",
            {"HESLO", "PASSWORD"},
            {"s --demo: heslo uživatelů ukázkové obce, nastavené při každém startu",
             "with --demo: the demo municipality users' password, set on every start"}}},
      .examples = {"souhra serve --db /var/lib/souhra/souhra.db --port 8080",
                   "souhra serve --demo --db demo.db",
                   "souhra serve --secure-cookies --max-connections-per-client 0"},
  };
  return spec;
}

int ServeCommand(const CommandArgs& args) {
  const sigset_t signals = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by every thread started below
  std::optional<ServeSettings> settings = ReadFlags(args);
  if (!settings) return 2;
  // One writer connection for the store, the directory and sessions (sqlite_store.h).
  Result<SqliteDatabase> database = OpenSqliteDatabase(settings->store);
  if (!database.ok()) return Fail(database.status().ToString());
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) return Fail(calendar.status().ToString());
  std::string seeded_password;
  if (settings->demo) {
    if (Status s = SeedDirectory(*database->directory, *settings, &seeded_password); !s.ok()) {
      return Fail(s.message());
    }
  }
  Result<std::string> default_tenant = DefaultTenant(*database->directory, settings->demo);
  if (!default_tenant.ok()) return Fail(default_tenant.status().message());
  SystemClock clock;
  EngineOptions options;
  options.directory = database->directory.get();
  Engine engine(*database->store, clock, **calendar, options);
  Result<std::vector<TenantRecord>> tenants = database->directory->ListTenants();
  if (!tenants.ok()) return Fail(tenants.status().ToString());
  // Every municipality in the database, the demo's just seeded ones included. Later starts never
  // change which versions are active (shipped_pack.h).
  Result<std::vector<PackArrival>> arrivals =
      BringShippedPacks(engine, *database->store, TenantIds(*tenants), settings->definitions);
  if (!arrivals.ok()) {
    return Fail("dodané definice v " + settings->definitions + ":\n" + arrivals.status().message());
  }
  Scheduler scheduler(engine, kSchedulerTick, kSchedulerBatch,
                      [](const Status& s) { std::cerr << "scheduler: " << s.ToString() << "\n"; });
  OutboxDelivery delivery(*database->store, engine, *database->directory, clock, **calendar,
                          settings->public_url);
  WebServices services;
  services.ReadFrom(*database->store);
  services.engine = &engine;
  services.directory = database->directory.get();
  services.access = database->access.get();
  services.calendar = calendar->get();
  services.clock = &clock;
  services.default_tenant = *default_tenant;
  services.format_time = OutboxDelivery::PragueTime(**calendar);
  return ServeHttp(services, *settings, *arrivals, seeded_password);
}

}  // namespace souhra
