// The case file as the API shows it (web/case_view.cc), against a real server on loopback.
#include <gtest/gtest.h>

#include <regex>

#include "tests/fakes/api_server.h"

namespace souhra {
namespace {

constexpr char kTimedWorkflow[] = R"lua(
return workflow {
  name = "timed",
  params = { wait = "5 working days" },
  initial = "waiting",
  states = {
    waiting = {
      title = "Čeká",
      enter = { timer { key = "wake", after = "wait" } },
      on = { ["timer.wake"] = { go = "done" } },
    },
    done = { title = "Hotovo", final = true },
  },
}
)lua";

// A step with a form and a task with a due, in Czech.
constexpr char kConsultedWorkflow[] = R"lua(
return workflow {
  name = "consulted",
  title = "Konzultace",
  params = { within = "15 working days" },
  events = {
    ["consultation.recorded"] = {
      title = "Zapsat konzultaci", by = { "case_manager" },
      form = { { name = "manner", type = "choice", label = "Forma", required = true,
                 options = { { value = "written", label = "písemně" },
                             { value = "oral", label = "ústně" } } } },
    },
  },
  initial = "waiting",
  states = {
    waiting = {
      title = "Čeká na konzultaci",
      enter = { task { key = "consult", assignee = "case_manager", due = "within",
                       title = "Konzultovat s klientem" } },
      on = { ["consultation.recorded"] = { go = "consulted" } },
    },
    consulted = { title = "Konzultováno", final = true },
  },
}
)lua";

class CaseFile : public testing::ApiServerFixture {
 protected:
  CaseId StartConsultation() {
    Install("consulted.lua", kConsultedWorkflow);
    NewCase request;
    request.tenant = "demo";
    request.code = "K-C";
    request.workflow = "consulted";
    request.data = Json{{"people", {{"case_manager", "user:novakova"}}}};
    // Not on a whole minute: no second may show anywhere.
    clock_.Advance(std::chrono::seconds(37));
    Result<Applied> created = engine_->CreateCase(request);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->case_id : 0;
  }

  Json FileOf(CaseId id) {
    httplib::Result file = Send("GET", "/api/v1/cases/" + std::to_string(id), SignIn("novakova"));
    EXPECT_TRUE(file && file->status == 200) << (file ? file->body : "no answer");
    return BodyOf(file);
  }

  // Every text of the case file a person reads.
  static std::string WordsOf(const Json& file) {
    std::string words;
    for (const Json& i : file["instances"]) {
      words += i["title"].dump() + i["state_title"].dump() + i["version_note"].dump();
    }
    for (const Json& e : file["history"]) {
      words += e["title"].dump() + e["by"].dump() + e["details"].dump();
    }
    for (const Json& t : file["timers"]) words += t["title"].dump() + t["due_explanation"].dump();
    for (const Json& t : file["tasks"]) words += t["title"].dump() + t["due_explanation"].dump();
    return words;
  }
};

TEST_F(CaseFile, WorkflowsAndStatesAreShownByTheirTitles) {
  const Json file = FileOf(StartConsultation());
  ASSERT_EQ(file["instances"].size(), 1u) << file.dump();
  EXPECT_EQ(file["instances"][0]["title"], "Konzultace");
  EXPECT_EQ(file["instances"][0]["state_title"], "Čeká na konzultaci");
  EXPECT_TRUE(file["instances"][0]["version_note"].is_null());
}

TEST_F(CaseFile, TheHistoryShowsTheStepsTitleWhoTookItAndTheOptionsLabel) {
  const CaseId id = StartConsultation();
  const testing::BrowserSession novakova = SignIn("novakova");
  httplib::Result posted =
      Send("POST", "/api/v1/cases/" + std::to_string(id) + "/events", novakova,
           Json{{"type", "consultation.recorded"}, {"payload", {{"manner", "written"}}}}.dump());
  ASSERT_TRUE(posted && posted->status == 200) << (posted ? posted->body : "no answer");
  const Json history = FileOf(id)["history"];
  ASSERT_EQ(history.size(), 2u) << history.dump();
  EXPECT_EQ(history[1]["title"], "Zapsat konzultaci");
  EXPECT_EQ(history[1]["by"], "Mgr. Jana Nováková");
  EXPECT_EQ(history[1]["details"], Json::array({{{"label", "Forma"}, {"value", "písemně"}}}));
  EXPECT_EQ(history[1]["type"], "consultation.recorded");  // for programs, beside the words
}

TEST_F(CaseFile, ShowsNoIsoTimeNoSecondsAndNoEnglishDuration) {
  const std::string words = WordsOf(FileOf(StartConsultation()));
  EXPECT_FALSE(std::regex_search(words, std::regex(R"(\d{4}-\d\d-\d\dT)"))) << words;
  EXPECT_FALSE(std::regex_search(words, std::regex(R"(\d:\d\d:\d\d)"))) << words;
  EXPECT_EQ(words.find("working days"), std::string::npos) << words;
  EXPECT_NE(words.find("15 pracovních dnů"), std::string::npos) << words;
}

TEST_F(CaseFile, SaysWhenACaseRunsAnEarlierVersion) {
  const CaseId id = StartConsultation();
  std::string changed = kConsultedWorkflow;
  changed.replace(changed.find("15 working days"), 15, "10 working days");
  Install("consulted.lua", changed);
  const Json note = FileOf(id)["instances"][0]["version_note"];
  ASSERT_TRUE(note.is_string()) << note.dump();
  EXPECT_TRUE(note.get<std::string>().starts_with("Běží podle dřívější verze 1 (uložena "))
      << note.dump();
  EXPECT_TRUE(note.get<std::string>().ends_with("), platí nyní verze 2.")) << note.dump();
}

TEST_F(CaseFile, APendingTimerCarriesTheExplanationOfItsDue) {
  Install("timed.lua", kTimedWorkflow);
  NewCase request;
  request.tenant = "demo";
  request.code = "K-T";
  request.workflow = "timed";
  request.data = Json{{"people", {{"case_manager", "user:novakova"}}}};
  Result<Applied> created = engine_->CreateCase(request);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  httplib::Result file =
      Send("GET", "/api/v1/cases/" + std::to_string(created->case_id), SignIn("svoboda"));
  ASSERT_TRUE(file);
  ASSERT_EQ(file->status, 200) << file->body;
  const Json timers = BodyOf(file)["timers"];
  ASSERT_EQ(timers.size(), 1u) << file->body;
  EXPECT_EQ(timers[0]["key"], "wake");
  EXPECT_FALSE(timers[0]["due_explanation"].empty()) << timers[0].dump();
}

}  // namespace
}  // namespace souhra
