#pragma once

#include <string>

namespace hw {

// Replaces `path` with `bytes` so that a crash at any moment leaves either the
// old file or the new one, never half of it: write a temp file beside it,
// flush it to disk, rename it over. Throws std::runtime_error on failure.
void writeFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace hw
