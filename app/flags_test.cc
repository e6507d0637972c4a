#include "app/flags.h"

#include <gtest/gtest.h>

#include <sstream>

namespace souhra {
namespace {

const CommandSpec& Spec() {
  static const CommandSpec spec{
      .name = "serve",
      .summary = {"spustí", "runs"},
      .usage = {"[volby]", "[options]"},
      .options = {{"--port", {"ČÍSLO", "NUMBER"}, {"port", "port"}, "8080"},
                  {"--db", {"SOUBOR", "FILE"}, {"databáze", "database"}, "souhra.db"},
                  {"--listen", {"ADRESA", "ADDRESS"}, {"adresa", "address"}, "127.0.0.1"},
                  {"--json", {}, {"JSON", "JSON"}}},
      .examples = {"souhra serve"},
  };
  return spec;
}

TEST(Flags, ReadsValuesInBothSpellingsAndDeclaredDefaults) {
  Flags flags(Spec(), {"--port", "9090", "--db=x.db", "file.lua"}, Language::kCzech);
  EXPECT_EQ(flags.GetInt("--port"), 9090);
  EXPECT_EQ(flags.Get("--db"), "x.db");
  EXPECT_EQ(flags.Get("--listen"), "127.0.0.1");
  EXPECT_FALSE(flags.Has("--json"));
  ASSERT_EQ(flags.positional(), std::vector<std::string>{"file.lua"});
  std::ostringstream err;
  EXPECT_TRUE(flags.Finish(err));
}

// A declared switch never swallows the word after it.
TEST(Flags, ASwitchLeavesTheNextWordPositional) {
  Flags flags(Spec(), {"--json", "verify"}, Language::kCzech);
  EXPECT_TRUE(flags.Has("--json"));
  EXPECT_EQ(flags.positional(), std::vector<std::string>{"verify"});
}

TEST(Flags, AnUnknownOptionNamesTheKnownOnesAndTheClosest) {
  Flags flags(Spec(), {"--prot", "9090"}, Language::kCzech);
  std::ostringstream err;
  EXPECT_FALSE(flags.Finish(err));
  EXPECT_EQ(err.str(),
            "souhra serve: neznámá volba --prot (myslíte --port?); příkaz serve zná: --port, --db, "
            "--listen, --json, --help\nNápověda: souhra serve --help\n");
}

TEST(Flags, AnUnknownOptionInEnglish) {
  Flags flags(Spec(), {"--databse=x"}, Language::kEnglish);
  std::ostringstream err;
  EXPECT_FALSE(flags.Finish(err));
  EXPECT_EQ(err.str(),
            "souhra serve: unknown option --databse; serve knows: --port, --db, --listen, --json, "
            "--help\nHelp: souhra serve --help\n");
}

TEST(Flags, BadNumbersMissingValuesAndValuedSwitchesAreErrors) {
  Flags flags(Spec(), {"--port", "abc", "--json=yes", "--db"}, Language::kCzech);
  EXPECT_EQ(flags.GetInt("--port"), 8080);
  std::ostringstream err;
  EXPECT_FALSE(flags.Finish(err));
  EXPECT_NE(err.str().find("volba --json nemá hodnotu"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("volba --db potřebuje hodnotu (SOUBOR)"), std::string::npos);
  EXPECT_NE(err.str().find("volba --port čeká celé číslo, ne „abc“"), std::string::npos);
}

}  // namespace
}  // namespace souhra
