#include "web/password_policy.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace souhra {
namespace {

// The commonest passwords of at least 12 characters in leaked lists, and Czech variants of them.
constexpr std::array<const char*, 24> kCommonPasswords = {
    "123456789012", "1234567890123", "12345678901234",   "123456789000",  "111111111111",
    "000000000000", "qwertyuiopas",  "qwertzuiopas",     "qwerty123456",  "qwertz123456",
    "password1234", "password123!",  "passwordpassword", "aaaaaaaaaaaa",  "abcdefghijkl",
    "abc123456789", "iloveyou1234",  "heslo1234567",     "heslo12345678", "hesloheslo12",
    "mojeheslo123", "zmenaheslo12",  "souhra123456",     "administrator"};

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

size_t CodePoints(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](unsigned char c) { return (c & 0xC0) != 0x80; });
}

}  // namespace

Status CheckPasswordPolicy(const std::string& password, const std::string& login,
                           const std::string& name, const std::string& field) {
  auto refuse = [&](const std::string& why) {
    return Status::InvalidForm("Heslo nesplňuje pravidla pro hesla.", {{field, why}});
  };
  if (CodePoints(password) < kMinPasswordLength) {
    return refuse("Heslo musí mít alespoň " + std::to_string(kMinPasswordLength) + " znaků.");
  }
  const std::string lower = Lower(password);
  if (lower == Lower(name) || (!login.empty() && lower.find(Lower(login)) != std::string::npos)) {
    return refuse("Heslo nesmí být ani obsahovat přihlašovací jméno ani jméno uživatele.");
  }
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
      kCommonPasswords.end()) {
    return refuse("Toto heslo patří mezi nejčastěji používaná; zvolte jiné.");
  }
  return Status::Ok();
}

std::string TemporaryPassword() {
  if (sodium_init() < 0) std::abort();  // no secure randomness: nothing to run on
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string password;
  for (int i = 0; i < 16; ++i) {
    if (i > 0 && i % 4 == 0) password += '-';
    password += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
  }
  return password;
}

}  // namespace souhra
