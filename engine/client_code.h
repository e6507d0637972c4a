// Client codes ("K-2026-0042") are typed by people on different systems: "Ž" may arrive as one
// code point (NFC) or as "Z" and a combining caron (NFD). Both spellings must name one client,
// so every code is put in NFC before it is stored or looked up.
#pragma once

#include <string>

#include "engine/status.h"

namespace souhra {

// `code` in Unicode Normalization Form C. kInvalidArgument, in Czech, when it is not UTF-8.
Result<std::string> NormalizedClientCode(const std::string& code);

}  // namespace souhra
