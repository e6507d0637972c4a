#include "app/text_file.h"

#include <fstream>
#include <sstream>

namespace souhra {

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return NotFound("cannot read '" + path + "'");
  return text.str();
}

}  // namespace souhra
