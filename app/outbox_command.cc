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

// One of Czech or English, as SOUHRA_LANG chooses.
std::string Say(Language language, const std::string& cs, const std::string& en) {
  return language == Language::kEnglish ? en : cs;
}

// The case's code, or its number when the case cannot be read.
std::string CaseLabel(CaseFiles& cases, CaseId id) {
  Result<std::optional<CaseRecord>> found = cases.GetCase(id);
  if (found.ok() && *found) return (*found)->code;
  return "#" + std::to_string(id);
}

void PrintMessage(Store& store, const OutboxRecord& message, Language lang, std::ostream& out) {
  const bool refused = message.status == OutboxStatus::kRefused;
  out << "#" << message.id << "  " << FormatUtc(message.created) << "  "
      << Say(lang, "případ ", "case ") << CaseLabel(store, message.case_id) << "  "
      << Say(lang, "komu ", "to ") << message.recipient << "  " << message.template_name << "  "
      << Say(lang, "pokusů ", "attempts ") << message.attempts << "  "
      << (refused ? Say(lang, "odmítnuto pravidly sdílení (znovu se neposílá)",
                        "refused by the information rules (not retried)")
                  : Say(lang, "nedoručeno", "failed"))
      << "\n    " << message.last_error << "\n";
  Result<std::vector<DeliveryAttempt>> attempts = store.ListDeliveryAttempts(message.id);
  if (!attempts.ok()) return;
  for (const DeliveryAttempt& attempt : *attempts) {
    // A refusal tried no channel: the information rules stopped it before any.
    const std::string where = refused && !attempt.ok
                                  ? Say(lang, "pravidla sdílení", "information rules")
                                  : attempt.channel;
    out << "    " << FormatUtc(attempt.at) << "  " << where << "  "
        << (attempt.ok ? "ok" : attempt.error) << "\n";
  }
}

int Retry(Store& store, int64_t id, Language lang) {
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) {
    std::cerr << "souhra outbox: " << calendar.status().ToString() << "\n";
    return 1;
  }
  SystemClock clock;
  Engine engine(store, clock, **calendar);
  if (Status s = RequeueFailedMessage(engine, id); !s.ok()) {
    std::cerr << "souhra outbox: " << Say(lang, "oznámení #", "retry of #") << id
              << Say(lang, " nelze poslat znovu: ", " failed: ") << s.ToString() << "\n";
    return 1;
  }
  std::cout << "#" << id << Say(lang, " se pošle znovu\n", " queued for delivery again\n");
  return 0;
}

// The failed and refused messages, of one tenant when `tenant` is not empty.
Result<std::vector<OutboxRecord>> Undelivered(Store& store, const std::string& tenant) {
  SOUHRA_ASSIGN_OR_RETURN(std::vector<OutboxRecord> all, store.ListFailedOutbox());
  if (tenant.empty()) return all;
  std::vector<OutboxRecord> theirs;
  for (OutboxRecord& message : all) {
    SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> found, store.GetCase(message.case_id));
    if (found && found->tenant == tenant) theirs.push_back(std::move(message));
  }
  return theirs;
}

void PrintCounts(const std::vector<OutboxRecord>& messages, Language lang, std::ostream& out) {
  size_t refused = 0;
  for (const OutboxRecord& message : messages) refused += message.status == OutboxStatus::kRefused;
  if (messages.empty()) {
    out << Say(lang, "žádná nedoručená oznámení\n", "no failed messages\n");
    return;
  }
  out << Say(lang, "nedoručeno: ", "failed: ") << messages.size() - refused
      << Say(lang, ", odmítnuto pravidly sdílení: ", ", refused by the information rules: ")
      << refused << Say(lang, "; vypíše je --failed\n", "; list them with --failed\n");
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
           {"--tenant",
            {"OBEC", "TENANT"},
            {"jen oznámení k případům této obce", "only messages about this tenant's cases"}},
           {"--failed",
            {},
            {"vypíše nedoručená a odmítnutá oznámení s pokusy",
             "lists the failed and refused messages with their attempts"}},
           {"--retry",
            {"ID", "ID"},
            {"pošle oznámení znovu", "queues the message for delivery again"}}},
      .examples = {"souhra outbox --failed", "souhra outbox --tenant demo --failed",
                   "souhra outbox --retry 12"},
  };
  return spec;
}

int OutboxCommand(const CommandArgs& args) {
  Flags flags(OutboxSpec(), args);
  const Language lang = UserLanguage();
  SqliteOptions options;
  options.path = flags.Get("--db");
  const std::string tenant = flags.Get("--tenant");
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
  if (retry > 0) return Retry(**store, retry, lang);
  Result<std::vector<OutboxRecord>> messages = Undelivered(**store, tenant);
  if (!messages.ok()) {
    std::cerr << "souhra outbox: " << messages.status().ToString() << "\n";
    return 1;
  }
  if (!failed) {
    PrintCounts(*messages, lang, std::cout);
    return 0;
  }
  if (messages->empty()) PrintCounts(*messages, lang, std::cout);
  for (const OutboxRecord& message : *messages) PrintMessage(**store, message, lang, std::cout);
  return 0;
}

}  // namespace souhra
