// What a person entered in a form reads as labels and words, not as field names and values.
#include "web/form_values.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

FormField Field(std::string name, FieldType type, std::string label) {
  FormField field;
  field.name = std::move(name);
  field.type = type;
  field.label = std::move(label);
  return field;
}

Wording Words() {
  Wording words;
  words.names = {{"user:dvorakova", "Bc. Lenka Dvořáková"}, {"actor:charita", "Charita"}};
  words.time = [](Instant) { return std::string("čt 2. 4. 2026 10:00"); };
  return words;
}

Json Entry(const std::string& label, const std::string& value) {
  return Json{{"label", label}, {"value", value}};
}

TEST(FormValues, ShowsOptionLabelsInsteadOfValues) {
  FormField manner = Field("manner", FieldType::kChoice, "Forma souhlasu");
  manner.options = {{"written", "písemně"}, {"oral", "ústně"}};
  FormField purposes = Field("purposes", FieldType::kChoices, "Účely");
  purposes.options = {{"care", "koordinace péče"}, {"housing", "bydlení"}};
  const Json values =
      FormValues(Form{{manner, purposes}},
                 Json{{"manner", "written"}, {"purposes", {"housing", "care"}}}, Words());
  EXPECT_EQ(values, Json::array({Entry("Forma souhlasu", "písemně"),
                                 Entry("Účely", "bydlení, koordinace péče")}));
}

TEST(FormValues, WritesYesNoNamesDatesAndTimesInCzech) {
  const Form form{{Field("urgent", FieldType::kYesNo, "Naléhavé"),
                   Field("worker", FieldType::kUser, "Sociální pracovník"),
                   Field("actor", FieldType::kActor, "Aktér"),
                   Field("review", FieldType::kDate, "Přehodnocení"),
                   Field("at", FieldType::kDateTime, "Začátek")}};
  const Json values = FormValues(form,
                                 Json{{"urgent", false},
                                      {"worker", "user:dvorakova"},
                                      {"actor", "actor:charita"},
                                      {"review", "2026-12-06"},
                                      {"at", "2026-04-02T10:00:00+02:00"}},
                                 Words());
  EXPECT_EQ(values, Json::array({Entry("Naléhavé", "ne"),
                                 Entry("Sociální pracovník", "Bc. Lenka Dvořáková"),
                                 Entry("Aktér", "Charita"), Entry("Přehodnocení", "ne 6. 12. 2026"),
                                 Entry("Začátek", "čt 2. 4. 2026 10:00")}));
}

TEST(FormValues, ReadsARowALine) {
  FormField steps = Field("steps", FieldType::kRows, "Kroky plánu");
  steps.fields = {Field("title", FieldType::kText, "Krok"),
                  Field("responsible", FieldType::kActor, "Odpovídá")};
  const Json values = FormValues(
      Form{{steps}},
      Json{{"steps",
            {{{"title", "Dovoz obědů"}, {"responsible", "actor:charita"}}, {{"title", "Dávky"}}}}},
      Words());
  EXPECT_EQ(
      values,
      Json::array({Entry("Kroky plánu", "Krok: Dovoz obědů, Odpovídá: Charita\nKrok: Dávky")}));
}

TEST(FormValues, LeavesOutEmptyFieldsAndWhatTheFormDoesNotDeclare) {
  const Form form{{Field("note", FieldType::kLongText, "Poznámka"),
                   Field("reason", FieldType::kText, "Důvod")}};
  const Json values =
      FormValues(form, Json{{"note", ""}, {"reason", "stěhování"}, {"by", "user:x"}}, Words());
  EXPECT_EQ(values, Json::array({Entry("Důvod", "stěhování")}));
}

TEST(FormValues, NamesAPersonTheDirectoryNoLongerKnowsByLogin) {
  EXPECT_EQ(Words().Name("user:novy"), "novy");
}

}  // namespace
}  // namespace souhra
