// Where tests find the source tree and the binaries they start. Only build_paths.cc is compiled
// with these paths, so every other test file compiles the same in any checkout (and ccache shares
// it between worktrees).
#pragma once

#include <string>

namespace souhra::testing {

const std::string& SourceDir();
const std::string& SouhraBinary();
const std::string& CrashChildBinary();
const std::string& TimerCrashChildBinary();
const std::string& NotifyCrashChildBinary();

}  // namespace souhra::testing
