#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hw {

// Compares in time that depends only on the lengths, not on where the first
// difference is, so a remote cannot guess the key a byte at a time.
bool wallKeysEqual(std::string_view given, std::string_view expected);

// The token of an "Authorization: Bearer TOKEN" header value, if it is one.
std::optional<std::string> bearerToken(std::string_view authorizationHeader);

// Fewer characters than this are guessable over the LAN: refused wherever a key is given.
constexpr std::size_t kMinWallKeyLength = 16;

// Throws InputError naming `origin` (a flag, "$HYPERWALL_KEY", a file and
// field) when `key` is shorter than kMinWallKeyLength characters.
void requireLongEnoughWallKey(const std::string& key, const std::string& origin,
                              const std::string& where = "");

// A new random key: 32 lowercase hex digits (128 bits) from the OS's random source.
std::string generateWallKey();

}  // namespace hw
