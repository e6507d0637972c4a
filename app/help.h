// Help for people at the command line, printed from the commands' declarations (command_spec.h).
#pragma once

#include <ostream>
#include <vector>

#include "app/command_spec.h"

namespace souhra {

// The command's summary, how it is called, each option with its placeholder, description and
// default, its verbs with options of their own, and the examples.
void PrintCommandHelp(const CommandSpec& spec, Language language, std::ostream& out);

// How the command is called and where its help is, for a command line it cannot run. Returns 2,
// the exit status of a usage error.
int UsageError(const CommandSpec& spec, std::ostream& err, Language language = UserLanguage());

// `souhra help`: every command with its one-line summary, and how to get more.
void PrintCommandList(const std::vector<const CommandSpec*>& specs, Language language,
                      std::ostream& out);

}  // namespace souhra
