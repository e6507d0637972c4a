#include "web/query_numbers.h"

#include <charconv>

namespace souhra {

Result<int64_t> QueryNumber(const ApiCall& call, const std::string& name, int64_t absent,
                            int64_t max) {
  const std::string text = call.Query(name);
  if (text.empty()) return absent;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && value >= 1 && value <= max) {
    return value;
  }
  const std::string range = max == std::numeric_limits<int64_t>::max()
                                ? "kladné celé číslo"
                                : "celé číslo od 1 do " + std::to_string(max);
  return InvalidArgument("Parametr dotazu „" + name + "“ musí být " + range + ".");
}

}  // namespace souhra
