#include "engine/definitions/text_diff.h"

#include <algorithm>
#include <dtl/dtl.hpp>

namespace souhra {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Every line of both texts in edit-script order.
std::vector<DiffLine> EditScript(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b) {
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.onHuge();  // bounded memory on long sources
  diff.compose();
  std::vector<DiffLine> script;
  for (const auto& [text, info] : diff.getSes().getSequence()) {
    DiffLine line;
    line.text = text;
    if (info.type == dtl::SES_ADD) {
      line.kind = DiffKind::kAdded;
      line.new_line = static_cast<int>(info.afterIdx);
    } else if (info.type == dtl::SES_DELETE) {
      line.kind = DiffKind::kRemoved;
      line.old_line = static_cast<int>(info.beforeIdx);
    } else {
      line.old_line = static_cast<int>(info.beforeIdx);
      line.new_line = static_cast<int>(info.afterIdx);
    }
    script.push_back(std::move(line));
  }
  return script;
}

DiffHunk MakeHunk(const std::vector<DiffLine>& script, size_t begin, size_t end) {
  DiffHunk hunk;
  hunk.lines.assign(script.begin() + static_cast<std::ptrdiff_t>(begin),
                    script.begin() + static_cast<std::ptrdiff_t>(end));
  // Lines before the hunk on each side: the last numbered line seen before `begin`.
  int old_before = 0;
  int new_before = 0;
  for (size_t i = 0; i < begin; ++i) {
    if (script[i].old_line > 0) old_before = script[i].old_line;
    if (script[i].new_line > 0) new_before = script[i].new_line;
  }
  for (const DiffLine& line : hunk.lines) {
    if (line.kind != DiffKind::kAdded) ++hunk.old_count;
    if (line.kind != DiffKind::kRemoved) ++hunk.new_count;
  }
  hunk.old_start = hunk.old_count > 0 ? old_before + 1 : old_before;
  hunk.new_start = hunk.new_count > 0 ? new_before + 1 : new_before;
  return hunk;
}

}  // namespace

TextDiff DiffLines(const std::string& before, const std::string& after, int context) {
  std::vector<DiffLine> script = EditScript(SplitLines(before), SplitLines(after));
  TextDiff diff;
  std::vector<size_t> changes;
  for (size_t i = 0; i < script.size(); ++i) {
    if (script[i].kind == DiffKind::kKept) continue;
    changes.push_back(i);
    (script[i].kind == DiffKind::kAdded ? diff.added : diff.removed) += 1;
  }
  const size_t margin = static_cast<size_t>(context < 0 ? 0 : context);
  size_t i = 0;
  while (i < changes.size()) {
    // Changes closer than two contexts apart share a hunk.
    size_t j = i;
    while (j + 1 < changes.size() && changes[j + 1] - changes[j] <= 2 * margin + 1) ++j;
    size_t begin = changes[i] > margin ? changes[i] - margin : 0;
    size_t end = std::min(script.size(), changes[j] + margin + 1);
    diff.hunks.push_back(MakeHunk(script, begin, end));
    i = j + 1;
  }
  return diff;
}

std::string UnifiedDiff(const TextDiff& diff, const std::string& before_label,
                        const std::string& after_label) {
  if (diff.identical()) return "";
  std::string out = "--- " + before_label + "\n+++ " + after_label + "\n";
  for (const DiffHunk& hunk : diff.hunks) {
    out += "@@ -" + std::to_string(hunk.old_start) + "," + std::to_string(hunk.old_count) + " +" +
           std::to_string(hunk.new_start) + "," + std::to_string(hunk.new_count) + " @@\n";
    for (const DiffLine& line : hunk.lines) {
      out += line.kind == DiffKind::kAdded ? '+' : line.kind == DiffKind::kRemoved ? '-' : ' ';
      out += line.text;
      out += '\n';
    }
  }
  return out;
}

}  // namespace souhra
