// Where Souhra finds the shipped workflows/, rules/ and web/static unless told otherwise: the
// source tree it was built from.
#pragma once

#include <string>

namespace souhra {

const std::string& ShippedSourceDir();

}  // namespace souhra
