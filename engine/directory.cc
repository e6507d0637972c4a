#include "engine/directory.h"

#include <algorithm>

namespace souhra {

bool UserRecord::HasRole(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string CzechRoleName(const std::string& role) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"social_worker", "sociální pracovník"},
      {"case_manager", "case manager"},
      {"coordinator", "koordinátor podpory"},
      {"head", "vedoucí odboru"},
      {"methodologist", "metodik"},
      {"guardian", "veřejný opatrovník"},
      {"admin", "správce"}};
  for (const auto& [name, czech] : kNames) {
    if (role == name) return czech;
  }
  return role;
}

}  // namespace souhra
