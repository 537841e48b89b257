#include "engine/net/SoftwareVersion.h"

namespace hw {

const std::string& softwareVersion() {
  static const std::string version = HYPERWALL_VERSION;  // set for this file alone: see CMakeLists
  return version;
}

}  // namespace hw
