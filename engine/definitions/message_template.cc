#include "engine/definitions/message_template.h"

#include <algorithm>

#include "engine/definitions/diagnostics.h"

namespace souhra {
namespace {

bool Known(const std::string& name) {
  const std::vector<std::string>& all = TemplatePlaceholders();
  return std::find(all.begin(), all.end(), name) != all.end();
}

}  // namespace

const std::vector<std::string>& TemplatePlaceholders() {
  static const std::vector<std::string> kPlaceholders = {
      "case", "initials", "task", "due", "link", "when", "place", "reason", "recipient"};
  return kPlaceholders;
}

std::vector<std::string> CheckTemplateText(const std::string& text) {
  std::vector<std::string> problems;
  size_t at = 0;
  while ((at = text.find('{', at)) != std::string::npos) {
    const size_t close = text.find('}', at);
    if (close == std::string::npos) {
      problems.push_back("unclosed '{'");
      break;
    }
    const std::string name = text.substr(at + 1, close - at - 1);
    if (!Known(name)) {
      std::vector<std::string> braced;
      for (const std::string& p : TemplatePlaceholders()) braced.push_back("{" + p + "}");
      problems.push_back("unknown placeholder '{" + name + "}'" +
                         Suggestion("{" + name + "}", braced));
    }
    at = close + 1;
  }
  return problems;
}

std::vector<std::string> PlaceholdersOf(const Json& template_json) {
  std::vector<std::string> used;
  for (const char* part : {"title", "body"}) {
    const std::string text = template_json.is_object() ? template_json.value(part, "") : "";
    size_t at = 0;
    while ((at = text.find('{', at)) != std::string::npos) {
      const size_t close = text.find('}', at);
      if (close == std::string::npos) break;
      const std::string name = text.substr(at + 1, close - at - 1);
      if (Known(name) && std::find(used.begin(), used.end(), name) == used.end()) {
        used.push_back(name);
      }
      at = close + 1;
    }
  }
  return used;
}

std::string CheckTemplateUse(const std::string& name, const Json& template_json,
                             const TemplateUse& use, const std::string& where) {
  std::vector<std::string> empty;
  for (const std::string& placeholder : PlaceholdersOf(template_json)) {
    const bool meeting_part = placeholder == "when" || placeholder == "place";
    if ((meeting_part && !use.meeting) || (placeholder == "reason" && !use.reason)) {
      empty.push_back("{" + placeholder + "}");
    }
  }
  if (empty.empty()) return "";
  std::string list;
  for (const std::string& p : empty) list += (list.empty() ? "" : ", ") + p;
  return "template '" + name + "' uses " + list + ", which " + where +
         " cannot fill (the reader would see a gap)";
}

std::string RenderTemplateText(const std::string& text,
                               const std::map<std::string, std::string>& values) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find('{', at);
    const size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = text.substr(open + 1, close - open - 1);
    out += text.substr(at, open - at);
    if (Known(name)) {
      auto value = values.find(name);
      if (value != values.end()) out += value->second;
    } else {
      out += text.substr(open, close - open + 1);
    }
    at = close + 1;
  }
  if (at < text.size()) out += text.substr(at);
  return out;
}

}  // namespace souhra
