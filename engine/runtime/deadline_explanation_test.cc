// Deadlines explain themselves from their event-log entry, the event's time and the tenant.
#include "engine/runtime/deadline_explanation.h"

#include "tests/calendar_fixture.h"

namespace souhra {
namespace {

using namespace std::chrono;

class ExplainDeadlineTest : public WorkingCalendarTest {
 protected:
  Json Entry(const std::string& due, const std::string& rule) {
    return {{"kind", "timer"}, {"key", "late"}, {"due", due}, {"rule", rule}};
  }
};

TEST_F(ExplainDeadlineTest, RecomputesTheExplanationFromTheRuleAndTheEventTime) {
  const Instant at = Utc(2026y / April / 2, 8h);
  Result<std::vector<std::string>> lines =
      ExplainDeadline(*calendar_, Entry("2026-04-09T08:00:00.000Z", "3 working days"), at, "brno");
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  EXPECT_EQ(*lines, Add(at, "3 working days").explanation);
  EXPECT_EQ(lines->back(), "termín: čt 9. 4. 2026 10:00");
}

TEST_F(ExplainDeadlineTest, SaysSoWhenTheTenantsClosuresChangedSince) {
  const Instant at = Utc(2026y / December / 21, 9h);
  ASSERT_TRUE(calendar_
                  ->SetClosures("brno", {{2026y / December / 28, 2026y / December / 31,
                                          "úřad uzavřen mezi svátky"}})
                  .ok());
  // Logged before the closure was entered: Monday 21 + 3 working days was Monday 28 December.
  Result<std::vector<std::string>> lines =
      ExplainDeadline(*calendar_, Entry("2026-12-28T09:00:00.000Z", "3 working days"), at, "brno");
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  EXPECT_EQ(lines->back(),
            "pozor: záznam uvádí termín po 28. 12. 2026 10:00, dnes by vyšel "
            "po 4. 1. 2027 10:00; platí termín ze záznamu (kalendář úřadu se mezitím "
            "změnil, např. jeho uzavírky)");
}

TEST_F(ExplainDeadlineTest, ExplainsAFixedTime) {
  Result<std::vector<std::string>> lines =
      ExplainDeadline(*calendar_, Entry("2026-04-02T08:00:00.000Z", "at 2026-04-02T10:00:00+02:00"),
                      Utc(2026y / March / 1, 9h), "brno");
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  EXPECT_EQ(*lines, Lines("pevně stanovený termín čt 2. 4. 2026 10:00"));
}

TEST_F(ExplainDeadlineTest, RefusesAnEntryWithoutARule) {
  Result<std::vector<std::string>> lines = ExplainDeadline(
      *calendar_, Entry("2026-04-02T08:00:00.000Z", ""), Utc(2026y / March / 1, 9h), "brno");
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(lines.status().message(), "timer 'late': the log keeps no rule");
}

}  // namespace
}  // namespace souhra
