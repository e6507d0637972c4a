#include <gtest/gtest.h>

#include "engine/definitions/diagnostics.h"
#include "engine/definitions/form.h"
#include "engine/lua/lua_sandbox.h"

namespace souhra {
namespace {

// The form of the brief, and one field of every other type.
const char* kFullForm = R"(return { form = {
  { name = "social_worker", type = "user", role = "social_worker", label = "Sociální pracovník",
    required = true },
  { name = "reason", type = "choice", label = "Důvod", required = true,
    options = { { value = "goals_met", label = "Cíle plánu byly naplněny" },
                { value = "client_left", label = "Klient spolupráci ukončil" } } },
  { name = "note", type = "long_text", label = "Poznámka", help = "Stručně, bez citlivých údajů.",
    max_length = 2000 },
  { name = "steps", type = "rows", label = "Kroky plánu", min_rows = 1, max_rows = 30, fields = {
      { name = "text", type = "text", label = "Krok", required = true },
      { name = "actor", type = "actor", label = "Kdo za krok odpovídá", kind = "health" },
      { name = "due", type = "date", label = "Termín", required = true } } },
  { name = "visits", type = "number", label = "Počet návštěv", integer = true, min = 0, max = 12 },
  { name = "meeting", type = "datetime", label = "Schůzka" },
  { name = "consent", type = "yes_no", label = "Souhlas klienta" },
  { name = "areas", type = "choices", label = "Oblasti",
    options = { { value = "housing", label = "Bydlení" }, { value = "debt", label = "Dluhy" } } },
} }
)";

const char* kFullFormJson = R"({"fields": [
  {"name": "social_worker", "type": "user", "label": "Sociální pracovník", "required": true,
   "role": "social_worker"},
  {"name": "reason", "type": "choice", "label": "Důvod", "required": true, "options": [
     {"value": "goals_met", "label": "Cíle plánu byly naplněny"},
     {"value": "client_left", "label": "Klient spolupráci ukončil"}]},
  {"name": "note", "type": "long_text", "label": "Poznámka", "required": false,
   "help": "Stručně, bez citlivých údajů.", "max_length": 2000},
  {"name": "steps", "type": "rows", "label": "Kroky plánu", "required": false, "min_rows": 1,
   "max_rows": 30, "fields": [
     {"name": "text", "type": "text", "label": "Krok", "required": true, "max_length": 200},
     {"name": "actor", "type": "actor", "label": "Kdo za krok odpovídá", "required": false,
      "kind": "health"},
     {"name": "due", "type": "date", "label": "Termín", "required": true}]},
  {"name": "visits", "type": "number", "label": "Počet návštěv", "required": false,
   "integer": true, "min": 0.0, "max": 12.0},
  {"name": "meeting", "type": "datetime", "label": "Schůzka", "required": false},
  {"name": "consent", "type": "yes_no", "label": "Souhlas klienta", "required": false},
  {"name": "areas", "type": "choices", "label": "Oblasti", "required": false, "options": [
     {"value": "housing", "label": "Bydlení"}, {"value": "debt", "label": "Dluhy"}]}]})";

struct ReadResult {
  Form form;
  std::vector<std::string> problems;  // "file:line: message"
};

// Runs `source` (which returns { form = … }) in the definition sandbox and reads its form with
// the lines of the source, as the loader does.
ReadResult ReadLua(const std::string& source) {
  ReadResult result;
  auto sandbox = LuaSandbox::Create(32u << 20, 1'000'000);
  EXPECT_TRUE(sandbox.ok());
  if (!sandbox.ok()) return result;
  Result<Json> value = (*sandbox)->RunFile("w.lua", source);
  EXPECT_TRUE(value.ok()) << value.status().ToString();
  if (!value.ok()) return result;
  SourceMap map = SourceMap::Build(source);
  Diagnostics sink("w.lua", &map);
  ReadForm(Checker{&sink, (*value)["form"], {"form"}, 1, "form"}, &result.form);
  for (const Diagnostic& d : sink.Sorted()) result.problems.push_back(d.ToString());
  return result;
}

// The problems of a form of the given fields, each on the line of the field it is about.
std::vector<std::string> Problems(const std::vector<std::string>& fields) {
  std::string source = "return { form = {\n";
  for (const std::string& field : fields) source += "  " + field + ",\n";
  return ReadLua(source + "} }\n").problems;
}

// Reads a form from JSON (no lines); expects it to be valid.
Form FormOf(const std::string& fields_json) {
  Json fields = Json::parse(fields_json);
  Diagnostics sink("form.json", nullptr);
  Form form;
  ReadForm(Checker{&sink, fields, {}, 1, "form"}, &form);
  for (const Diagnostic& d : sink.Sorted()) ADD_FAILURE() << d.ToString();
  return form;
}

TEST(FormReader, AFullFormRoundTripsThroughFormJson) {
  ReadResult read = ReadLua(kFullForm);
  EXPECT_TRUE(read.problems.empty()) << read.problems.front();
  const Form& form = read.form;
  ASSERT_EQ(form.fields.size(), 8u);
  EXPECT_EQ(FormJson(form), Json::parse(kFullFormJson));
  Diagnostics sink("form.json", nullptr);
  Form again;
  ReadForm(Checker{&sink, FormJson(form)["fields"], {}, 1, "form"}, &again);
  EXPECT_TRUE(sink.empty());
  EXPECT_EQ(again, form);
}

TEST(FormReader, AnEmptyTableIsAFormWithoutFields) {
  ReadResult read = ReadLua("return { form = {} }");
  EXPECT_TRUE(read.problems.empty());
  EXPECT_TRUE(read.form.fields.empty());
  EXPECT_EQ(FormJson(read.form), Json::parse(R"({"fields": []})"));
  EXPECT_TRUE(ValidateForm(read.form, Json::object()).empty());
}

TEST(FormReader, TextLengthsAndRowLimitsHaveDefaults) {
  Form form = FormOf(R"([{"name": "a", "type": "text", "label": "A"},
      {"name": "b", "type": "long_text", "label": "B"},
      {"name": "c", "type": "rows", "label": "C", "fields": [{"name": "d", "type": "yes_no",
       "label": "D"}]}])");
  ASSERT_EQ(form.fields.size(), 3u);
  EXPECT_EQ(form.fields[0].max_length, 200);
  EXPECT_EQ(form.fields[1].max_length, 5000);
  EXPECT_EQ(form.fields[2].min_rows, 0);
  EXPECT_EQ(form.fields[2].max_rows, 50);
}

TEST(FormReader, AFormMustBeAListOfFields) {
  EXPECT_EQ(ReadLua("return {\n form = { name = 'x', type = 'text', label = 'X' } }").problems,
            std::vector<std::string>{"w.lua:2: form: expected a list of fields { { name = ..., "
                                     "type = ..., label = ... }, ... }"});
  EXPECT_EQ(
      Problems({"'note'"}),
      std::vector<std::string>{
          "w.lua:2: form: field 1: expected a field { name = ..., type = ..., label = ... }"});
}

TEST(FormReader, UnknownKeysAndTypesAreReportedOnTheirLineWithASuggestion) {
  EXPECT_EQ(Problems({"{ name = 'a', type = 'text', label = 'A' }",
                      "{ name = 'b', type = 'txt', lable = 'B' }",
                      "{ name = 'c', type = 'signature', label = 'C' }"}),
            (std::vector<std::string>{
                "w.lua:3: form: field 'b': missing 'label'",
                "w.lua:3: form: field 'b': unknown key 'lable' (did you mean 'label'?)",
                "w.lua:3: form: field 'b': unknown type 'txt' (did you mean 'text'?)",
                "w.lua:4: form: field 'c': unknown type 'signature' (expected one of text, "
                "long_text, number, date, datetime, yes_no, choice, choices, user, actor, rows, "
                "place, link)"}));
}

TEST(FormReader, AKeyOfAnotherTypeIsReported) {
  EXPECT_EQ(Problems({"{ name = 'a', type = 'text', label = 'A',\n"
                      "    options = { { value = 'x', label = 'X' } } }",
                      "{ name = 'b', type = 'date', label = 'B', max_length = 10 }"}),
            (std::vector<std::string>{
                "w.lua:3: form: field 'a': 'options' does not apply to a text field (only to "
                "choice, choices)",
                "w.lua:4: form: field 'b': 'max_length' does not apply to a date field (only to "
                "text, long_text, place, link)"}));
}

TEST(FormReader, BadAndDuplicateNamesAreReported) {
  EXPECT_EQ(Problems({"{ name = 'Reason', type = 'text', label = 'A' }",
                      "{ name = 'note', type = 'text', label = 'B' }",
                      "{ name = 'note', type = 'long_text', label = 'C' }",
                      "{ type = 'text', label = 'D' }"}),
            (std::vector<std::string>{
                "w.lua:2: form: field 'Reason': bad name 'Reason' (expected lower_snake_case: "
                "a-z, 0-9 and _, starting with a letter)",
                "w.lua:4: form: field 'note': duplicate field name 'note'",
                "w.lua:5: form: field 4: missing 'name'"}));
}

TEST(FormReader, AMissingOrEmptyLabelIsReported) {
  EXPECT_EQ(Problems({"{ name = 'a', type = 'text' }", "{ name = 'b', type = 'text', label = ' ' }",
                      "{ name = 'c', type = 'text', label = 'C', required = 'yes' }"}),
            (std::vector<std::string>{
                "w.lua:2: form: field 'a': missing 'label'",
                "w.lua:3: form: field 'b': 'label' must not be empty",
                "w.lua:4: form: field 'c': 'required' must be true or false, not a string"}));
}

TEST(FormReader, BadLimitsAreReported) {
  EXPECT_EQ(
      Problems({"{ name = 'a', type = 'number', label = 'A', min = 10, max = 1 }",
                "{ name = 'b', type = 'text', label = 'B', max_length = -5 }",
                "{ name = 'c', type = 'long_text', label = 'C', max_length = 2.5 }",
                "{ name = 'd', type = 'rows', label = 'D', min_rows = 5, max_rows = 2,\n"
                "    fields = { { name = 'e', type = 'text', label = 'E' } } }",
                "{ name = 'f', type = 'rows', label = 'F', max_rows = 0,\n"
                "    fields = { { name = 'g', type = 'text', label = 'G' } } }",
                "{ name = 'h', type = 'number', label = 'H', min = 'one' }"}),
      (std::vector<std::string>{
          "w.lua:2: form: field 'a': 'min' (10) is greater than 'max' (1)",
          "w.lua:3: form: field 'b': 'max_length' must be a whole number from 1 to 1000000, not "
          "-5",
          "w.lua:4: form: field 'c': 'max_length' must be a whole number from 1 to 1000000, not "
          "2.5",
          "w.lua:5: form: field 'd': 'min_rows' (5) is greater than 'max_rows' (2)",
          "w.lua:7: form: field 'f': 'max_rows' must be a whole number from 1 to 1000000, not 0",
          "w.lua:9: form: field 'h': 'min' must be a number, not a string"}));
}

TEST(FormReader, ChoicesNeedDistinctNonEmptyOptions) {
  EXPECT_EQ(Problems({"{ name = 'a', type = 'choice', label = 'A' }",
                      "{ name = 'b', type = 'choices', label = 'B', options = {} }",
                      "{ name = 'c', type = 'choice', label = 'C', options = {\n"
                      "    { value = 'x', label = 'X' },\n"
                      "    { value = 'x', label = 'Y' },\n"
                      "    { value = '', label = 'Z' },\n"
                      "    { value = 'w' } } }"}),
            (std::vector<std::string>{
                "w.lua:2: form: field 'a': missing 'options' (a list of { value = ..., label = "
                "... })",
                "w.lua:3: form: field 'b': 'options' must be a non-empty list of { value = ..., "
                "label = ... }",
                "w.lua:6: form: field 'c': option 2: duplicate option value 'x'",
                "w.lua:7: form: field 'c': option 3: 'value' must not be empty",
                "w.lua:8: form: field 'c': option 4: missing 'label'"}));
}

TEST(FormReader, AUserFieldNamesARoleOfTheOffice) {
  EXPECT_EQ(Problems({"{ name = 'a', type = 'user', label = 'A', role = 'social_worke' }",
                      "{ name = 'b', type = 'user', label = 'B', role = 'client' }"}),
            (std::vector<std::string>{
                "w.lua:2: form: field 'a': unknown role 'social_worke' (did you mean "
                "'social_worker'?)",
                "w.lua:3: form: field 'b': unknown role 'client' (expected one of social_worker, "
                "case_manager, coordinator, head, methodologist, admin)"}));
}

TEST(FormReader, RowsNeedFieldsAndCannotHoldRows) {
  EXPECT_EQ(Problems({"{ name = 'a', type = 'rows', label = 'A' }",
                      "{ name = 'b', type = 'rows', label = 'B', fields = {} }",
                      "{ name = 'c', type = 'rows', label = 'C', fields = {\n"
                      "    { name = 'd', type = 'rows', label = 'D',\n"
                      "      fields = { { name = 'e', type = 'text', label = 'E' } } },\n"
                      "    { name = 'f', type = 'text', lable = 'F' } } }"}),
            (std::vector<std::string>{
                "w.lua:2: form: field 'a': missing 'fields' (the fields of one row)",
                "w.lua:3: form: field 'b': 'fields' must be a non-empty list of fields",
                "w.lua:5: form: field 'c': field 'd': a row cannot hold another 'rows' field",
                "w.lua:7: form: field 'c': field 'f': missing 'label'",
                "w.lua:7: form: field 'c': field 'f': unknown key 'lable' (did you mean "
                "'label'?)"}));
}
}  // namespace
}  // namespace souhra
