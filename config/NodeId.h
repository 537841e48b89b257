#pragma once

#include <cstddef>
#include <string>

namespace hw {

// Longest node id a wall file or a hello may use.
constexpr std::size_t kMaxNodeIdBytes = 64;  // bytes

// "" when `id` can name a node, else what is wrong: empty, over kMaxNodeIdBytes,
// or holding a control character (ids go into log lines, file names and URLs).
std::string nodeIdProblem(const std::string& id);

}  // namespace hw
