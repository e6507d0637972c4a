#include "engine/definitions/definition_extension.h"

#include <algorithm>

#include "engine/definitions/definition_loader.h"
#include "engine/definitions/diagnostics.h"

namespace souhra {
namespace {

// The first line of a composed source: a Lua comment, so the text still reads as Lua.
constexpr char kHeader[] = "-- souhra:base ";

// Members of a table value that are data, not the sandbox's tags.
bool IsTag(const std::string& key) { return key.starts_with("$"); }

void MergeTable(Json& into, const Json& from, const std::string& key,
                std::vector<ExtensionOrigin>* origins) {
  if (!into.contains(key) || !into[key].is_object()) into[key] = Json::object();
  for (const auto& [name, value] : from.items()) {
    if (IsTag(name)) continue;
    into[key][name] = value;
    origins->push_back({{key, name}, {key, name}});
  }
}

// Criteria replace the base's criterion of the same id or are added after them.
void MergeCriteria(Json& into, const Json& from, std::vector<ExtensionOrigin>* origins,
                   std::vector<std::pair<KeyPath, std::string>>* problems) {
  if (!into.contains("criteria") || !into["criteria"].is_array()) into["criteria"] = Json::array();
  Json& list = into["criteria"];
  for (size_t i = 0; i < from.size(); ++i) {
    const Json& item = from[i];
    const KeyPath source = {"criteria", std::to_string(i + 1)};
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
      problems->push_back({source, "a criterion of an extension needs an 'id'"});
      continue;
    }
    auto same = std::find_if(list.begin(), list.end(), [&](const Json& c) {
      return c.is_object() && c.value("id", "") == item["id"].get<std::string>();
    });
    size_t at = static_cast<size_t>(same - list.begin());
    if (same == list.end()) {
      list.push_back(item);
    } else {
      *same = item;
    }
    origins->push_back({{"criteria", std::to_string(at + 1)}, source});
  }
}

}  // namespace

std::string ComposeExtension(const std::string& base_file, const std::string& base_source,
                             const std::string& extension_source) {
  return kHeader + std::to_string(base_source.size()) + " " + base_file + "\n" + base_source +
         extension_source;
}

bool SplitComposite(const std::string& source, CompositeParts* parts) {
  if (!source.starts_with(kHeader)) return false;
  size_t eol = source.find('\n');
  if (eol == std::string::npos) return false;
  std::string header = source.substr(sizeof kHeader - 1, eol - (sizeof kHeader - 1));
  size_t space = header.find(' ');
  if (space == std::string::npos || space == 0) return false;
  const std::string digits = header.substr(0, space);
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) {
    return false;
  }
  size_t size = std::stoul(digits);
  if (eol + 1 + size > source.size()) return false;
  parts->base_file = header.substr(space + 1);
  parts->base_source = source.substr(eol + 1, size);
  parts->extension_source = source.substr(eol + 1 + size);
  return true;
}

Json MergeExtension(const Json& base, const Json& extension, std::vector<ExtensionOrigin>* origins,
                    std::vector<std::pair<KeyPath, std::string>>* problems) {
  Json merged = base;
  const bool workflow = KindOf(base) == "workflow";
  const std::vector<std::string> allowed =
      workflow ? std::vector<std::string>{"title", "params", "templates", "states", "initial"}
               : std::vector<std::string>{"title", "params", "min_score", "criteria"};
  for (const auto& [key, value] : extension.items()) {
    if (IsTag(key)) continue;
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      problems->push_back({{key},
                           "an extension of a " + std::string(workflow ? "workflow" : "rule set") +
                               " cannot change '" + key + "'" + Suggestion(key, allowed)});
      continue;
    }
    if (key == "params" || key == "templates" || key == "states") {
      if (!value.is_object()) {
        problems->push_back({{key}, "'" + key + "' must be a table"});
        continue;
      }
      MergeTable(merged, value, key, origins);
    } else if (key == "criteria") {
      if (!value.is_array()) {
        problems->push_back({{key}, "'criteria' must be a list of criterion { ... }"});
        continue;
      }
      MergeCriteria(merged, value, origins, problems);
    } else {
      merged[key] = value;
      origins->push_back({{key}, {key}});
    }
  }
  return merged;
}

std::string ExtensionBases::Prepare(const std::string& file, const std::string& source) {
  DefinitionHead head = PeekDefinition(file, source, SandboxLimits{});
  if (head.name.empty()) return source;
  if (head.kind != "extend") {
    bases_[head.name] = {file, source};
    return source;
  }
  auto base = bases_.find(head.name);
  if (base == bases_.end()) return source;
  return ComposeExtension(base->second.file, base->second.source, source);
}

}  // namespace souhra
