#include "config/NodeId.h"

namespace hw {

std::string nodeIdProblem(const std::string& id) {
  if (id.empty()) return "must not be empty";
  if (id.size() > kMaxNodeIdBytes)
    return "must be at most " + std::to_string(kMaxNodeIdBytes) + " bytes (got " +
           std::to_string(id.size()) + ")";
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f) return "must not contain control characters (newlines, tabs, ...)";
  return "";
}

}  // namespace hw
