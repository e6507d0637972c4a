// Lines of the keys in the table a definition file returns, found without running the file.
//
// The loader sees a definition as a JSON value, which has no lines. This map recovers them by
// tokenising the Lua text (strings, long brackets, comments, names) and following the table
// constructors of the value after the file's last top-level `return`. A key path names the
// constructor keys from that root: `name = …` and `["string"] = …` by their key, positional items
// by their 1-based position, e.g. {"states", "waiting", "on", "task.review.done", "go"}. Function
// bodies are skipped. Anything the scan cannot follow simply has no line; lookups then fall back to
// the nearest enclosing key.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace souhra {

using KeyPath = std::vector<std::string>;

class SourceMap {
 public:
  static SourceMap Build(std::string_view source);

  // The line of `path`, else of its nearest enclosing path that has one; 0 when there is none.
  int Line(const KeyPath& path) const;
  // The line of the last top-level `return`; 0 when the file has none.
  int return_line() const { return return_line_; }

 private:
  friend class SourceMapParser;
  std::map<KeyPath, int> lines_;
  int return_line_ = 0;
};

}  // namespace souhra
