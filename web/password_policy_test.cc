// The password policy people's passwords follow, and the temporary passwords the server draws.
#include "web/password_policy.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace souhra {
namespace {

std::string Refusal(const std::string& password) {
  Status status = CheckPasswordPolicy(password, "novakova", "Jana Nováková", "new_password");
  if (status.ok()) return "";
  EXPECT_EQ(status.field_errors().size(), 1u);
  EXPECT_EQ(status.field_errors()[0].field, "new_password");
  return status.field_errors()[0].message;
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  EXPECT_EQ(Refusal("žluťoučký kůň"), "");                                // 13 characters, 18 bytes
  EXPECT_EQ(Refusal("žluťoučkýků"), "Heslo musí mít alespoň 12 znaků.");  // 11 characters
}

TEST(PasswordPolicy, RefusesTheLoginTheNameAndCommonPasswords) {
  EXPECT_EQ(Refusal("NOVAKOVA-2026-jaro"),
            "Heslo nesmí být ani obsahovat přihlašovací jméno ani jméno uživatele.");
  EXPECT_EQ(Refusal("jana nováková"),
            "Heslo nesmí být ani obsahovat přihlašovací jméno ani jméno uživatele.");
  EXPECT_EQ(Refusal("Password1234"), "Toto heslo patří mezi nejčastěji používaná; zvolte jiné.");
  EXPECT_EQ(Refusal("heslo1234567"), "Toto heslo patří mezi nejčastěji používaná; zvolte jiné.");
  EXPECT_EQ(Refusal("modrá konvice na čaj"), "");
}

TEST(TemporaryPassword, IsSixteenUnambiguousCharactersAndNeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string password = TemporaryPassword();
    ASSERT_TRUE(
        std::regex_match(password, std::regex("[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}")))
        << password;
    seen.insert(password);
  }
  EXPECT_EQ(seen.size(), 200u);
}

}  // namespace
}  // namespace souhra
