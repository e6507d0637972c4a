// A case's history reads as steps and words: titles the workflow declares, Czech words for the
// engine's own events, names for who acted, labels for what was entered.
#include "web/case_history.h"

#include <gtest/gtest.h>

#include <regex>

namespace souhra {
namespace {

constexpr InstanceId kInstance = 7;

std::shared_ptr<Workflow> Consent() {
  auto workflow = std::make_shared<Workflow>();
  workflow->name = "consent";
  workflow->title = "Souhlas se sdílením informací";
  StepDeclaration recorded;
  recorded.type = "consent.recorded";
  recorded.title = "Zaznamenat informovaný souhlas";
  FormField manner;
  manner.name = "manner";
  manner.type = FieldType::kChoice;
  manner.label = "Forma souhlasu";
  manner.options = {{"written", "písemně"}, {"oral", "ústně"}};
  recorded.form = Form{{manner}};
  workflow->events[recorded.type] = recorded;
  StepDeclaration referral;
  referral.type = "case.created";
  referral.title = "Nový podnět";
  FormField note;
  note.name = "note";
  note.type = FieldType::kLongText;
  note.label = "Popis situace";
  referral.form = Form{{note}};
  workflow->referral = referral;
  return workflow;
}

CaseHistoryContext Context() {
  CaseHistoryContext context;
  context.workflows[kInstance] = Consent();
  TaskRecord contact;
  contact.key = "first_contact";
  contact.instance_id = kInstance;
  contact.title = "První kontakt s klientem";
  contact.form = Json{
      {"fields",
       {{{"name", "met"}, {"type", "yes_no"}, {"label", "Klient zastižen"}, {"required", true}}}}};
  context.tasks = {contact};
  context.referral = Json{{"note", "Soused volal."}};
  context.words.names = {{"user:dvorakova", "Bc. Lenka Dvořáková"}};
  context.words.time = [](Instant) { return std::string("čt 2. 4. 2026 10:00"); };
  return context;
}

EventRecord Event(const std::string& type, Json payload = Json::object(),
                  const std::string& actor = "user:dvorakova") {
  EventRecord e;
  e.type = type;
  e.instance_id = kInstance;
  e.payload = std::move(payload);
  e.actor = actor;
  return e;
}

TEST(CaseHistory, ADeclaredStepReadsAsItsTitleWithItsFormsLabels) {
  const Json words = HistoryWords(Context(), Event("consent.recorded", {{"manner", "written"}}));
  EXPECT_EQ(words["title"], "Zaznamenat informovaný souhlas");
  EXPECT_EQ(words["by"], "Bc. Lenka Dvořáková");
  EXPECT_EQ(words["details"], Json::array({{{"label", "Forma souhlasu"}, {"value", "písemně"}}}));
}

TEST(CaseHistory, ADisclosureWithoutConsentReadsWithTheRulesReason) {
  const std::string reason =
      "Povoleno: Ohrožení života nebo zdraví (důvod: „Hrozí podchlazení“; sdílí se jen nezbytné, "
      "příjemce: Charita, účel: koordinace podpory).";
  const Json words = HistoryWords(
      Context(),
      Event("notification.shared",
            {{"recipient", "actor:charita"}, {"ground", "emergency"}, {"reason", reason}},
            "system"));
  EXPECT_EQ(words["title"], "Informace sdíleny bez souhlasu klienta");
  EXPECT_EQ(words["details"], Json::array({{{"label", "Zdůvodnění"}, {"value", reason}}}));
  EXPECT_EQ(
      HistoryWords(Context(), Event("notification.refused", {{"reason", "x"}}, "system"))["title"],
      "Zpráva aktérovi neodešla: pravidla sdílení");
}

TEST(CaseHistory, TheCreationReadsAsTheReferralWithWhatItSaid) {
  const Json words = HistoryWords(Context(), Event("case.created", {{"workflow", "consent"}}));
  EXPECT_EQ(words["title"], "Nový podnět");
  EXPECT_EQ(words["details"],
            Json::array({{{"label", "Popis situace"}, {"value", "Soused volal."}}}));
}

TEST(CaseHistory, ATaskDoneReadsAsTheTaskWithItsFormsAnswers) {
  const Json words = HistoryWords(Context(), Event("task.first_contact.done", {{"met", true}}));
  EXPECT_EQ(words["title"], "Splněn úkol: První kontakt s klientem");
  EXPECT_EQ(words["details"], Json::array({{{"label", "Klient zastižen"}, {"value", "ano"}}}));
}

TEST(CaseHistory, TheEnginesOwnEventsReadInCzech) {
  const CaseHistoryContext context = Context();
  EXPECT_EQ(HistoryWords(context, Event("task.first_contact.overdue", {}, "timer"))["title"],
            "Úkol je po termínu: První kontakt s klientem");
  EXPECT_EQ(HistoryWords(context, Event("task.first_contact.reminder", {}, "timer"))["title"],
            "Připomenutí úkolu: První kontakt s klientem");
  EXPECT_EQ(HistoryWords(context, Event("timer.reassess", {}, "timer"))["title"],
            "Uplynula lhůta v procesu „Souhlas se sdílením informací“");
  EXPECT_EQ(HistoryWords(context, Event("case.closed", {}, "workflow:consent"))["title"],
            "Případ ukončen");
  EXPECT_EQ(HistoryWords(context, Event("case.closed", {}, "workflow:consent"))["by"],
            "proces „Souhlas se sdílením informací“");
  EXPECT_EQ(HistoryWords(context, Event("timer.reassess", {}, "timer"))["by"], "uplynutí lhůty");
}

TEST(CaseHistory, NoEventTypeOrRawValueReachesTheWords) {
  const CaseHistoryContext context = Context();
  const std::regex code(R"([a-z_]+\.[a-z_]+|written|user:)");
  for (const char* type :
       {"consent.recorded", "case.created", "task.first_contact.done", "task.first_contact.overdue",
        "timer.reassess", "case.closed", "conference.agreed"}) {
    const std::string text = HistoryWords(context, Event(type, {{"manner", "written"}})).dump();
    EXPECT_FALSE(std::regex_search(text, code)) << type << ": " << text;
  }
}

TEST(CaseHistory, APendingTimerSaysWhatItIsFor) {
  TimerRecord reminder;
  reminder.instance_id = kInstance;
  reminder.key = "task:first_contact:remind:1";
  EXPECT_EQ(TimerTitle(Context(), reminder), "Připomenutí úkolu: První kontakt s klientem");
  reminder.key = "task:first_contact:overdue";
  EXPECT_EQ(TimerTitle(Context(), reminder), "Termín úkolu: První kontakt s klientem");
  reminder.key = "reassess";
  EXPECT_EQ(TimerTitle(Context(), reminder), "Lhůta v procesu „Souhlas se sdílením informací“");
}

}  // namespace
}  // namespace souhra
