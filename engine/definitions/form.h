// Forms: the data a person enters when sending an event or completing a task.
//
// A workflow declares a form as a list of fields, e.g.
//   form = { { name = "reason", type = "choice", label = "Důvod", required = true,
//              options = { { value = "goals_met", label = "Cíle plánu byly naplněny" } } } }
// The reader checks the declaration like every other part of a definition (file:line diagnostics,
// suggestions); FormJson describes the form to the web UI; ValidateForm checks what a person
// submitted and says, in Czech and per field, what to fix. A form with no fields is valid: the
// person confirms without entering data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

struct Checker;  // engine/definitions/diagnostics.h, which needs definition.h, which needs Form

enum class FieldType {
  kText,      // one line of text
  kLongText,  // several lines
  kNumber,
  kDate,      // "2026-04-30", a real calendar date
  kDateTime,  // ISO-8601 with an offset, "2026-04-30T09:00:00+02:00"
  kYesNo,     // a JSON boolean
  kChoice,    // one option's value
  kChoices,   // an array of distinct option values
  kUser,      // "user:<login>"
  kActor,     // "actor:<id>", an actor of the tenant's directory
  kRows,      // an array of objects, each checked against the field's `fields`
  kPlace,     // where a meeting takes place, one line; the only source of an invitation's place
  kLink,      // an https:// or http:// address, e.g. of an online meeting; an invitation's link
};

// The name a definition uses for `type`: "text", "long_text", …
const char* FieldTypeName(FieldType type);

struct FormOption {
  std::string value;
  std::string label;
  bool operator==(const FormOption&) const = default;
};

struct FormField {
  std::string name;  // lower_snake, unique within its form or rows
  FieldType type = FieldType::kText;
  std::string label;  // what the person sees, in Czech
  std::string help;
  bool required = false;
  int max_length = 0;  // text, long_text, place, link, in code points: 200, 5000, 200, 500 default
  std::optional<double> min, max;   // number
  bool integer = false;             // number
  std::vector<FormOption> options;  // choice and choices
  std::string role;                 // user: a role of kUserRoles the user must hold; "" = any
  std::string kind;                 // actor: the directory kind the actor must have; "" = any
  std::vector<FormField> fields;    // rows: the fields of one row (never rows themselves)
  int min_rows = 0;                 // rows
  int max_rows = 50;                // rows
  bool operator==(const FormField&) const = default;
};

struct Form {
  std::vector<FormField> fields;
  bool operator==(const Form&) const = default;
};

// Reads the form declaration `at.obj` (at key path `at.path`) into `out` and reports every problem
// to `at.sink`, prefixed with `at.context` (which should name the form, e.g. "state 'open': event
// 'close': form"). An empty table is a form without fields. `out` is only meaningful when nothing
// was reported.
void ReadForm(const Checker& at, Form* out);

// The form for the web UI: {"fields": [{"name", "type", "label", "help"?, "required",
// "max_length"? (text, long_text, place, link), "min"?, "max"?, "integer"? (number), "options"?:
// [{"value", "label"}] (choice, choices), "role"? (user), "kind"? (actor), "fields"?, "min_rows"?,
// "max_rows"? (rows)}]}. Optional members are left out when they do not apply or are empty.
// ReadForm reads its "fields" back into the same form.
Json FormJson(const Form& form);

// Who may be chosen in user and actor fields. The engine validates without one (then only the
// shapes "user:<login>" and "actor:<id>" are checked); the web layer passes its directory.
class FormReferences {
 public:
  virtual ~FormReferences() = default;
  // Whether `login` is an active user of the tenant holding `role` ("" = any role).
  virtual bool IsActiveUser(const std::string& login, const std::string& role) const = 0;
  // Whether `id` is an active actor of the tenant's directory of `kind` ("" = any kind).
  virtual bool IsActor(const std::string& id, const std::string& kind) const = 0;
};

// Checks `payload` against `form`: one FieldError per wrong field, in form order, each field's
// rows in their order, then the fields the form does not know. Paths name rows from 1
// ("steps.2.due"); "" is the payload as a whole (not an object). Optional fields may be absent,
// null, "" or []. Empty when the payload is valid.
std::vector<FieldError> ValidateForm(const Form& form, const Json& payload,
                                     const FormReferences* refs = nullptr);

// Status::InvalidForm("Formulář obsahuje chyby, opravte vyznačená pole.", errors) when
// ValidateForm finds errors, else OK.
Status CheckForm(const Form& form, const Json& payload, const FormReferences* refs = nullptr);

}  // namespace souhra
