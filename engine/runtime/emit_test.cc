// emit { … }: an internal event handed to the case's other instances in the same transaction.
#include <gtest/gtest.h>

#include "tests/fakes/engine_fixture.h"

namespace souhra {
namespace {

using testing::EngineFixture;

Instant At(const char* iso) {
  Instant t;
  EXPECT_TRUE(ParseIsoInstant(iso, &t));
  return t;
}

// "hub" starts "listener" and, on "go", emits "ping.sent" with a payload.
constexpr char kHub[] = R"(return workflow {
  name = "hub", owns = { "hub_heard_itself" },
  initial = "on",
  states = {
    on = {
      enter = start { workflow = "listener" },
      on = {
        ["go"] = { run = emit { event = "ping.sent", payload = { n = 1 } } },
        ["computed"] = {
          run = function(case, event)
            return emit { event = "ping.sent", payload = { n = event.payload.n } }
          end,
        },
        ["nobody"] = { run = emit { event = "nobody.listens" } },
        ["pong.sent"] = { run = emit { event = "ping.sent", payload = { n = 0 } } },
        ["ping.sent"] = { run = set { hub_heard_itself = true } },
      },
    },
  },
})";

constexpr char kListener[] = R"(return workflow {
  name = "listener", owns = { "heard" },
  initial = "waiting",
  states = {
    waiting = {
      on = {
        ["ping.sent"] = {
          { go = "heard", when = function(case, event) return event.payload.n > 0 end,
            run = function(case, event) return set { heard = event.payload.n } end },
          { run = emit { event = "pong.sent" } },
        },
      },
    },
    heard = { final = true },
  },
})";

class Emit : public EngineFixture {
 protected:
  Emit() : EngineFixture(At("2026-04-02T08:00:00Z")) {}

  void SetUp() override {
    EngineFixture::SetUp();
    Install("listener.lua", kListener);
    Install("hub.lua", kHub);
    NewCase request;
    request.tenant = "demo";
    request.code = "K-1";
    request.workflow = "hub";
    Result<Applied> created = engine_->CreateCase(request);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    case_id_ = created->case_id;
  }

  Result<Applied> Send(const std::string& type, Json payload = Json::object()) {
    EventRequest request;
    request.case_id = case_id_;
    request.type = type;
    request.payload = std::move(payload);
    request.actor = Actor::System();
    return engine_->Submit(request);
  }

  CaseId case_id_ = 0;
};

TEST_F(Emit, OtherInstancesReceiveItInTheSameTransactionAsItsOwnLogRow) {
  Result<Applied> applied = Send("go");
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(applied->outcome.emitted, std::vector<std::string>({"ping.sent"}));
  const std::vector<EventRecord> events = *store_->ListEvents(case_id_);
  const EventRecord& emitted = events.back();
  EXPECT_EQ(emitted.type, "ping.sent");
  EXPECT_EQ(emitted.actor, "workflow:hub");
  EXPECT_EQ(emitted.payload, Json({{"n", 1}}));
  EXPECT_EQ(events[events.size() - 2].type, "go");
  const CaseRecord c = **store_->GetCase(case_id_);
  EXPECT_EQ(c.data["heard"], 1);
  EXPECT_FALSE(c.data.contains("hub_heard_itself"));  // not handed back to the emitter
}

TEST_F(Emit, RunFunctionsMayReturnItWithAComputedPayload) {
  ASSERT_TRUE(Send("computed", {{"n", 7}}).ok());
  EXPECT_EQ((*store_->GetCase(case_id_))->data["heard"], 7);
}

TEST_F(Emit, NobodyAcceptingItIsNotedNotRefused) {
  Result<Applied> applied = Send("nobody");
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  const EventRecord emitted = store_->ListEvents(case_id_)->back();
  EXPECT_EQ(emitted.type, "nobody.listens");
  EXPECT_NE(emitted.outcome.get<EventOutcome>().ignored, "");
}

TEST_F(Emit, EventsThatEmitEachOtherForeverAreStoppedAndRolledBack) {
  const size_t before = store_->ListEvents(case_id_)->size();
  Result<Applied> applied = Send("pong.sent");  // hub: ping 0 -> listener: pong -> hub: ping 0 …
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.status().message().find("emit each other too deeply"), std::string::npos)
      << applied.status().message();
  EXPECT_EQ(store_->ListEvents(case_id_)->size(), before);
}

}  // namespace
}  // namespace souhra
