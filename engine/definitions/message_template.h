// Notification templates: the placeholders a template's title and body may use, checking a text
// for unknown ones, and filling them in.
//
// The placeholders are a closed list on purpose: messages leave the office by e-mail and webhook,
// so a template can name the client only by pseudonymous code or initials; case data is never
// interpolated beyond these. A text that uses anything else is a validation error of the
// definition (engine/definitions/workflow_reader.cc), not a surprise at send time.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/json.h"

namespace souhra {

// {case} {initials} {task} {due} {link} {when} {place} {reason} {recipient}
const std::vector<std::string>& TemplatePlaceholders();

// The problems of `text`: "unknown placeholder '{nmae}' (did you mean '{name}'?)" or
// "unclosed '{'". Empty when the text is fine.
std::vector<std::string> CheckTemplateText(const std::string& text);

// The known placeholders the title or body of `template_json` ({title, body}) use, without braces.
std::vector<std::string> PlaceholdersOf(const Json& template_json);

// Where a template is sent decides what can fill it: {when} and {place} need a meeting (a notify
// with `calendar` or `meeting`), and a task's reminder has no meeting and no {reason}. The problem
// with a template sent to `purpose` ("a notify without calendar or meeting"), or "" when every
// placeholder it uses has a value there.
struct TemplateUse {
  bool meeting = false;  // the message carries a meeting
  bool reason = true;    // the message may carry the event's reason or note
};
std::string CheckTemplateUse(const std::string& name, const Json& template_json,
                             const TemplateUse& use, const std::string& where);

// `text` with each placeholder replaced by its value in `values` (keyed without braces, e.g.
// "case"); a placeholder without a value becomes "". Text that CheckTemplateText refuses is
// copied as it is.
std::string RenderTemplateText(const std::string& text,
                               const std::map<std::string, std::string>& values);

}  // namespace souhra
