#include "web/request_paths.h"

#include <algorithm>

namespace souhra {

bool IsPlainRequestPath(std::string_view path) {
  const bool control = std::any_of(path.begin(), path.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  if (control) return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view segment = path.substr(start, slash - start);
    if (segment == "." || segment == "..") return false;
    start = slash + 1;
  }
  return true;
}

}  // namespace souhra
