// Routing outbox messages to their channels with the directory, against real receivers on
// loopback: the in-app inbox and e-mail for users (tests/smtp_sink.py), e-mail or a signed webhook
// for external actors, and the information rules that decide at send time whether anything about
// the client may leave the office.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sodium.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "adapters/email/email_channel.h"
#include "adapters/inbox/inbox_channel.h"
#include "adapters/sqlite/directory_store.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/webhook/webhook_channel.h"
#include "engine/notify/outbox_dispatcher.h"
#include "engine/notify/sharing_rules.h"
#include "engine/time/czech_format.h"
#include "engine/time/working_calendar.h"
#include "tests/fakes/build_paths.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/smtp_sink.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

const Instant kStart = FromMillis(1775116800000);  // Thursday 2 April 2026, 10:00 in Prague
const std::string kSecret = "0123456789abcdef0123456789abcdef";  // 32 bytes

constexpr char kWorkflow[] = R"lua(
return workflow {
  name = "conferencing",
  owns = { "consent", "conference" },
  -- the invitation's place comes from this form, not from case data
  events = {
    invite_charita = { title = "Pozvat Charitu", by = { "case_manager" },
                       form = { { name = "place", type = "place", label = "Místo" } } },
  },
  initial = "open",
  templates = {
    invite = { title = "Pozvánka na případovou konferenci {case}",
               body = "Dobrý den, {recipient}, konference ke klientovi {initials} bude {when}, místo: {place}." },
    invite_hook = { title = "Pozvánka na případovou konferenci {case}",
                    body = "Dobrý den, {recipient}, zveme vás ke klientovi {initials}." },
    remind = { title = "Připomínka k případu {case}", body = "Dobrý den, {recipient}, případ čeká." },
    escalate = { title = "Eskalace {case}", body = "Po termínu.", urgent = true },
  },
  states = {
    open = {
      on = {
        invite_charita = { run = notify { to = "actor:charita", template = "invite",
                                          purpose = "conference", calendar = "conference" } },
        invite_hook = { run = notify { to = "actor:hook", template = "invite_hook",
                                       purpose = "conference" } },
        tell_manager = { run = notify { to = "case_manager", template = "remind" } },
        escalate = { run = notify { to = "case_manager", template = "escalate" } },
        revoke = { run = set { ["consent.status"] = "revoked" } },
        -- the issue's attack: the referral note copied into the meeting's place
        leak_note = { run = function(case, event)
          return { set { ["conference.place"] = case.data.referral.note },
                   notify { to = "actor:charita", template = "invite", purpose = "conference",
                            calendar = "conference" } }
        end },
      },
    },
  },
}
)lua";

std::string ReadSource(const std::string& relative) {
  std::ifstream in(testing::SourceDir() + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A webhook receiver on loopback that verifies signatures and answers 503 to the first
// `fail_first` requests.
class WebhookReceiver {
 public:
  explicit WebhookReceiver(int fail_first) : fail_first_(fail_first) {
    server_.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      const std::string timestamp = req.get_header_value("X-Souhra-Timestamp");
      const std::string signature = req.get_header_value("X-Souhra-Signature");
      const std::string signed_text = timestamp + "." + req.body;
      unsigned char mac[crypto_auth_hmacsha256_BYTES];
      bool valid =
          signature.rfind("sha256=", 0) == 0 && signature.size() == 7 + 64 &&
          sodium_hex2bin(mac, sizeof mac, signature.data() + 7, 64, nullptr, nullptr, nullptr) ==
              0 &&
          crypto_auth_hmacsha256_verify(
              mac, reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(),
              reinterpret_cast<const unsigned char*>(kSecret.data())) == 0;
      if (!valid) {
        ++bad_signatures_;
        res.status = 401;
        return;
      }
      ++requests_;
      if (requests_ <= fail_first_) {
        res.status = 503;
        return;
      }
      keys_.push_back(req.get_header_value("X-Souhra-Delivery"));
      bodies_.push_back(Json::parse(req.body));
      res.status = 204;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() before the accept loop runs would leave it running: wait until it does (a test whose
    // webhook is refused never reaches the receiver).
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~WebhookReceiver() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& host = "127.0.0.1") const {
    return "http://" + host + ":" + std::to_string(port_) + "/hook";
  }
  std::vector<std::string> keys() {
    std::lock_guard<std::mutex> lock(mu_);
    return keys_;
  }
  std::vector<Json> bodies() {
    std::lock_guard<std::mutex> lock(mu_);
    return bodies_;
  }
  int bad_signatures() {
    std::lock_guard<std::mutex> lock(mu_);
    return bad_signatures_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  int fail_first_;
  int requests_ = 0;
  int bad_signatures_ = 0;
  std::vector<std::string> keys_;
  std::vector<Json> bodies_;
};

class NotificationRoutingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(sink_.ready());
    calendar_ = std::move(WorkingCalendar::Create().value());
    SqliteOptions options;
    options.path = dir_.File("souhra.db");
    store_ = std::move(OpenSqliteStore(options).value());
    directory_ = std::move(OpenSqliteDirectory(options).value());
    engine_ = std::make_unique<Engine>(*store_, clock_, *calendar_);
    ASSERT_TRUE(engine_->Install("demo", "conferencing.lua", kWorkflow).ok());
    Result<DefinitionChange> rules = engine_->Install("demo", "rules/information_sharing.lua",
                                                      ReadSource("rules/information_sharing.lua"));
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    SetSmtpPort(sink_.port());
    UserRecord novak;
    novak.tenant = "demo";
    novak.login = "novak";
    novak.name = "Jan Novák";
    novak.email = "novak@obec.example.cz";
    novak.roles = {"case_manager"};
    ASSERT_TRUE(directory_->PutUser(novak).ok());
    ActorRecord charita;
    charita.tenant = "demo";
    charita.id = "charita";
    charita.name = "Petra Malá";
    charita.organisation = "Charita";
    charita.kind = "health";
    charita.email = "mala@charita.example.cz";
    ASSERT_TRUE(directory_->PutActor(charita).ok());
    ActorRecord hook = charita;
    hook.id = "hook";
    hook.kind = "social_services";
    hook.webhook_url = receiver_.url();
    hook.webhook_secret = kSecret;
    ASSERT_TRUE(directory_->PutActor(hook).ok());

    inbox_ = std::make_unique<InboxChannel>(*engine_);
    dispatch_.format_time = [this](Instant t) {
      return FormatCzechDateTime(calendar_->ToPrague(t));
    };
    dispatch_.next_digest = DailyAt(*calendar_, std::chrono::hours(7));
    sharing_ = std::make_unique<SharingRules>(*store_, *store_);
    dispatch_.check_sharing = [this](CaseId id, const SharingRequest& request) {
      return sharing_->Check(id, request);
    };
    MakeDispatcher();
  }

  // The dispatcher with the options in dispatch_.
  void MakeDispatcher() {
    dispatcher_ = std::make_unique<OutboxDispatcher>(
        *store_, *engine_, *directory_, clock_,
        std::vector<Notifier*>{inbox_.get(), &email_, &digest_, &webhook_}, dispatch_);
  }

  // The tenant's settings: e-mail through the sink on `port`; webhooks to the receivers on
  // loopback, which the target check lets through only when allow-listed.
  void SetSmtpPort(int port, Json webhook_allow = Json::array({"127.0.0.1"})) {
    TenantRecord tenant;
    tenant.id = "demo";
    tenant.name = "Obec Demo";
    tenant.settings = {
        {"base_url", "https://souhra.example.cz/"},
        {"smtp", {{"host", "127.0.0.1"}, {"port", port}, {"from", "socialni@obec.example.cz"}}},
        {"webhook_allow", std::move(webhook_allow)}};
    ASSERT_TRUE(directory_->PutTenant(tenant).ok());
  }

  // Points actor "hook" at `url`, past the save-time check (as an older database could hold).
  void SetHookUrl(const std::string& url) {
    ActorRecord hook = *directory_->GetActor("demo", "hook").value();
    hook.webhook_url = url;
    ASSERT_TRUE(directory_->PutActor(hook).ok());
  }

  CaseId NewCase(Json data) {
    data["people"] = {{"case_manager", "user:novak"}};
    data["client"] = {{"initials", "J. N."}};
    data["conference"] = {
        {"uid", "konf-1@souhra"}, {"at", "2026-04-08T08:00:00Z"}, {"sequence", 0}};
    Result<Applied> created =
        engine_->CreateCase({"demo", "K-" + std::to_string(++cases_), "conferencing", data});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->case_id : 0;
  }

  void Send(CaseId id, const std::string& type, Json payload = Json::object()) {
    EventRequest request;
    request.case_id = id;
    request.type = type;
    request.payload = std::move(payload);
    Result<Applied> applied = engine_->Submit(request);
    ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  }

  void DeliverDue() {
    Result<int> sent = dispatcher_->DeliverDue();
    ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  }

  OutboxRecord OnlyMessage(CaseId id) {
    std::vector<OutboxRecord> outbox = *store_->ListOutbox(id);
    EXPECT_EQ(outbox.size(), 1u);
    return outbox.empty() ? OutboxRecord{} : outbox[0];
  }

  std::vector<EventRecord> EventsOfType(CaseId id, const std::string& type) {
    std::vector<EventRecord> found;
    const std::vector<EventRecord> events = store_->ListEvents(id).value();
    for (const EventRecord& e : events) {
      if (e.type == type) found.push_back(e);
    }
    return found;
  }

  // Life or health at risk: sharing with Charita for the conference only.
  static Json Emergency() {
    return {{"reason", "ohrožení života"},
            {"recipients", Json::array({"actor:charita"})},
            {"purposes", Json::array({"conference"})},
            {"at", "2026-04-02T07:00:00Z"},
            {"by", "user:novak"}};
  }

  static Json Consent(const std::string& recipient) {
    return {{"status", "given"},
            {"grants", Json::array({{{"recipient", recipient},
                                     {"purposes", Json::array({"conference"})},
                                     {"given", "2026-04-01T08:00:00Z"}}})}};
  }

  testing::SmtpSink sink_;
  WebhookReceiver receiver_{0};
  testing::TempDir dir_;
  FakeClock clock_{kStart};
  std::unique_ptr<WorkingCalendar> calendar_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Directory> directory_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<InboxChannel> inbox_;
  EmailChannel email_{clock_};
  EmailChannel digest_{clock_, "digest"};
  WebhookChannel webhook_{clock_};
  std::unique_ptr<SharingRules> sharing_;
  DispatchOptions dispatch_;
  std::unique_ptr<OutboxDispatcher> dispatcher_;
  int cases_ = 0;
};

// The issue's attack: a workflow copies a case field into the conference's place. The actor's
// e-mail and its invitation carry the place the coordinator typed, never the note.
TEST_F(NotificationRoutingTest, AReferralNoteCopiedIntoThePlaceNeverReachesTheActor) {
  const std::string note = "Klient je závislý na alkoholu";
  CaseId id = NewCase({{"consent", Consent("actor:charita")}, {"referral", {{"note", note}}}});
  Send(id, "invite_charita", {{"place", "Radnice"}});
  Send(id, "leak_note");
  DeliverDue();
  ASSERT_EQ(sink_.Count(), 2);
  const Json leaked = *sink_.Message(2);
  EXPECT_EQ(leaked.dump().find("závislý"), std::string::npos) << leaked.dump();
  EXPECT_NE(leaked["text"].get<std::string>().find("místo: Radnice."), std::string::npos)
      << leaked["text"];
  for (const Json& part : leaked["parts"]) {
    if (!part["type"].get<std::string>().starts_with("text/calendar")) continue;
    EXPECT_NE(part["content"].get<std::string>().find("LOCATION:Radnice"), std::string::npos);
  }
}

TEST_F(NotificationRoutingTest, AUserGetsTheInboxAndAnEmail) {
  CaseId id = NewCase(Json::object());
  Send(id, "tell_manager");
  DeliverDue();
  EXPECT_EQ(OnlyMessage(id).status, OutboxStatus::kDelivered);
  EXPECT_EQ(store_->ListInbox("demo", "novak", 10)->size(), 1u);
  ASSERT_EQ(sink_.Count(), 1);
  Json mail = *sink_.Message(1);
  EXPECT_EQ(mail["rcpt"], Json::array({"novak@obec.example.cz"}));
  EXPECT_EQ(mail["subject"], "Připomínka k případu K-1");
  const std::string text = mail["text"];
  EXPECT_NE(text.find("Dobrý den, Jan Novák, případ čeká."), std::string::npos) << text;
  EXPECT_NE(text.find("https://souhra.example.cz/#/cases/" + std::to_string(id)), std::string::npos)
      << text;
}

// A municipality that has not set its web address still gets links: to where the server
// listens. The message read "Odkaz: " with nothing after it.
TEST_F(NotificationRoutingTest, WithoutTheTenantsAddressTheLinkLeadsWhereTheServerListens) {
  TenantRecord tenant = *directory_->GetTenant("demo").value();
  tenant.settings.erase("base_url");
  ASSERT_TRUE(directory_->PutTenant(tenant).ok());
  dispatch_.default_base_url = "http://127.0.0.1:8080";
  MakeDispatcher();
  CaseId id = NewCase(Json::object());
  Send(id, "tell_manager");
  DeliverDue();
  ASSERT_EQ(sink_.Count(), 1);
  const std::string text = (*sink_.Message(1))["text"];
  EXPECT_NE(text.find("http://127.0.0.1:8080/#/cases/" + std::to_string(id)), std::string::npos)
      << text;
}

TEST_F(NotificationRoutingTest, ARetrySendsOnlyOnTheChannelsThatFailed) {
  SetSmtpPort(testing::FreeLoopbackPort());  // nobody listens there
  CaseId id = NewCase(Json::object());
  Send(id, "tell_manager");
  DeliverDue();
  OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kPending);
  EXPECT_EQ(sink_.Count(), 0);

  SetSmtpPort(sink_.port());
  clock_.Advance(std::chrono::minutes(1));
  DeliverDue();
  EXPECT_EQ(OnlyMessage(id).status, OutboxStatus::kDelivered);
  EXPECT_EQ(sink_.Count(), 1);
  std::vector<DeliveryAttempt> attempts = *store_->ListDeliveryAttempts(message.id);
  int inbox = 0, email = 0;
  for (const DeliveryAttempt& a : attempts) {
    inbox += a.channel == "inbox";
    email += a.channel == "email";
  }
  EXPECT_EQ(inbox, 1);
  EXPECT_EQ(email, 2);
}

TEST_F(NotificationRoutingTest, ADigestReaderGetsOneEmailInTheMorningButEscalationsAtOnce) {
  UserRecord novak = *directory_->GetUser("demo", "novak").value();
  novak.daily_digest = true;
  ASSERT_TRUE(directory_->PutUser(novak).ok());
  CaseId first = NewCase(Json::object());
  CaseId second = NewCase(Json::object());
  Send(first, "tell_manager");
  Send(second, "tell_manager");
  Send(second, "escalate");
  DeliverDue();
  EXPECT_EQ(store_->ListInbox("demo", "novak", 10)->size(), 3u);
  ASSERT_EQ(sink_.Count(), 1);  // the escalation
  EXPECT_EQ((*sink_.Message(1))["subject"], "Eskalace K-2");
  EXPECT_EQ(OnlyMessage(first).status, OutboxStatus::kPending);

  clock_.Advance(std::chrono::hours(20));  // Friday 6:00 in Prague
  DeliverDue();
  EXPECT_EQ(sink_.Count(), 1);
  clock_.Advance(std::chrono::hours(1));  // 7:00
  DeliverDue();
  ASSERT_EQ(sink_.Count(), 2);
  Json digest = *sink_.Message(2);
  EXPECT_EQ(digest["subject"], "Souhra: denní přehled (2)");
  const std::string text = digest["text"];
  EXPECT_NE(text.find("Připomínka k případu K-1"), std::string::npos) << text;
  EXPECT_NE(text.find("Připomínka k případu K-2"), std::string::npos) << text;
  EXPECT_EQ(OnlyMessage(first).status, OutboxStatus::kDelivered);
  DeliverDue();
  EXPECT_EQ(sink_.Count(), 2);
}

TEST_F(NotificationRoutingTest, WithoutConsentNothingGoesToAnActorAndTheCaseSaysWhy) {
  CaseId id = NewCase(Json::object());
  Send(id, "invite_charita", {{"place", "Radnice"}});
  DeliverDue();
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kRefused);
  EXPECT_NE(message.last_error.find("Klient nedal souhlas"), std::string::npos)
      << message.last_error;
  EXPECT_EQ(sink_.Count(), 0);
  std::vector<EventRecord> refused = EventsOfType(id, "notification.refused");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].payload["recipient"], "actor:charita");
  EXPECT_NE(refused[0].payload["reason"].get<std::string>().find("souhlas"), std::string::npos);
  std::vector<DeliveryAttempt> attempts = *store_->ListDeliveryAttempts(message.id);
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_FALSE(attempts[0].ok);
  EXPECT_NE(attempts[0].error.find("Klient nedal souhlas"), std::string::npos);

  // Not retried.
  clock_.Advance(std::chrono::hours(24));
  DeliverDue();
  EXPECT_EQ(store_->ListDeliveryAttempts(message.id)->size(), 1u);
}

TEST_F(NotificationRoutingTest, WithConsentTheActorGetsAnInvitation) {
  CaseId id = NewCase({{"consent", Consent("actor:charita")}});
  Send(id, "invite_charita", {{"place", "Radnice"}});
  DeliverDue();
  EXPECT_EQ(OnlyMessage(id).status, OutboxStatus::kDelivered);
  ASSERT_EQ(sink_.Count(), 1);
  Json mail = *sink_.Message(1);
  EXPECT_EQ(mail["rcpt"], Json::array({"mala@charita.example.cz"}));
  EXPECT_EQ(mail["subject"], "Pozvánka na případovou konferenci K-1");
  const std::string text = mail["text"];
  EXPECT_NE(text.find("Dobrý den, Petra Malá, konference ke klientovi J. N. bude st 8. 4. 2026 "
                      "10:00, místo: Radnice."),
            std::string::npos)
      << text;
  bool has_ics = false;
  for (const Json& part : mail["parts"]) {
    if (!part["type"].get<std::string>().starts_with("text/calendar")) continue;
    has_ics = true;
    const std::string ics = part["content"];
    EXPECT_NE(ics.find("METHOD:REQUEST"), std::string::npos);
    EXPECT_NE(ics.find("UID:konf-1@souhra"), std::string::npos);
    EXPECT_NE(ics.find("DTSTART:20260408T080000Z"), std::string::npos);
  }
  EXPECT_TRUE(has_ics);
}

TEST_F(NotificationRoutingTest, ConsentForAnotherPurposeOrActorDoesNotCount) {
  Json consent = Consent("actor:someone_else");
  CaseId id = NewCase({{"consent", consent}});
  Send(id, "invite_charita", {{"place", "Radnice"}});
  DeliverDue();
  EXPECT_EQ(OnlyMessage(id).status, OutboxStatus::kRefused);
  EXPECT_EQ(sink_.Count(), 0);
}

TEST_F(NotificationRoutingTest, AnEmergencyOverrideSendsOnlyToItsActorsForItsPurposes) {
  CaseId id = NewCase({{"emergency", Emergency()}});
  Send(id, "invite_charita", {{"place", "Radnice"}});
  DeliverDue();
  EXPECT_EQ(OnlyMessage(id).status, OutboxStatus::kDelivered);
  EXPECT_EQ(sink_.Count(), 1);

  Result<SharingVerdict> verdict = sharing_->Check(id, {"actor:charita", "health", "conference"});
  ASSERT_TRUE(verdict.ok()) << verdict.status().ToString();
  EXPECT_TRUE(verdict->allowed);
  EXPECT_EQ(verdict->ground, "emergency");
  EXPECT_NE(verdict->reason.find("ohrožení života"), std::string::npos) << verdict->reason;
  EXPECT_FALSE(sharing_->Check(id, {"actor:charita", "health", "plan"})->allowed);
  EXPECT_FALSE(sharing_->Check(id, {"actor:hook", "social_services", "conference"})->allowed);
}

TEST_F(NotificationRoutingTest, AnEmergencyOverrideEndsWhenItExpires) {
  Json emergency = Emergency();
  emergency["expired"] = true;
  CaseId id = NewCase({{"emergency", emergency}});
  Result<SharingVerdict> verdict = sharing_->Check(id, {"actor:charita", "health", "conference"});
  ASSERT_TRUE(verdict.ok());
  EXPECT_FALSE(verdict->allowed);
  EXPECT_NE(verdict->reason.find("uplynula"), std::string::npos) << verdict->reason;
}

TEST_F(NotificationRoutingTest, EachDisclosureWithoutConsentIsInTheCaseHistoryWithItsGround) {
  CaseId id = NewCase({{"emergency", Emergency()}});
  Send(id, "invite_charita", {{"place", "Radnice"}});
  DeliverDue();
  std::vector<EventRecord> shared = EventsOfType(id, "notification.shared");
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].payload["recipient"], "actor:charita");
  EXPECT_EQ(shared[0].payload["ground"], "emergency");
  EXPECT_NE(shared[0].payload["reason"].get<std::string>().find("Charita"), std::string::npos)
      << shared[0].payload.dump();

  // With the client's consent the history needs no such row.
  CaseId with_consent = NewCase({{"consent", Consent("actor:charita")}});
  Send(with_consent, "invite_charita", {{"place", "Radnice"}});
  DeliverDue();
  EXPECT_EQ(OnlyMessage(with_consent).status, OutboxStatus::kDelivered);
  EXPECT_TRUE(EventsOfType(with_consent, "notification.shared").empty());
}

TEST_F(NotificationRoutingTest, ConsentRevokedWhileTheMessageWaitsStopsIt) {
  CaseId id = NewCase({{"consent", Consent("actor:charita")}});
  Send(id, "invite_charita", {{"place", "Radnice"}});
  Send(id, "revoke");
  DeliverDue();
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kRefused);
  EXPECT_NE(message.last_error.find("odvolal"), std::string::npos) << message.last_error;
  EXPECT_EQ(sink_.Count(), 0);
  EXPECT_EQ(EventsOfType(id, "notification.refused").size(), 1u);
}

TEST_F(NotificationRoutingTest, AGrantToSocialServicesCountsOnlyForItsPurposes) {
  Json consent = {{"status", "given_in_part"},
                  {"grants", Json::array({{{"recipient", "kind:social_services"},
                                           {"purposes", Json::array({"plan"})}}})}};
  CaseId id = NewCase({{"consent", consent}});
  Result<SharingVerdict> other_purpose =
      sharing_->Check(id, {"actor:hook", "social_services", "conference"});
  ASSERT_TRUE(other_purpose.ok()) << other_purpose.status().ToString();
  EXPECT_FALSE(other_purpose->allowed) << other_purpose->reason;
  ASSERT_EQ(other_purpose->result["criteria"].size(), 2u);  // consent, emergency: nothing else

  Result<SharingVerdict> its_purpose =
      sharing_->Check(id, {"actor:hook", "social_services", "plan"});
  ASSERT_TRUE(its_purpose.ok());
  EXPECT_TRUE(its_purpose->allowed) << its_purpose->reason;
  EXPECT_EQ(its_purpose->ground, "consent");

  Result<SharingVerdict> health = sharing_->Check(id, {"actor:charita", "health", "plan"});
  ASSERT_TRUE(health.ok());
  EXPECT_FALSE(health->allowed);
  EXPECT_NE(health->reason.find("Nesplněno žádné z kritérií"), std::string::npos) << health->reason;
}

TEST_F(NotificationRoutingTest, RevokingAnActorOutranksAGrantToItsKindOrToEveryone) {
  for (const std::string grant : {"kind:health", "kind:*", "actor:charita"}) {
    SCOPED_TRACE(grant);
    Json consent = Consent(grant);
    consent["status"] = "given_in_part";
    consent["revocations"] = Json::array(
        {{{"recipient", "actor:charita"}, {"at", "2026-04-02T08:00:00Z"}, {"by", "user:novak"}}});
    CaseId id = NewCase({{"consent", consent}});
    Result<SharingVerdict> verdict =
        sharing_->Check(id, {"actor:charita", "health", "conference", "Charita"});
    ASSERT_TRUE(verdict.ok()) << verdict.status().ToString();
    EXPECT_FALSE(verdict->allowed);
    EXPECT_NE(verdict->reason.find("odvolal (příjemce: Charita)"), std::string::npos)
        << verdict->reason;
    // Another actor of the same kind keeps the consent given to the kind.
    EXPECT_EQ(sharing_->Check(id, {"actor:nemocnice", "health", "conference"})->allowed,
              grant != "actor:charita");
  }
}

TEST_F(NotificationRoutingTest, RevokingAKindOutranksAGrantToOneActorOfIt) {
  Json consent = Consent("actor:charita");
  consent["revocations"] =
      Json::array({{{"recipient", "kind:health"}, {"at", "2026-04-02T08:00:00Z"}}});
  CaseId id = NewCase({{"consent", consent}});
  EXPECT_FALSE(sharing_->Check(id, {"actor:charita", "health", "conference"})->allowed);
  // A consent given after the revocation counts again.
  consent["grants"][0]["given"] = "2026-04-03T08:00:00Z";
  CaseId later = NewCase({{"consent", consent}});
  EXPECT_TRUE(sharing_->Check(later, {"actor:charita", "health", "conference"})->allowed);
}

TEST_F(NotificationRoutingTest, WithoutSharingRulesNothingGoesOut) {
  Result<SharingVerdict> verdict =
      sharing_->Check(NewCase(Json::object()), {"actor:charita", "health", ""});
  ASSERT_TRUE(verdict.ok());
  EXPECT_FALSE(verdict->allowed);
  // Another tenant's rules do not count for "demo": install none for "other".
  ASSERT_TRUE(engine_->Install("other", "conferencing.lua", kWorkflow).ok());
  Result<Applied> created = engine_->CreateCase({"other", "K-9", "conferencing", Json::object()});
  ASSERT_TRUE(created.ok());
  verdict = sharing_->Check(created->case_id, {"actor:charita", "health", ""});
  ASSERT_TRUE(verdict.ok());
  EXPECT_FALSE(verdict->allowed);
  EXPECT_EQ(verdict->reason, "pravidla sdílení informací nejsou nainstalována");
}

TEST_F(NotificationRoutingTest, AWebhookIsSignedAndCarriesNoNames) {
  CaseId id = NewCase({{"consent", Consent("kind:social_services")}});
  Send(id, "invite_hook");
  DeliverDue();
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kDelivered);
  ASSERT_EQ(receiver_.keys().size(), 1u);
  EXPECT_EQ(receiver_.keys()[0], "outbox-" + std::to_string(message.id) + "-webhook-hook");
  EXPECT_EQ(receiver_.bad_signatures(), 0);
  Json body = receiver_.bodies()[0];
  EXPECT_EQ(body["case"], "K-1");
  EXPECT_EQ(body["tenant"], "demo");
  EXPECT_EQ(body["template"], "invite_hook");
  EXPECT_EQ(body["subject"], "Pozvánka na případovou konferenci K-1");
  EXPECT_EQ(body["link"], "https://souhra.example.cz/#/cases/" + std::to_string(id));
  EXPECT_EQ(body.dump().find("Novák"), std::string::npos);
}

TEST_F(NotificationRoutingTest, AFailingReceiverGetsTheMessageOnceAfterRetries) {
  WebhookReceiver flaky(2);
  SetHookUrl(flaky.url());
  CaseId id = NewCase({{"consent", Consent("actor:hook")}});
  Send(id, "invite_hook");
  for (int i = 0; i < 6; ++i) {
    DeliverDue();
    clock_.Advance(std::chrono::hours(1));
  }
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kDelivered);
  EXPECT_EQ(message.attempts, 3);
  ASSERT_EQ(flaky.keys().size(), 1u);
  EXPECT_EQ(flaky.bad_signatures(), 0);
}

TEST_F(NotificationRoutingTest, AWebhookToLoopbackWithoutTheAllowListFailsAtOnceUnsent) {
  SetSmtpPort(sink_.port(), Json::array());
  CaseId id = NewCase({{"consent", Consent("actor:hook")}});
  Send(id, "invite_hook");
  DeliverDue();
  clock_.Advance(std::chrono::hours(24));
  DeliverDue();
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kFailed);
  EXPECT_EQ(message.attempts, 1) << "a refused target is not retried";
  EXPECT_NE(message.last_error.find("127.0.0.1 (tento server)"), std::string::npos)
      << message.last_error;
  EXPECT_NE(message.last_error.find("webhook_allow"), std::string::npos) << message.last_error;
  EXPECT_TRUE(receiver_.keys().empty());
}

TEST_F(NotificationRoutingTest, AWebhookToANameForLoopbackIsRefusedAtSend) {
  SetSmtpPort(sink_.port(), Json::array());
  SetHookUrl(receiver_.url("localhost"));
  CaseId id = NewCase({{"consent", Consent("actor:hook")}});
  Send(id, "invite_hook");
  DeliverDue();
  const OutboxRecord message = OnlyMessage(id);
  EXPECT_EQ(message.status, OutboxStatus::kFailed);
  EXPECT_NE(message.last_error.find("„localhost“ vede na adresu"), std::string::npos)
      << message.last_error;
  EXPECT_TRUE(receiver_.keys().empty());
}

}  // namespace
}  // namespace souhra
