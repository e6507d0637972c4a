// `souhra serve`: the engine, its timer scheduler, the outbox's delivery worker and the HTTP
// server on one SQLite file.
#include "adapters/clock/system_clock.h"
#include "app/serve_command.h"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <thread>

#include "adapters/email/email_channel.h"
#include "adapters/inbox/inbox_channel.h"
#include "adapters/sqlite/access_store.h"
#include "adapters/sqlite/directory_store.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/webhook/webhook_channel.h"
#include "app/demo_directory.h"
#include "app/demo_seed.h"
#include "app/flags.h"
#include "engine/time/czech_format.h"
#include "engine/workers/delivery_worker.h"
#include "engine/runtime/engine.h"
#include "engine/notify/outbox_dispatcher.h"
#include "engine/workers/scheduler.h"
#include "engine/time/working_calendar.h"
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

}  // namespace

int ServeCommand(const CommandArgs& args) {
  const sigset_t signals = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by every thread started below
  Flags flags(args);
  ServerOptions server_options;
  server_options.host = flags.Get("--listen", "127.0.0.1");
  server_options.port = flags.GetInt("--port", 8080);
  SqliteOptions store_options;
  store_options.path = flags.Get("--db", "souhra.db");
  const std::string definitions = flags.Get("--definitions", SOUHRA_SOURCE_DIR);
  server_options.static_dir = flags.Get("--static", std::string(SOUHRA_SOURCE_DIR) + "/web/static");
  server_options.sessions.secure_cookie = flags.Has("--secure-cookies");
  server_options.log = &std::cerr;
  const std::string demo_password = flags.Get("--demo-password", "");
  if (!flags.Finish(std::cerr)) return 2;

  Result<std::unique_ptr<Store>> store = OpenSqliteStore(store_options);
  if (!store.ok()) {
    std::cerr << "souhra serve: " << store.status().ToString() << "\n";
    return 1;
  }
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) {
    std::cerr << "souhra serve: " << calendar.status().ToString() << "\n";
    return 1;
  }
  Result<std::unique_ptr<Directory>> directory = OpenSqliteDirectory(store_options);
  Result<std::unique_ptr<AccessStore>> access =
      directory.ok() ? OpenSqliteAccessStore(store_options) : directory.status();
  if (!access.ok()) {
    std::cerr << "souhra serve: " << access.status().ToString() << "\n";
    return 1;
  }
  std::string seeded_password;
  if (Status s = SeedDemoDirectory(**directory, kDemoTenant, demo_password, &seeded_password);
      !s.ok()) {
    std::cerr << "souhra serve: demo directory: " << s.ToString() << "\n";
    return 1;
  }
  std::vector<std::string> examples = SeededTenants(definitions);
  examples.erase(std::remove(examples.begin(), examples.end(), kDemoTenant), examples.end());
  if (Status s = SeedExampleTenants(**directory, examples); !s.ok()) {
    std::cerr << "souhra serve: example tenants: " << s.ToString() << "\n";
    return 1;
  }
  SystemClock clock;
  Engine engine(**store, clock, **calendar);
  std::vector<std::string> installed;
  if (Status s = InstallTenantDefinitions(engine, definitions, &installed); !s.ok()) {
    std::cerr << "souhra serve: definitions in " << definitions << ":\n" << s.message() << "\n";
    return 1;
  }
  Scheduler scheduler(engine, kSchedulerTick, kSchedulerBatch, [](const Status& s) {
    std::cerr << "scheduler: " << s.ToString() << "\n";
  });
  // Every user gets the in-app inbox; e-mail goes out when the tenant's settings have "smtp";
  // external actors get webhooks or e-mail once the information rules allow it.
  InboxChannel inbox(engine);
  EmailChannel email(clock);
  EmailChannel digest(clock, "digest");
  WebhookChannel webhook(clock);
  DispatchOptions dispatch;
  const WorkingCalendar& prague = **calendar;
  dispatch.format_time = [&prague](Instant t) { return FormatCzechDateTime(prague.ToPrague(t)); };
  dispatch.next_digest = DailyAt(prague, kDigestHour);
  dispatch.check_sharing = [&engine](CaseId id, const SharingRequest& request) {
    return engine.CheckSharing(id, request);
  };
  OutboxDispatcher dispatcher(**store, engine, **directory, clock,
                              {&inbox, &email, &digest, &webhook}, dispatch);
  DeliveryWorker delivery(dispatcher, std::chrono::seconds(1), [](const Status& s) {
    std::cerr << "outbox: " << s.ToString() << "\n";
  });
  WebServices services;
  services.ReadFrom(**store);
  services.engine = &engine;
  services.directory = directory->get();
  services.access = access->get();
  services.calendar = calendar->get();
  services.clock = &clock;
  services.default_tenant = kDemoTenant;
  services.format_time = dispatch.format_time;
  HttpServer server(services, server_options);
  ShutdownOnSignal shutdown(server);
  Status served = server.Run([&] {
    const std::string url =
        "http://" + server_options.host + ":" + std::to_string(server.port()) + "/";
    std::cout << "Souhra běží: " << url << "  (databáze " << store_options.path << ", obec '"
              << kDemoTenant << "', " << installed.size() << " definic)\n"
              << "Kontrola stavu: " << url << "healthz\n";
    if (!seeded_password.empty()) PrintDemoSignIns(std::cout, url, seeded_password);
    std::cout << std::flush;
  });
  if (!served.ok()) {
    std::cerr << "souhra serve: " << served.ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace souhra
