// What a person entered in a step's form, as people read it: each field under its label, an
// option by its label, users and actors by name, dates and times in Czech, yes/no as ano/ne.
// The history of a case file shows an event's payload this way (web/case_history.h).
#pragma once

#include <functional>
#include <map>
#include <string>

#include "engine/clock.h"
#include "engine/definitions/form.h"
#include "engine/json.h"

namespace souhra {

// How references and times read for one tenant.
struct Wording {
  std::map<std::string, std::string> names;  // "user:novakova" -> "Jana Nováková", "actor:…"
  std::function<std::string(Instant)> time;  // "čt 2. 4. 2026 10:00"

  // The name of a "user:…" or "actor:…" reference; for one the directory no longer knows, the
  // login or id it names.
  std::string Name(const std::string& ref) const;
};

// [{"label": "Způsob souhlasu", "value": "písemně"}, …]: the fields of `form` that `payload`
// fills, in the form's order. Fields left empty and payload members the form does not declare
// (what a workflow added itself) are left out. A list of rows reads one row a line.
Json FormValues(const Form& form, const Json& payload, const Wording& words);

}  // namespace souhra
