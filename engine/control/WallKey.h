#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hw {

// Compares in time that depends only on the lengths, not on where the first
// difference is, so a remote cannot guess the key a byte at a time.
bool wallKeysEqual(std::string_view given, std::string_view expected);

// The token of an "Authorization: Bearer TOKEN" header value, if it is one.
std::optional<std::string> bearerToken(std::string_view authorizationHeader);

// A new random key: 32 lowercase hex digits (128 bits) from the OS's random source.
std::string generateWallKey();

}  // namespace hw
