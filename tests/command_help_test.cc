// Every command explains itself: `souhra X --help` from its declaration, and a wrong option
// names the right ones. Runs the built binary as an operator does.
#include <gtest/gtest.h>

#include "app/commands.h"
#include "tests/fakes/run_souhra.h"

namespace souhra {
namespace {

using testing::RunSouhra;

// Each registered command and each verb with options of its own.
std::vector<const CommandSpec*> EverySpec() {
  std::vector<const CommandSpec*> specs;
  for (const Command& command : Commands()) {
    specs.push_back(&command.spec());
    for (const CommandSpec* verb : command.spec().verbs) specs.push_back(verb);
  }
  return specs;
}

TEST(CommandHelp, EveryCommandAnswersHelpWithEachOfItsOptions) {
  int checked = 0;
  for (const CommandSpec* spec : EverySpec()) {
    for (const char* ask : {"--help", "-h"}) {
      const testing::CommandOutput help = RunSouhra(spec->name + " " + ask);
      EXPECT_EQ(help.exit_code, 0) << spec->name << " " << ask << "\n" << help.output;
      EXPECT_NE(help.output.find("Použití: souhra " + spec->name), std::string::npos)
          << help.output;
      EXPECT_NE(help.output.find("Příklad"), std::string::npos) << help.output;
      for (const OptionSpec& option : spec->options) {
        EXPECT_NE(help.output.find("  " + option.name), std::string::npos)
            << spec->name << " does not list " << option.name << "\n"
            << help.output;
      }
    }
    ++checked;
  }
  EXPECT_GE(checked, 12);  // the eleven commands and `bench timers`
}

TEST(CommandHelp, EnglishWithSouhraLangEn) {
  const testing::CommandOutput help = RunSouhra("serve --help");
  const testing::CommandOutput english = testing::RunSouhra("serve --help", "SOUHRA_LANG=en");
  EXPECT_EQ(english.exit_code, 0);
  EXPECT_NE(english.output.find("Usage: souhra serve [options]"), std::string::npos)
      << english.output;
  EXPECT_NE(english.output.find("--port NUMBER"), std::string::npos) << english.output;
  EXPECT_NE(help.output.find("--port ČÍSLO"), std::string::npos) << help.output;
  EXPECT_NE(help.output.find("(výchozí: 8080)"), std::string::npos) << help.output;
}

TEST(CommandHelp, HelpListsEveryCommandWithItsSummary) {
  for (const char* ask : {"help", "--help", "-h"}) {
    const testing::CommandOutput list = RunSouhra(ask);
    EXPECT_EQ(list.exit_code, 0) << list.output;
    for (const Command& command : Commands()) {
      EXPECT_NE(list.output.find("  " + command.spec().name + " "), std::string::npos)
          << list.output;
      EXPECT_NE(list.output.find(command.spec().summary.cs), std::string::npos) << list.output;
    }
  }
}

TEST(CommandHelp, AnUnknownOptionExitsTwoAndNamesTheRightOnes) {
  const testing::CommandOutput wrong = RunSouhra("serve --pot 8080");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.output.find("souhra serve: neznámá volba --pot (myslíte --port?); příkaz serve "
                              "zná: --listen, --port, --db,"),
            std::string::npos)
      << wrong.output;
  const testing::CommandOutput bench = RunSouhra("bench timers --pendin 5");
  EXPECT_EQ(bench.exit_code, 2);
  EXPECT_NE(bench.output.find("neznámá volba --pendin (myslíte --pending?)"), std::string::npos)
      << bench.output;
}

TEST(CommandHelp, AnUnknownCommandListsTheCommands) {
  const testing::CommandOutput wrong = RunSouhra("serv");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.output.find("souhra: neznámý příkaz 'serv'"), std::string::npos);
  EXPECT_NE(wrong.output.find("  serve "), std::string::npos) << wrong.output;
}

}  // namespace
}  // namespace souhra
