// Json: the engine's value type for case data, event payloads and the declarative arguments of a
// definition's effects. Parsing and printing JSON text happens at the edges (web/, adapters/).
#pragma once

#include <nlohmann/json.hpp>

namespace souhra {

using Json = nlohmann::json;

}  // namespace souhra
