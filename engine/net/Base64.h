#pragma once

#include <string>

namespace hw {

// RFC 4648 base64 (with padding): binary pictures inside JSON messages.
std::string base64Encode(const std::string& bytes);
// Throws std::runtime_error for anything that is not padded base64.
std::string base64Decode(const std::string& text);

}  // namespace hw
