#include "app/outbox_command.h"

#include <iostream>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/sqlite_store.h"
#include "app/flags.h"
#include "app/help.h"
#include "engine/notify/outbox_dispatcher.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

void PrintFailed(OutboxLog& log, const OutboxRecord& message, std::ostream& out) {
  out << "#" << message.id << "  " << FormatUtc(message.created) << "  case " << message.case_id
      << "  to " << message.recipient << "  " << message.template_name << "  attempts "
      << message.attempts << "  "
      << (message.status == OutboxStatus::kRefused ? "refused (not retried)" : "failed") << "\n    "
      << message.last_error << "\n";
  Result<std::vector<DeliveryAttempt>> attempts = log.ListDeliveryAttempts(message.id);
  if (!attempts.ok()) return;
  for (const DeliveryAttempt& attempt : *attempts) {
    out << "    " << FormatUtc(attempt.at) << "  " << attempt.channel << "  "
        << (attempt.ok ? "ok" : attempt.error) << "\n";
  }
}

int Retry(Store& store, int64_t id) {
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) {
    std::cerr << "souhra outbox: " << calendar.status().ToString() << "\n";
    return 1;
  }
  SystemClock clock;
  Engine engine(store, clock, **calendar);
  if (Status s = RequeueFailedMessage(engine, id); !s.ok()) {
    std::cerr << "souhra outbox: retry of #" << id << " failed: " << s.ToString() << "\n";
    return 1;
  }
  std::cout << "#" << id << " queued for delivery again\n";
  return 0;
}

}  // namespace

const CommandSpec& OutboxSpec() {
  static const CommandSpec spec{
      .name = "outbox",
      .summary = {"nedoručená oznámení: kolik jich je, výpis a nové odeslání",
                  "undelivered notifications: how many, list and resend"},
      .usage = {"[volby]", "[options]"},
      .options =
          {{"--db", {"SOUBOR", "FILE"}, {"databáze SQLite", "the SQLite database"}, "souhra.db"},
           {"--failed",
            {},
            {"vypíše nedoručená oznámení s pokusy",
             "lists the failed messages with their attempts"}},
           {"--retry",
            {"ID", "ID"},
            {"pošle oznámení znovu", "queues the message for delivery again"}}},
      .examples = {"souhra outbox --failed", "souhra outbox --retry 12"},
  };
  return spec;
}

int OutboxCommand(const CommandArgs& args) {
  Flags flags(OutboxSpec(), args);
  SqliteOptions options;
  options.path = flags.Get("--db");
  const bool failed = flags.Has("--failed");
  const int retry = flags.GetInt("--retry");
  if (!flags.Finish(std::cerr) || !flags.positional().empty() || (failed && retry > 0)) {
    return UsageError(OutboxSpec(), std::cerr);
  }
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  if (!store.ok()) {
    std::cerr << "souhra outbox: " << store.status().ToString() << "\n";
    return 1;
  }
  if (retry > 0) return Retry(**store, retry);
  Result<std::vector<OutboxRecord>> messages = (*store)->ListFailedOutbox();
  if (!messages.ok()) {
    std::cerr << "souhra outbox: " << messages.status().ToString() << "\n";
    return 1;
  }
  size_t refused = 0;
  for (const OutboxRecord& message : *messages) refused += message.status == OutboxStatus::kRefused;
  if (messages->empty()) {
    std::cout << "no failed messages\n";
  } else if (!failed) {
    std::cout << messages->size() - refused << " failed messages";
    if (refused > 0) std::cout << ", " << refused << " refused by the information rules";
    std::cout << "; see them with --failed\n";
  }
  if (failed) {
    for (const OutboxRecord& message : *messages) PrintFailed(**store, message, std::cout);
  }
  return 0;
}

}  // namespace souhra
