#include <gtest/gtest.h>

#include <set>

#include "engine/definitions/diagnostics.h"
#include "engine/definitions/form.h"

namespace souhra {
namespace {

// The form of the brief, and one field of every other type.
const char* kFullForm = R"([
  {"name": "social_worker", "type": "user", "role": "social_worker",
   "label": "Sociální pracovník", "required": true},
  {"name": "reason", "type": "choice", "label": "Důvod", "required": true, "options": [
     {"value": "goals_met", "label": "Cíle plánu byly naplněny"},
     {"value": "client_left", "label": "Klient spolupráci ukončil"}]},
  {"name": "note", "type": "long_text", "label": "Poznámka", "max_length": 2000},
  {"name": "steps", "type": "rows", "label": "Kroky plánu", "min_rows": 1, "max_rows": 30,
   "fields": [
     {"name": "text", "type": "text", "label": "Krok", "required": true},
     {"name": "actor", "type": "actor", "label": "Kdo za krok odpovídá", "kind": "health"},
     {"name": "due", "type": "date", "label": "Termín", "required": true}]},
  {"name": "visits", "type": "number", "label": "Počet návštěv", "integer": true, "min": 0,
   "max": 12},
  {"name": "meeting", "type": "datetime", "label": "Schůzka"},
  {"name": "consent", "type": "yes_no", "label": "Souhlas klienta"},
  {"name": "areas", "type": "choices", "label": "Oblasti", "options": [
     {"value": "housing", "label": "Bydlení"}, {"value": "debt", "label": "Dluhy"}]}])";

// Reads a form from JSON (no lines); expects it to be valid.
Form FormOf(const std::string& fields_json) {
  Json fields = Json::parse(fields_json);
  Diagnostics sink("form.json", nullptr);
  Form form;
  ReadForm(Checker{&sink, fields, {}, 1, "form"}, &form);
  for (const Diagnostic& d : sink.Sorted()) ADD_FAILURE() << d.ToString();
  return form;
}

Form FullForm() { return FormOf(kFullForm); }

// The errors of `payload`, each as "path: message", one per line; "" when it is valid.
std::string Errors(const Form& form, const std::string& payload,
                   const FormReferences* refs = nullptr) {
  std::string text;
  for (const FieldError& e : ValidateForm(form, Json::parse(payload), refs)) {
    text += (text.empty() ? "" : "\n") + e.field + ": " + e.message;
  }
  return text;
}

const char* kValidPayload = R"({
  "social_worker": "user:novakova", "reason": "goals_met", "note": "Klient\nodešel.",
  "steps": [{"text": "Podat žádost o příspěvek", "actor": "actor:up_frydek", "due": "2026-05-04"},
            {"text": "Návštěva", "due": "2026-06-01"}],
  "visits": 3, "meeting": "2026-04-30T09:00:00+02:00", "consent": false, "areas": ["debt"]})";

TEST(FormValidation, AFullPayloadIsAccepted) {
  EXPECT_EQ(Errors(FullForm(), kValidPayload), "");
  EXPECT_TRUE(CheckForm(FullForm(), Json::parse(kValidPayload)).ok());
}

TEST(FormValidation, ARequiredFieldLeftEmptyIsNamedByItsLabel) {
  Form form = FormOf(R"([{"name": "reason", "type": "text", "label": "Důvod", "required": true},
      {"name": "areas", "type": "choices", "label": "Oblasti", "required": true,
       "options": [{"value": "x", "label": "X"}]}])");
  const std::string missing = "reason: Vyplňte pole „Důvod“.\nareas: Vyplňte pole „Oblasti“.";
  EXPECT_EQ(Errors(form, "{}"), missing);
  EXPECT_EQ(Errors(form, R"({"reason": null, "areas": []})"), missing);
  EXPECT_EQ(Errors(form, R"({"reason": "   ", "areas": null})"), missing);
  EXPECT_EQ(Errors(form, R"({"reason": "Stěhování", "areas": ["x"]})"), "");
}

TEST(FormValidation, OptionalFieldsMayBeAbsentNullOrEmpty) {
  Form form = FullForm();
  const char* minimal = R"({"social_worker": "user:novakova", "reason": "client_left",
      "note": null, "steps": [], "visits": null, "meeting": "", "consent": null, "areas": []})";
  EXPECT_EQ(Errors(form, minimal), "");
  EXPECT_EQ(Errors(form, R"({"social_worker": "user:novakova", "reason": "client_left"})"), "");
}

TEST(FormValidation, AFieldTheFormDoesNotKnowIsRefused) {
  Form form = FormOf(R"([{"name": "note", "type": "text", "label": "Poznámka"},
      {"name": "steps", "type": "rows", "label": "Kroky",
       "fields": [{"name": "text", "type": "text", "label": "Krok"}]}])");
  EXPECT_EQ(Errors(form, R"({"note": "a", "birth_number": "800101/1234",
                             "steps": [{"text": "b", "secret": 1}]})"),
            "steps.1.secret: Pole „secret“ formulář nezná.\n"
            "birth_number: Pole „birth_number“ formulář nezná.");
  EXPECT_EQ(Errors(FormOf("[]"), R"({"x": true})"), "x: Pole „x“ formulář nezná.");
}

TEST(FormValidation, APayloadThatIsNotAnObjectIsRefusedAsAWhole) {
  for (const char* payload : {"null", "[]", "\"text\"", "3"}) {
    std::vector<FieldError> errors = ValidateForm(FormOf("[]"), Json::parse(payload));
    ASSERT_EQ(errors.size(), 1u) << payload;
    EXPECT_EQ(errors[0].field, "");
  }
}

TEST(FormValidation, TextLengthIsCountedInCharactersNotBytes) {
  Form form = FormOf(R"([{"name": "name", "type": "text", "label": "Jméno", "max_length": 5}])");
  EXPECT_EQ(Errors(form, R"({"name": "Žluťo"})"), "");  // 5 characters, 7 bytes
  EXPECT_EQ(Errors(form, R"({"name": "Žluťou"})"),
            "name: Zkraťte pole „Jméno“ na nejvýše 5 znaků (teď jich má 6).");
  Form one = FormOf(R"([{"name": "x", "type": "text", "label": "Znak", "max_length": 1}])");
  EXPECT_EQ(Errors(one, R"({"x": "ab"})"),
            "x: Zkraťte pole „Znak“ na nejvýše 1 znak (teď jich má 2).");
  Form three = FormOf(R"([{"name": "x", "type": "text", "label": "Kód", "max_length": 3}])");
  EXPECT_EQ(Errors(three, R"({"x": "ABCD"})"),
            "x: Zkraťte pole „Kód“ na nejvýše 3 znaky (teď jich má 4).");
}

TEST(FormValidation, TextThatIsNotValidUtf8IsRefused) {
  Form form = FormOf(R"([{"name": "note", "type": "long_text", "label": "Poznámka"}])");
  int tried = 0;
  for (const char* bytes :
       {"\xC3\x28", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "abc\xE2\x82"}) {
    Json payload = {{"note", std::string(bytes)}};
    std::vector<FieldError> errors = ValidateForm(form, payload);
    ASSERT_EQ(errors.size(), 1u) << bytes;
    EXPECT_EQ(errors[0].message,
              "Pole „Poznámka“ obsahuje znaky, které nelze uložit. Napište text znovu.");
    ++tried;
  }
  EXPECT_EQ(tried, 5);
  EXPECT_TRUE(ValidateForm(form, Json{{"note", "\xF0\x9F\x98\x80 ok"}}).empty());
}

TEST(FormValidation, OneLineTextRefusesLineBreaksAndControlCharacters) {
  Form form = FormOf(R"([{"name": "step", "type": "text", "label": "Krok"},
      {"name": "note", "type": "long_text", "label": "Poznámka"}])");
  EXPECT_EQ(Errors(form, R"({"step": "a\nb"})"), "step: Pole „Krok“ musí být na jednom řádku.");
  EXPECT_EQ(Errors(form, R"({"step": "a\u0007b"})"),
            "step: Pole „Krok“ obsahuje řídicí znaky, které nelze uložit. Odstraňte je.");
  EXPECT_EQ(Errors(form, R"({"note": "a\r\n\tb"})"), "");
  EXPECT_EQ(Errors(form, R"({"note": "a\u0000b"})"),
            "note: Pole „Poznámka“ obsahuje řídicí znaky, které nelze uložit. Odstraňte je.");
  EXPECT_EQ(Errors(form, R"({"step": 5})"), "step: Do pole „Krok“ zadejte text.");
}

TEST(FormValidation, NumbersRespectTheirTypeWholenessAndBounds) {
  Form form = FormOf(R"([{"name": "n", "type": "number", "label": "Počet", "integer": true,
      "min": 1, "max": 10}, {"name": "r", "type": "number", "label": "Míra", "min": 0.5}])");
  EXPECT_EQ(Errors(form, R"({"n": 10, "r": 0.5})"), "");
  EXPECT_EQ(Errors(form, R"({"n": "5"})"), "n: Do pole „Počet“ zadejte celé číslo.");
  EXPECT_EQ(Errors(form, R"({"n": true})"), "n: Do pole „Počet“ zadejte celé číslo.");
  EXPECT_EQ(Errors(form, R"({"n": 2.5})"), "n: Do pole „Počet“ zadejte celé číslo.");
  EXPECT_EQ(Errors(form, R"({"n": 0})"), "n: Do pole „Počet“ zadejte celé číslo od 1 do 10.");
  EXPECT_EQ(Errors(form, R"({"n": 11})"), "n: Do pole „Počet“ zadejte celé číslo od 1 do 10.");
  EXPECT_EQ(Errors(form, R"({"r": 0.25})"), "r: Do pole „Míra“ zadejte číslo alespoň 0,5.");
}

TEST(FormValidation, DatesMustBeRealCalendarDates) {
  Form form = FormOf(R"([{"name": "due", "type": "date", "label": "Termín"}])");
  const std::string format =
      "due: Do pole „Termín“ zadejte datum ve tvaru RRRR-MM-DD, například 2026-04-30.";
  EXPECT_EQ(Errors(form, R"({"due": "2026-02-28"})"), "");
  EXPECT_EQ(Errors(form, R"({"due": "2024-02-29"})"), "");
  EXPECT_EQ(Errors(form, R"({"due": "2026-02-29"})"),
            "due: Datum 2026-02-29 v poli „Termín“ neexistuje. Zadejte skutečné datum.");
  EXPECT_EQ(Errors(form, R"({"due": "2026-13-01"})"),
            "due: Datum 2026-13-01 v poli „Termín“ neexistuje. Zadejte skutečné datum.");
  for (const char* bad : {R"("30. 4. 2026")", R"("2026-4-30")", R"("2026-04-30T00:00:00Z")",
                          R"("2026-0a-30")", "20260430"}) {
    EXPECT_EQ(Errors(form, std::string(R"({"due": )") + bad + "}"), format) << bad;
  }
}

TEST(FormValidation, DateTimesNeedAnOffset) {
  Form form = FormOf(R"([{"name": "at", "type": "datetime", "label": "Schůzka"}])");
  EXPECT_EQ(Errors(form, R"({"at": "2026-04-30T09:00:00+02:00"})"), "");
  EXPECT_EQ(Errors(form, R"({"at": "2026-04-30T07:00:00Z"})"), "");
  EXPECT_EQ(Errors(form, R"({"at": "2026-04-30T09:00:00"})"),
            "at: Do pole „Schůzka“ zadejte datum a čas s časovým pásmem, například "
            "2026-04-30T09:00:00+02:00.");
}

TEST(FormValidation, YesNoTakesOnlyABoolean) {
  Form form =
      FormOf(R"([{"name": "consent", "type": "yes_no", "label": "Souhlas", "required": true}])");
  EXPECT_EQ(Errors(form, R"({"consent": false})"), "");
  EXPECT_EQ(Errors(form, R"({"consent": "ano"})"),
            "consent: V poli „Souhlas“ zvolte ano, nebo ne.");
}

TEST(FormValidation, AChoiceMustBeOneOfTheOptions) {
  Form form = FullForm();
  Json payload = Json::parse(kValidPayload);
  payload["reason"] = "moved_away";
  EXPECT_EQ(
      ValidateForm(form, payload),
      (std::vector<FieldError>{{"reason", "V poli „Důvod“ vyberte jednu z nabízených možností."}}));
  payload["reason"] = Json::array({"goals_met"});
  EXPECT_EQ(ValidateForm(form, payload).size(), 1u);
}

TEST(FormValidation, ChoicesMustBeDistinctKnownOptions) {
  Form form = FullForm();
  Json payload = Json::parse(kValidPayload);
  payload["areas"] = {"housing", "debt"};
  EXPECT_TRUE(ValidateForm(form, payload).empty());
  payload["areas"] = {"housing", "housing"};
  EXPECT_EQ(ValidateForm(form, payload),
            (std::vector<FieldError>{
                {"areas", "V poli „Oblasti“ je možnost „Bydlení“ vybraná dvakrát."}}));
  payload["areas"] = {"housing", "school"};
  EXPECT_EQ(
      ValidateForm(form, payload),
      (std::vector<FieldError>{{"areas", "V poli „Oblasti“ vyberte jen z nabízených možností."}}));
  payload["areas"] = "housing";
  EXPECT_EQ(ValidateForm(form, payload),
            (std::vector<FieldError>{{"areas", "V poli „Oblasti“ vyberte možnosti z nabídky."}}));
}

TEST(FormValidation, WithoutReferencesUsersAndActorsAreCheckedForTheirShape) {
  Form form = FormOf(R"([{"name": "worker", "type": "user", "label": "Pracovník"},
      {"name": "partner", "type": "actor", "label": "Partner"}])");
  EXPECT_EQ(Errors(form, R"({"worker": "user:novakova", "partner": "actor:charita"})"), "");
  EXPECT_EQ(Errors(form, R"({"worker": "novakova", "partner": "actor:"})"),
            "worker: V poli „Pracovník“ vyberte aktivního uživatele.\n"
            "partner: V poli „Partner“ vyberte aktéra z adresáře.");
  EXPECT_EQ(Errors(form, R"({"worker": "user:", "partner": 7})"),
            "worker: V poli „Pracovník“ vyberte aktivního uživatele.\n"
            "partner: V poli „Partner“ vyberte aktéra z adresáře.");
}

// A directory that knows one active social worker (novakova) and one health actor (mudr_mala).
class FakeReferences : public FormReferences {
 public:
  bool IsActiveUser(const std::string& login, const std::string& role) const override {
    asked.insert("user " + login + " " + role);
    return login == "novakova" && (role.empty() || role == "social_worker");
  }
  bool IsActor(const std::string& id, const std::string& kind) const override {
    asked.insert("actor " + id + " " + kind);
    return id == "mudr_mala" && (kind.empty() || kind == "health");
  }
  mutable std::set<std::string> asked;
};

TEST(FormValidation, WithReferencesTheUserMustBeActiveAndHoldTheRole) {
  Form form = FullForm();
  FakeReferences refs;
  Json payload = Json::parse(kValidPayload);
  payload["steps"] = Json::array();
  EXPECT_TRUE(ValidateForm(form, payload, &refs).empty());
  payload["social_worker"] = "user:dvorak";
  EXPECT_EQ(ValidateForm(form, payload, &refs),
            (std::vector<FieldError>{{"social_worker",
                                      "V poli „Sociální pracovník“ vyberte aktivního uživatele s "
                                      "rolí sociální pracovník."}}));
  EXPECT_EQ(refs.asked,
            (std::set<std::string>{"user novakova social_worker", "user dvorak social_worker"}));
}

TEST(FormValidation, WithReferencesTheActorMustBeKnownAndOfItsKind) {
  Form form = FullForm();
  FakeReferences refs;
  Json payload = Json::parse(kValidPayload);
  payload["steps"][0]["actor"] = "actor:mudr_mala";
  EXPECT_TRUE(ValidateForm(form, payload, &refs).empty());
  payload["steps"][0]["actor"] = "actor:up_frydek";
  EXPECT_EQ(
      ValidateForm(form, payload, &refs),
      (std::vector<FieldError>{
          {"steps.1.actor",
           "V poli „Kdo za krok odpovídá“ vyberte aktéra z adresáře (typ: zdravotnictví)."}}));
  EXPECT_TRUE(refs.asked.count("actor up_frydek health"));
}

TEST(FormValidation, ABadRowIsNamedByItsPath) {
  Json payload = Json::parse(kValidPayload);
  payload["steps"][1]["due"] = "2026-06-31";
  payload["steps"][1]["text"] = "";
  EXPECT_EQ(ValidateForm(FullForm(), payload),
            (std::vector<FieldError>{
                {"steps.2.text", "Vyplňte pole „Krok“."},
                {"steps.2.due",
                 "Datum 2026-06-31 v poli „Termín“ neexistuje. Zadejte skutečné datum."}}));
}

TEST(FormValidation, RowsRespectTheirCountAndShape) {
  Form form = FullForm();
  Json payload = Json::parse(kValidPayload);
  payload["steps"] =
      Json::array({"Podat žádost", Json{{"text", "Návštěva"}, {"due", "2026-05-01"}}});
  EXPECT_EQ(ValidateForm(form, payload),
            (std::vector<FieldError>{{"steps.1", "Řádek 1 v poli „Kroky plánu“ nelze přečíst."}}));
  payload["steps"] = Json::array();
  for (int i = 0; i < 31; ++i) payload["steps"].push_back({{"text", "x"}, {"due", "2026-05-01"}});
  EXPECT_EQ(ValidateForm(form, payload),
            (std::vector<FieldError>{{"steps", "Pole „Kroky plánu“ může mít nejvýše 30 řádků."}}));
  payload["steps"] = {{"text", "x"}};
  EXPECT_EQ(ValidateForm(form, payload),
            (std::vector<FieldError>{{"steps", "Pole „Kroky plánu“ musí být seznam řádků."}}));
  Form two = FormOf(R"([{"name": "s", "type": "rows", "label": "Kroky", "min_rows": 2,
      "fields": [{"name": "t", "type": "text", "label": "Krok"}]}])");
  EXPECT_EQ(Errors(two, R"({"s": [{"t": "a"}]})"), "s: Pole „Kroky“ musí mít alespoň 2 řádky.");
}

TEST(FormValidation, ErrorsComeInFormOrderThenUnknownFields) {
  EXPECT_EQ(Errors(FullForm(), R"({"zzz": 1, "visits": -1, "aaa": 2, "consent": 1,
                                   "steps": [{"text": "a", "due": "x"}]})"),
            "social_worker: Vyplňte pole „Sociální pracovník“.\n"
            "reason: Vyplňte pole „Důvod“.\n"
            "steps.1.due: Do pole „Termín“ zadejte datum ve tvaru RRRR-MM-DD, například "
            "2026-04-30.\n"
            "visits: Do pole „Počet návštěv“ zadejte celé číslo od 0 do 12.\n"
            "consent: V poli „Souhlas klienta“ zvolte ano, nebo ne.\n"
            "aaa: Pole „aaa“ formulář nezná.\n"
            "zzz: Pole „zzz“ formulář nezná.");
}

TEST(FormValidation, CheckFormRefusesWithTheFieldErrors) {
  Status status = CheckForm(FullForm(), Json::parse(R"({"reason": "goals_met"})"));
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "Formulář obsahuje chyby, opravte vyznačená pole.");
  EXPECT_EQ(status.field_errors(),
            (std::vector<FieldError>{{"social_worker", "Vyplňte pole „Sociální pracovník“."}}));
}
}  // namespace
}  // namespace souhra

namespace souhra {
namespace {

// A link reaches external actors in an invitation: only a web address they can open.
TEST(FormValidation, ALinkIsAnHttpOrHttpsAddressWithoutSpaces) {
  const Form form = FormOf(R"([{"name": "url", "type": "link", "label": "Odkaz"},
                               {"name": "where", "type": "place", "label": "Místo"}])");
  EXPECT_EQ(Errors(form, R"({"url": "https://meet.example.cz/k-1", "where": "Radnice"})"), "");
  EXPECT_EQ(Errors(form, R"({"url": "http://intranet.example.cz/porada"})"), "");
  const std::string wanted =
      "url: Do pole „Odkaz“ zadejte webovou adresu začínající https:// nebo http://, bez mezer.";
  for (const char* bad : {"javascript:alert(1)", "ftp://x.cz", "https://", "https:///etc",
                          "https://a.cz/x y", "meet.example.cz"}) {
    EXPECT_EQ(Errors(form, Json{{"url", bad}}.dump()), wanted) << bad;
  }
  EXPECT_EQ(Errors(form, R"({"where": "Radnice\nzasedačka"})"),
            "where: Pole „Místo“ musí být na jednom řádku.");
}

TEST(FormValidation, PlaceAndLinkAreDescribedWithTheirLengthLimits) {
  const Form form = FormOf(R"([{"name": "url", "type": "link", "label": "Odkaz"},
                               {"name": "where", "type": "place", "label": "Místo"}])");
  const Json described = FormJson(form);
  EXPECT_EQ(described["fields"][0]["type"], "link");
  EXPECT_EQ(described["fields"][0]["max_length"], 500);
  EXPECT_EQ(described["fields"][1]["type"], "place");
  EXPECT_EQ(described["fields"][1]["max_length"], 200);
}

}  // namespace
}  // namespace souhra
