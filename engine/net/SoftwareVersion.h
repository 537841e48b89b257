#pragma once

#include <string>

namespace hw {

// This build's version ("0.1.0", from CMake's project version): `--version`,
// and what a node tells the master so operators see which build each panel runs.
const std::string& softwareVersion();

}  // namespace hw
