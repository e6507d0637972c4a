// The routing rules on plain values: which channels a user or an external actor gets, what each
// channel is handed, and when the information rules refuse a message.
#include "engine/notify/routing.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

namespace souhra {
namespace {

// A reminder to the case manager of case K-1, routed by its recipient through a directory.
RoutingFacts Reminder(const std::string& recipient = "case_manager") {
  RoutingFacts facts;
  facts.message.id = 7;
  facts.message.case_id = 3;
  facts.message.recipient = recipient;
  facts.message.template_name = "remind";
  facts.message.payload = {{"event", "poke"},
                           {"template",
                            {{"title", "Připomínka k případu {case}"},
                             {"body", "Dobrý den, {recipient}, případ čeká."}}}};
  facts.kase.id = 3;
  facts.kase.tenant = "demo";
  facts.kase.code = "K-1";
  facts.kase.data = {{"people", {{"case_manager", "user:novak"}}}};
  facts.has_directory = true;
  facts.tenant_settings = {{"base_url", "https://souhra.example.cz/"},
                           {"smtp", {{"host", "smtp.obec.example.cz"}}}};
  return facts;
}

UserRecord Novak() {
  UserRecord user;
  user.tenant = "demo";
  user.login = "novak";
  user.name = "Jan Novák";
  user.email = "novak@obec.example.cz";
  return user;
}

// An invitation to Charita, whose actor and sharing verdict the test sets.
RoutingFacts Invitation() {
  RoutingFacts facts = Reminder("actor:charita");
  facts.message.payload["purpose"] = "conference";
  return facts;
}

ActorRecord Charita() {
  ActorRecord actor;
  actor.tenant = "demo";
  actor.id = "charita";
  actor.name = "Mgr. Petra Malá";
  actor.organisation = "Charita Frýdek-Místek";
  actor.kind = "health";
  actor.email = "mala@charita.example.cz";
  return actor;
}

SharingVerdict Allowed() {
  SharingVerdict verdict;
  verdict.allowed = true;
  verdict.reason = "Klient dal souhlas.";
  return verdict;
}

SharingVerdict Refused(const std::string& reason) {
  SharingVerdict verdict;
  verdict.reason = reason;
  return verdict;
}

// The routes of a routing that must have some; empty (after a failed expectation) otherwise.
std::vector<Route> RoutesOf(const Result<Routing>& routing) {
  EXPECT_TRUE(routing.ok()) << routing.status().ToString();
  if (!routing.ok()) return {};
  const auto* routes = std::get_if<std::vector<Route>>(&*routing);
  EXPECT_NE(routes, nullptr) << "refused: " << std::get<Refusal>(*routing).reason;
  return routes != nullptr ? *routes : std::vector<Route>{};
}

// The reason of a routing that must be refused; "" (after a failed expectation) otherwise.
std::string RefusalOf(const Result<Routing>& routing) {
  EXPECT_TRUE(routing.ok()) << routing.status().ToString();
  if (!routing.ok()) return "";
  const Refusal* refusal = std::get_if<Refusal>(&*routing);
  EXPECT_NE(refusal, nullptr) << "not refused";
  return refusal != nullptr ? refusal->reason : "";
}

std::vector<std::string> ChannelsOf(const std::vector<Route>& routes) {
  std::vector<std::string> channels;
  for (const Route& route : routes) channels.push_back(route.channel);
  return channels;
}

using Channels = std::vector<std::string>;

TEST(RouteMessage, AUserGetsTheInboxUnrendered) {
  RoutingFacts facts = Reminder();
  facts.user = Novak();
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"inbox", "email"}));
  const Delivery& inbox = routes[0].delivery;
  EXPECT_EQ(inbox.key, "outbox-7");
  EXPECT_EQ(inbox.tenant, "demo");
  EXPECT_EQ(inbox.case_id, 3);
  EXPECT_EQ(inbox.case_code, "K-1");
  EXPECT_EQ(inbox.login, "novak");
  EXPECT_EQ(inbox.recipient, "case_manager");
  EXPECT_EQ(inbox.template_name, "remind");
  EXPECT_EQ(inbox.tenant_settings, facts.tenant_settings);
  EXPECT_EQ(inbox.address, "");
  EXPECT_EQ(inbox.subject, "");
}

TEST(RouteMessage, AUserWithAnAddressGetsARenderedEmail) {
  RoutingFacts facts = Reminder();
  facts.user = Novak();
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"inbox", "email"}));
  const Delivery& mail = routes[1].delivery;
  EXPECT_EQ(mail.key, "outbox-7-email-novak");
  EXPECT_EQ(mail.login, "novak");
  EXPECT_EQ(mail.address, "novak@obec.example.cz");
  EXPECT_EQ(mail.recipient_name, "Jan Novák");
  EXPECT_EQ(mail.subject, "Připomínka k případu K-1");
  EXPECT_EQ(mail.link, "https://souhra.example.cz/#/cases/3");
  EXPECT_EQ(mail.text, "Dobrý den, Jan Novák, případ čeká.\n\nhttps://souhra.example.cz/#/cases/3");
}

TEST(RouteMessage, AUserWithoutAnAddressGetsOnlyTheInbox) {
  RoutingFacts facts = Reminder();
  facts.user = Novak();
  facts.user->email = "";
  EXPECT_EQ(ChannelsOf(RoutesOf(RouteMessage(facts))), (Channels{"inbox"}));
}

TEST(RouteMessage, WithoutTheTenantsSmtpSettingsAUserGetsOnlyTheInbox) {
  RoutingFacts facts = Reminder();
  facts.user = Novak();
  facts.tenant_settings.erase("smtp");
  EXPECT_EQ(ChannelsOf(RoutesOf(RouteMessage(facts))), (Channels{"inbox"}));
}

TEST(RouteMessage, AUserTheDirectoryDoesNotKnowGetsOnlyTheInbox) {
  RoutingFacts facts = Reminder("user:svoboda");
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"inbox"}));
  EXPECT_EQ(routes[0].delivery.login, "svoboda");
}

TEST(RouteMessage, ADigestReaderGetsTheEmailInTheDigest) {
  RoutingFacts facts = Reminder();
  facts.user = Novak();
  facts.user->daily_digest = true;
  facts.digests = true;
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"inbox", kDigestChannel}));
  EXPECT_EQ(routes[1].delivery.key, "outbox-7-digest-novak");
  EXPECT_EQ(routes[1].delivery.subject, "Připomínka k případu K-1");
}

TEST(RouteMessage, AnUrgentMessageReachesADigestReaderAtOnce) {
  RoutingFacts facts = Reminder();
  facts.message.payload["template"]["urgent"] = true;
  facts.user = Novak();
  facts.user->daily_digest = true;
  facts.digests = true;
  EXPECT_EQ(ChannelsOf(RoutesOf(RouteMessage(facts))), (Channels{"inbox", "email"}));
}

TEST(RouteMessage, WithoutDigestsADigestReaderGetsTheEmailAtOnce) {
  RoutingFacts facts = Reminder();
  facts.user = Novak();
  facts.user->daily_digest = true;
  EXPECT_EQ(ChannelsOf(RoutesOf(RouteMessage(facts))), (Channels{"inbox", "email"}));
}

TEST(RouteMessage, ARoleNobodyHoldsIsNotFound) {
  Result<Routing> routing = RouteMessage(Reminder("coordinator"));
  EXPECT_EQ(routing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(routing.status().message(), "role 'coordinator' has nobody in the case's people");
}

TEST(RouteMessage, AMessageAboutATaskNamesItsOpenTask) {
  RoutingFacts facts = Reminder();
  facts.message.payload["event"] = "task.review.overdue";
  facts.message.payload["template"]["body"] = "{task} do {due}";
  facts.format_time = [](Instant) { return std::string("čt 2. 4. 2026 10:00"); };
  facts.user = Novak();
  TaskRecord done;
  done.key = "review";
  done.title = "Stará revize";
  done.status = TaskStatus::kDone;
  TaskRecord open = done;
  open.title = "Revize plánu";
  open.due = FromMillis(1775116800000);
  open.status = TaskStatus::kOpen;
  TaskRecord other = open;
  other.key = "plan";
  other.title = "Plán";
  facts.tasks = {done, open, other};
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"inbox", "email"}));
  EXPECT_EQ(routes[0].delivery.task_key, "review");
  EXPECT_EQ(routes[1].delivery.text,
            "Revize plánu do čt 2. 4. 2026 10:00\n\nhttps://souhra.example.cz/#/cases/3");
  EXPECT_EQ(routes[1].delivery.due, "čt 2. 4. 2026 10:00");
}

TEST(RouteMessage, AMessageThatNamesItsTaskIsAboutThatTask) {
  // notify { task = "step_3" } in the event that agreed the plan, which is about no task.
  RoutingFacts facts = Reminder();
  facts.message.payload["event"] = "plan.agreed";
  facts.message.payload["task"] = "step_3";
  facts.message.payload["template"]["body"] = "{task}, termín {due}";
  facts.format_time = [](Instant) { return std::string("pá 22. 5. 2026 10:00"); };
  facts.user = Novak();
  TaskRecord step;
  step.key = "step_3";
  step.title = "Žádost o splátky nájmu (krok plánu do 22. 5. 2026)";
  step.due = FromMillis(1779436800000);
  step.status = TaskStatus::kOpen;
  facts.tasks = {step};
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"inbox", "email"}));
  EXPECT_EQ(routes[0].delivery.task_key, "step_3");
  EXPECT_EQ(routes[1].delivery.text,
            "Žádost o splátky nájmu (krok plánu do 22. 5. 2026), termín pá 22. 5. 2026 10:00"
            "\n\nhttps://souhra.example.cz/#/cases/3");
}

TEST(RouteMessage, AMessageOnANamedChannelGoesThereUnrendered) {
  RoutingFacts facts = Reminder();
  facts.message.channel = "email";
  facts.user = Novak();
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"email"}));
  EXPECT_EQ(routes[0].delivery.key, "outbox-7");
  EXPECT_EQ(routes[0].delivery.login, "novak");
  EXPECT_EQ(routes[0].delivery.address, "");
  EXPECT_EQ(routes[0].delivery.tenant_settings, Json::object());
  EXPECT_EQ(routes[0].delivery.subject, "");
}

TEST(RouteMessage, WithoutADirectoryAMessageGoesOnTheDefaultChannel) {
  RoutingFacts facts = Reminder();
  facts.has_directory = false;
  facts.default_channel = "sms";
  facts.user = Novak();
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"sms"}));
  EXPECT_EQ(routes[0].delivery.login, "novak");
}

TEST(RouteMessage, AnActorCannotBeReachedOnAUsersChannel) {
  RoutingFacts facts = Invitation();
  facts.has_directory = false;
  EXPECT_EQ(RouteMessage(facts).status().code(), StatusCode::kInvalidArgument);
}

TEST(RouteMessage, AnActorWithAWebhookGetsTheWebhook) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  facts.actor->webhook_url = "https://charita.example.cz/souhra";
  facts.actor->webhook_secret = "tajné";
  facts.sharing = Allowed();
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"webhook"}));
  const Delivery& hook = routes[0].delivery;
  EXPECT_EQ(hook.key, "outbox-7-webhook-charita");
  EXPECT_EQ(hook.login, "");
  EXPECT_EQ(hook.address, "https://charita.example.cz/souhra");
  EXPECT_EQ(hook.webhook_secret, "tajné");
  EXPECT_EQ(hook.recipient_name, "Mgr. Petra Malá");
  EXPECT_EQ(hook.subject, "Připomínka k případu K-1");
}

TEST(RouteMessage, AnActorWithoutAWebhookGetsAnEmail) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  facts.sharing = Allowed();
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(ChannelsOf(routes), (Channels{"email"}));
  EXPECT_EQ(routes[0].delivery.key, "outbox-7-email-charita");
  EXPECT_EQ(routes[0].delivery.address, "mala@charita.example.cz");
  EXPECT_NE(routes[0].delivery.text.find("Mgr. Petra Malá"), std::string::npos);
}

TEST(RouteMessage, AnActorWithoutAContactPersonIsAddressedAsItsOrganisation) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  facts.actor->name = "";
  facts.sharing = Allowed();
  std::vector<Route> routes = RoutesOf(RouteMessage(facts));
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].delivery.recipient_name, "Charita Frýdek-Místek");
}

TEST(RouteMessage, AnActorWithNeitherAWebhookNorAnAddressIsInvalid) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  facts.actor->email = "";
  facts.sharing = Allowed();
  Result<Routing> routing = RouteMessage(facts);
  EXPECT_EQ(routing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(routing.status().message(),
            "actor 'charita' has neither a webhook nor an e-mail address");
}

TEST(RouteMessage, WithoutConsentAnActorIsRefusedForTheRulesReason) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  facts.sharing = Refused("Klient nedal souhlas se sdílením.");
  EXPECT_EQ(RefusalOf(RouteMessage(facts)), "Klient nedal souhlas se sdílením.");
}

TEST(RouteMessage, ARefusalWithoutAReasonSaysSharingIsNotAllowed) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  facts.sharing = Refused("");
  EXPECT_EQ(RefusalOf(RouteMessage(facts)), "sdílení není povoleno");
}

TEST(RouteMessage, WithoutSharingRulesAnActorIsRefused) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  EXPECT_EQ(RefusalOf(RouteMessage(facts)), "pravidla sdílení informací nejsou nainstalována");
}

TEST(RouteMessage, AnActorTheDirectoryDoesNotKnowIsNotFound) {
  RoutingFacts facts = Invitation();
  facts.sharing = Allowed();
  Result<Routing> routing = RouteMessage(facts);
  EXPECT_EQ(routing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(routing.status().message(), "no active actor 'charita'");
}

TEST(RouteMessage, AnInactiveActorIsNotFoundEvenWithConsent) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  facts.actor->active = false;
  facts.sharing = Allowed();
  EXPECT_EQ(RouteMessage(facts).status().code(), StatusCode::kNotFound);
}

TEST(SharingQuestion, AsksAboutAnActiveActorForTheMessagesPurpose) {
  RoutingFacts facts = Invitation();
  facts.actor = Charita();
  std::optional<SharingRequest> question = SharingQuestion(facts);
  ASSERT_TRUE(question.has_value());
  EXPECT_EQ(question->recipient, "actor:charita");
  EXPECT_EQ(question->kind, "health");
  EXPECT_EQ(question->purpose, "conference");
  EXPECT_EQ(question->name, "Charita Frýdek-Místek");  // for the rules' explanations
}

TEST(SharingQuestion, AsksNothingAboutUsersOrActorsThatCannotBeReached) {
  RoutingFacts user = Reminder();
  user.user = Novak();
  EXPECT_FALSE(SharingQuestion(user).has_value());
  RoutingFacts unknown = Invitation();
  EXPECT_FALSE(SharingQuestion(unknown).has_value());
  RoutingFacts inactive = Invitation();
  inactive.actor = Charita();
  inactive.actor->active = false;
  EXPECT_FALSE(SharingQuestion(inactive).has_value());
  RoutingFacts named = Invitation();
  named.actor = Charita();
  named.message.channel = "email";
  EXPECT_FALSE(SharingQuestion(named).has_value());
}

TEST(TaskKeyOf, IsTheTaskOfATaskEvent) {
  OutboxRecord message;
  message.payload = {{"event", "task.review.overdue"}};
  EXPECT_EQ(TaskKeyOf(message), "review");
  message.payload = {{"event", "poke"}};
  EXPECT_EQ(TaskKeyOf(message), "");
  message.payload = Json::array();
  EXPECT_EQ(TaskKeyOf(message), "");
}

}  // namespace
}  // namespace souhra
