#include "web/health.h"

namespace souhra {

std::string HealthBody(bool store_ok) {
  return store_ok ? R"({"status":"ok"})" : R"({"status":"unavailable"})";
}

}  // namespace souhra
