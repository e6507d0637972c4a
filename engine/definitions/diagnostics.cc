#include "engine/definitions/diagnostics.h"

#include <algorithm>

namespace souhra {

void Diagnostics::Overlay(KeyPath merged, KeyPath source, std::string file, const SourceMap* map) {
  overlays_.push_back({std::move(merged), std::move(source), std::move(file), map});
}

SourcePos Diagnostics::Pos(const KeyPath& path, int fallback_line) const {
  const Origin* best = nullptr;
  for (const Origin& o : overlays_) {
    if (o.merged.size() > path.size() ||
        !std::equal(o.merged.begin(), o.merged.end(), path.begin())) {
      continue;
    }
    if (!best || o.merged.size() > best->merged.size()) best = &o;
  }
  if (best) {
    KeyPath source = best->source;
    source.insert(source.end(), path.begin() + best->merged.size(), path.end());
    int line = best->map ? best->map->Line(source) : 0;
    return {best->file, line > 0 ? line : fallback_line};
  }
  int line = map_ ? map_->Line(path) : 0;
  return {file_, line > 0 ? line : fallback_line};
}

void Diagnostics::Add(const KeyPath& path, int fallback_line, const std::string& context,
                      const std::string& problem) {
  list_.push_back({Pos(path, fallback_line), context.empty() ? problem : context + ": " + problem});
}

void Diagnostics::AddAt(int line, const std::string& message) {
  list_.push_back({{file_, line}, message});
}

void Diagnostics::AddAt(const SourcePos& pos, const std::string& message) {
  list_.push_back({pos.file.empty() ? SourcePos{file_, pos.line} : pos, message});
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.message < b.message;
  });
  return sorted;
}

namespace {

// Optimal string alignment distance: a swap of two neighbours counts as one edit.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string Closest(const std::string& word, const std::vector<std::string>& candidates) {
  size_t best = std::max<size_t>(2, word.size() / 3) + 1;
  const std::string* closest = nullptr;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(word, candidate);
    if (distance < best) {
      best = distance;
      closest = &candidate;
    }
  }
  return closest ? *closest : "";
}

std::string Suggestion(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string closest = Closest(word, candidates);
  return closest.empty() ? "" : " (did you mean '" + closest + "'?)";
}

bool IsFunction(const Json& value) { return value.is_object() && value.contains("$function"); }

std::string KindOf(const Json& value) {
  if (!value.is_object()) return "";
  auto it = value.find("$kind");
  return it != value.end() && it->is_string() ? it->get<std::string>() : "";
}

int LineOf(const Json& value, int fallback) {
  if (!value.is_object()) return fallback;
  auto it = value.find("$line");
  return it != value.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

std::string LuaTypeName(const Json& value) {
  if (IsFunction(value)) return "function";
  if (value.is_object() || value.is_array()) return "table";
  if (value.is_string()) return "string";
  if (value.is_number()) return "number";
  if (value.is_boolean()) return "boolean";
  return "nil";
}

KeyPath Checker::At(const std::string& key) const {
  KeyPath path_to_key = path;
  path_to_key.push_back(key);
  return path_to_key;
}

void Checker::Report(const std::string& key, const std::string& problem) const {
  sink->Add(key.empty() ? path : At(key), line, context, problem);
}

void Checker::Keys(const std::vector<std::string>& allowed) const {
  if (!obj.is_object()) return;
  for (const auto& [key, value] : obj.items()) {
    if (key.starts_with("$") || std::count(allowed.begin(), allowed.end(), key)) continue;
    std::string hint = Suggestion(key, allowed);
    if (hint.empty()) {
      hint = " (expected ";
      for (size_t i = 0; i < allowed.size(); ++i) hint += (i ? ", " : "") + allowed[i];
      hint += ")";
    }
    Report(key, "unknown key '" + key + "'" + hint);
  }
}

const std::string* Checker::String(const std::string& key, bool required) const {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Report("", "missing '" + key + "'");
    return nullptr;
  }
  if (!it->is_string()) {
    Report(key, "'" + key + "' must be a string, not a " + LuaTypeName(*it));
    return nullptr;
  }
  return &it->get_ref<const std::string&>();
}

bool Checker::Boolean(const std::string& key, bool fallback) const {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (it->is_boolean()) return it->get<bool>();
  Report(key, "'" + key + "' must be true or false, not a " + LuaTypeName(*it));
  return fallback;
}

double Checker::Number(const std::string& key, double fallback) const {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (it->is_number()) return it->get<double>();
  Report(key, "'" + key + "' must be a number, not a " + LuaTypeName(*it));
  return fallback;
}

const Json* Checker::Table(const std::string& key, bool required) const {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Report("", "missing '" + key + "'");
    return nullptr;
  }
  bool empty_table = it->is_array() && it->empty();
  if ((!it->is_object() || IsFunction(*it)) && !empty_table) {
    Report(key, "'" + key + "' must be a table, not a " + LuaTypeName(*it));
    return nullptr;
  }
  return &*it;
}

}  // namespace souhra
