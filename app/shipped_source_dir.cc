#include "app/shipped_source_dir.h"

namespace souhra {

// Only this file is compiled with the path, so the rest of the app compiles the same in any
// checkout.
const std::string& ShippedSourceDir() {
  static const std::string path = SOUHRA_SOURCE_DIR;
  return path;
}

}  // namespace souhra
