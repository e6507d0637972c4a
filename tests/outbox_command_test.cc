// `souhra outbox` lists a notification that gave up and queues it again.
#include <gtest/gtest.h>

#include "adapters/sqlite/directory_store.h"
#include "engine/notify/outbox_dispatcher.h"
#include "tests/fakes/engine_harness.h"
#include "tests/fakes/recording_notifier.h"
#include "tests/fakes/run_souhra.h"
#include "tests/fakes/temp_dir.h"
#include "tests/outbox_workflows.h"

namespace souhra {
namespace {

// Leaves one failed message (its channel was down for its only attempt) at `path`.
void PrepareFailedMessage(const std::string& path) {
  testing::EngineHarness harness(path, FromMillis(1775116800000));
  Engine& engine = harness.engine;
  testing::InstallOutboxWorkflows(engine);
  Result<Applied> created = engine.CreateCase({"demo", "K-1", "notifying", testing::PeopleData()});
  ASSERT_TRUE(created.ok());
  EventRequest poke;
  poke.case_id = created->case_id;
  poke.type = "poke";
  ASSERT_TRUE(engine.Submit(poke).ok());
  testing::RecordingNotifier down("inbox", 1);
  DispatchOptions single;
  single.max_attempts = 1;
  OutboxDispatcher dispatcher(*harness.store, engine, harness.clock, {&down}, "inbox", single);
  ASSERT_EQ(*dispatcher.DeliverDue(), 1);
}

TEST(OutboxCommand, CountsAndListsTheFailedMessageWithItsAttempts) {
  testing::TempDir dir;
  PrepareFailedMessage(dir.File("s.db"));
  testing::CommandOutput counted = testing::RunSouhra("outbox --db " + dir.File("s.db"));
  EXPECT_EQ(counted.exit_code, 0);
  EXPECT_EQ(counted.output, "nedoručeno: 1, odmítnuto pravidly sdílení: 0; vypíše je --failed\n");
  testing::CommandOutput listed = testing::RunSouhra("outbox --failed --db " + dir.File("s.db"));
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.output.find("#1 "), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("případ K-1  komu coordinator  poked  pokusů 1  nedoručeno"),
            std::string::npos)
      << listed.output;
  EXPECT_NE(
      listed.output.find("2026-04-02T08:00:00.000Z  inbox  unavailable: channel 'inbox' is down"),
      std::string::npos)
      << listed.output;
}

TEST(OutboxCommand, RetryQueuesTheMessageAgain) {
  testing::TempDir dir;
  PrepareFailedMessage(dir.File("s.db"));
  testing::CommandOutput retried =
      testing::RunSouhra("outbox --db " + dir.File("s.db") + " --retry 1");
  EXPECT_EQ(retried.exit_code, 0) << retried.output;
  EXPECT_EQ(retried.output, "#1 se pošle znovu\n");
  EXPECT_EQ(testing::RunSouhra("outbox --db " + dir.File("s.db")).output,
            "žádná nedoručená oznámení\n");
  testing::CommandOutput again =
      testing::RunSouhra("outbox --db " + dir.File("s.db") + " --retry 1");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("failed outbox message 1 does not exist"), std::string::npos)
      << again.output;
}

TEST(OutboxCommand, ListsARefusedMessageWithTheReason) {
  testing::TempDir dir;
  {
    testing::EngineHarness harness(dir.File("s.db"), FromMillis(1775116800000));
    const SqliteOptions options = testing::EngineHarness::OptionsFor(dir.File("s.db"));
    std::unique_ptr<Directory> directory = std::move(OpenSqliteDirectory(options).value());
    TenantRecord tenant;
    tenant.id = "demo";
    ASSERT_TRUE(directory->PutTenant(tenant).ok());
    ActorRecord charita;
    charita.tenant = "demo";
    charita.id = "charita";
    charita.kind = "health";
    charita.email = "mala@charita.example.cz";
    ASSERT_TRUE(directory->PutActor(charita).ok());
    ASSERT_TRUE(harness.engine
                    .Install("demo", "tell.lua",
                             "return workflow { name = 'tell', initial = 'a',\n"
                             "  templates = { t = { title = 'Případ {case}', body = '' } },\n"
                             "  states = { a = { on = { tell = { run = notify {\n"
                             "    to = 'actor:charita', template = 't' } } } } } }\n")
                    .ok());
    Result<Applied> created = harness.engine.CreateCase({"demo", "K-1", "tell", Json::object()});
    ASSERT_TRUE(created.ok());
    EventRequest tell;
    tell.case_id = created->case_id;
    tell.type = "tell";
    ASSERT_TRUE(harness.engine.Submit(tell).ok());
    OutboxDispatcher dispatcher(*harness.store, harness.engine, *directory, harness.clock, {});
    ASSERT_EQ(*dispatcher.DeliverDue(), 1);
  }
  testing::CommandOutput counted = testing::RunSouhra("outbox --db " + dir.File("s.db"));
  EXPECT_EQ(counted.output, "nedoručeno: 0, odmítnuto pravidly sdílení: 1; vypíše je --failed\n");
  // The refusal tried no channel: it used to be listed under "inbox".
  testing::CommandOutput listed =
      testing::RunSouhra("outbox --failed --db " + dir.File("s.db"), "SOUHRA_LANG=en");
  EXPECT_NE(listed.output.find("case K-1  to actor:charita  t  attempts 1  refused by the "
                               "information rules (not retried)\n"
                               "    pravidla sdílení informací nejsou nainstalována"),
            std::string::npos)
      << listed.output;
  EXPECT_NE(listed.output.find("Z  information rules  "), std::string::npos) << listed.output;
  EXPECT_EQ(listed.output.find("  inbox  "), std::string::npos) << listed.output;
}

TEST(OutboxCommand, ATenantSeesOnlyItsOwnMessages) {
  testing::TempDir dir;
  PrepareFailedMessage(dir.File("s.db"));  // a case of "demo"
  EXPECT_EQ(testing::RunSouhra("outbox --tenant jina_obec --db " + dir.File("s.db")).output,
            "žádná nedoručená oznámení\n");
  EXPECT_EQ(testing::RunSouhra("outbox --tenant demo --db " + dir.File("s.db")).output,
            "nedoručeno: 1, odmítnuto pravidly sdílení: 0; vypíše je --failed\n");
  testing::CommandOutput english = testing::RunSouhra(
      "outbox --tenant jina_obec --failed --db " + dir.File("s.db"), "SOUHRA_LANG=en");
  EXPECT_EQ(english.output, "no failed messages\n");
}

}  // namespace
}  // namespace souhra
