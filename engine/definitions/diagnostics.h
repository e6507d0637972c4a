// Collecting the diagnostics of one definition file, and the checks every reader shares.
//
// Readers walk a definition as JSON (see lua_sandbox.h for the "$kind", "$line" and "$function"
// members) and report each problem with its key path; the collector turns the path into a line
// with the file's SourceMap, falling back to the line of the nearest constructor call. Messages
// read "<context>: <problem>", e.g. "state 'waiting': unknown key 'titel' (did you mean 'title'?)".
#pragma once

#include <string>
#include <vector>

#include "engine/definitions/definition.h"
#include "engine/definitions/definition_loader.h"
#include "engine/definitions/source_map.h"

namespace souhra {

class Diagnostics {
 public:
  // `map` may be null (effects returned at run time have no source to map).
  Diagnostics(std::string file, const SourceMap* map) : file_(std::move(file)), map_(map) {}

  // Paths under `merged` came from another file (a tenant's extension): their lines are those of
  // `source` in `map` of `file`. The longest matching prefix wins.
  void Overlay(KeyPath merged, KeyPath source, std::string file, const SourceMap* map);

  // The position of `path`; `fallback_line` when the map does not know it.
  SourcePos Pos(const KeyPath& path, int fallback_line) const;
  void Add(const KeyPath& path, int fallback_line, const std::string& context,
           const std::string& problem);
  void AddAt(int line, const std::string& message);
  // At a position found earlier with Pos (it may be in an extension's file).
  void AddAt(const SourcePos& pos, const std::string& message);

  bool empty() const { return list_.empty(); }
  // Every diagnostic, ordered by line (then by text, so the order is stable).
  std::vector<Diagnostic> Sorted() const;
  const std::string& file() const { return file_; }

 private:
  struct Origin {
    KeyPath merged;
    KeyPath source;
    std::string file;
    const SourceMap* map;
  };
  std::string file_;
  const SourceMap* map_;
  std::vector<Origin> overlays_;
  std::vector<Diagnostic> list_;
};

// The candidate closest to `word` by edit distance, or "" when none is close (within a third of
// the word's length, at least 2 edits).
std::string Closest(const std::string& word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for Closest(word, candidates), or "".
std::string Suggestion(const std::string& word, const std::vector<std::string>& candidates);

// The type of a definition value as a methodologist knows it from Lua: "string", "table", …
std::string LuaTypeName(const Json& value);
bool IsFunction(const Json& value);
// The constructor that built a table ("task", "workflow", …), or "".
std::string KindOf(const Json& value);
// The constructor line recorded in a table, or `fallback`.
int LineOf(const Json& value, int fallback);

// Shared checks. `obj` is the table at `path`; `line` the fallback line; `context` the message
// prefix. Each reports what is wrong and returns whether the value may be used.
struct Checker {
  Diagnostics* sink;
  const Json& obj;
  KeyPath path;
  int line;
  std::string context;

  KeyPath At(const std::string& key) const;
  void Report(const std::string& key, const std::string& problem) const;
  // Reports every key of `obj` not in `allowed`, with a suggestion.
  void Keys(const std::vector<std::string>& allowed) const;
  // A string field; nullptr when absent (reported when `required`) or of another type.
  const std::string* String(const std::string& key, bool required) const;
  bool Boolean(const std::string& key, bool fallback) const;
  double Number(const std::string& key, double fallback) const;
  // A table field that is an object (an empty table counts); nullptr when absent or not one.
  const Json* Table(const std::string& key, bool required) const;
};

}  // namespace souhra
