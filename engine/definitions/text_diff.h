// A line diff between two versions of a definition's source, as data (hunks of kept, added and
// removed lines with their line numbers) for the web editor, and as unified text for the CLI.
// The shortest edit script comes from dtl (Debian libdtl-dev, header-only).
#pragma once

#include <string>
#include <vector>

namespace souhra {

enum class DiffKind { kKept, kAdded, kRemoved };

struct DiffLine {
  DiffKind kind = DiffKind::kKept;
  int old_line = 0;  // 1-based line in the old text; 0 for an added line
  int new_line = 0;  // 1-based line in the new text; 0 for a removed line
  std::string text;  // without its newline
};

// A run of changes with up to `context` kept lines around it. Starts are 1-based; a side with no
// lines (count 0) starts at the line after which the other side's lines go, as in unified diffs.
struct DiffHunk {
  int old_start = 0;
  int old_count = 0;
  int new_start = 0;
  int new_count = 0;
  std::vector<DiffLine> lines;
};

struct TextDiff {
  std::vector<DiffHunk> hunks;  // empty when the texts have the same lines
  int added = 0;
  int removed = 0;
  bool identical() const { return hunks.empty(); }
};

// Diffs `before` and `after` line by line ("\n"-separated; a final newline ends the last line).
TextDiff DiffLines(const std::string& before, const std::string& after, int context = 3);

// The unified diff text ("--- before_label", "+++ after_label", "@@ -1,3 +1,4 @@", lines
// prefixed ' ', '+', '-'); "" when identical.
std::string UnifiedDiff(const TextDiff& diff, const std::string& before_label,
                        const std::string& after_label);

}  // namespace souhra
