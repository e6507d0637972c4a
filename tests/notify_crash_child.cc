// The process tests/notify_crash_test.cc kills between committing a notification and sending it.
//
//   souhra_notify_crash_child <database> commit <webhook_url>
//   souhra_notify_crash_child <database> deliver
//
// "commit" sets up the directory (an actor with the webhook), installs a workflow and the
// information rules, creates a case with the client's consent and submits the event that writes
// a notification to the actor, prints "committed" and then waits to be killed: the message is
// durable but not sent. "deliver" runs the outbox dispatcher with the webhook channel until
// nothing is due and prints "delivered".

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "adapters/clock/system_clock.h"
#include "adapters/sqlite/directory_store.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/webhook/webhook_channel.h"
#include "engine/notify/outbox_dispatcher.h"
#include "engine/notify/sharing_rules.h"
#include "engine/runtime/engine.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/child_report.h"

namespace souhra {
namespace {

using ::souhra::testing::PrintChildError;
using ::souhra::testing::ReportLine;

constexpr char kWorkflow[] = R"lua(
return workflow {
  name = "inviting",
  templates = { invite = { title = "Pozvánka {case}", body = "Konference k případu {case}." } },
  initial = "open",
  states = {
    open = {
      on = { invite = { run = notify { to = "actor:hook", template = "invite",
                                       purpose = "conference" } } },
    },
  },
}
)lua";

int Fail(const char* what, const Status& status) {
  PrintChildError("notify crash child", what, status);
  return 1;
}

std::string RulesSource() {
  std::ifstream in(testing::SourceDir() + "/rules/information_sharing.lua");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int Commit(Engine& engine, Directory& directory, const std::string& url) {
  TenantRecord tenant;
  tenant.id = "demo";
  tenant.name = "Demo";
  tenant.settings = {{"webhook_allow", Json::array({"127.0.0.1"})}};  // the receiver on loopback
  if (Status s = directory.PutTenant(tenant); !s.ok()) return Fail("tenant", s);
  ActorRecord hook;
  hook.tenant = "demo";
  hook.id = "hook";
  hook.name = "Petra Malá";
  hook.kind = "social_services";
  hook.webhook_url = url;
  hook.webhook_secret = "tajemstvi";
  if (Status s = directory.PutActor(hook); !s.ok()) return Fail("actor", s);
  if (Result<DefinitionChange> r = engine.Install("demo", "inviting.lua", kWorkflow); !r.ok()) {
    return Fail("install", r.status());
  }
  if (Result<DefinitionChange> r = engine.Install("demo", "information_sharing.lua", RulesSource());
      !r.ok()) {
    return Fail("install rules", r.status());
  }
  const Json consent = {{"status", "given"},
                        {"grants", Json::array({{{"recipient", "actor:hook"}}})}};
  Result<Applied> created = engine.CreateCase({"demo", "K-1", "inviting", {{"consent", consent}}});
  if (!created.ok()) return Fail("create", created.status());
  EventRequest invite;
  invite.case_id = created->case_id;
  invite.type = "invite";
  if (Result<Applied> r = engine.Submit(invite); !r.ok()) return Fail("invite", r.status());
  ReportLine("committed");
  while (true) pause();
}

int Deliver(Store& store, Engine& engine, Directory& directory, const Clock& clock) {
  WebhookChannel webhook(clock);
  DispatchOptions options;
  options.first_backoff = std::chrono::milliseconds(0);
  SharingRules sharing(store, store);
  options.check_sharing = [&sharing](CaseId id, const SharingRequest& request) {
    return sharing.Check(id, request);
  };
  OutboxDispatcher dispatcher(store, engine, directory, clock, {&webhook}, options);
  while (true) {
    Result<int> sent = dispatcher.DeliverDue();
    if (!sent.ok()) return Fail("deliver", sent.status());
    if (*sent == 0) break;
  }
  ReportLine("delivered");
  return 0;
}

int Run(const std::string& path, const std::string& mode, const std::string& url) {
  SqliteOptions options;
  options.path = path;
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  if (!store.ok()) return Fail("open", store.status());
  Result<std::unique_ptr<Directory>> directory = OpenSqliteDirectory(options);
  if (!directory.ok()) return Fail("directory", directory.status());
  Result<std::unique_ptr<WorkingCalendar>> calendar = WorkingCalendar::Create();
  if (!calendar.ok()) return Fail("calendar", calendar.status());
  SystemClock clock;
  Engine engine(**store, clock, **calendar);
  if (mode == "commit") return Commit(engine, **directory, url);
  return Deliver(**store, engine, **directory, clock);
}

}  // namespace
}  // namespace souhra

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: souhra_notify_crash_child <database> commit <url> | deliver\n");
    return 2;
  }
  return souhra::Run(argv[1], argv[2], argc > 3 ? argv[3] : "");
}
