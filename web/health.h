// Health of the running service, as reported by GET /healthz.
#pragma once

#include <string>

namespace souhra {

// The body of /healthz: {"status":"ok"} while the store answers.
std::string HealthBody(bool store_ok);

}  // namespace souhra
