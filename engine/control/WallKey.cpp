#include "engine/control/WallKey.h"

#include <random>

#include "config/InputError.h"

namespace hw {

bool wallKeysEqual(std::string_view given, std::string_view expected) {
  // Walk the expected key in full whatever `given` holds; the length leaks, the content does not.
  unsigned difference = given.size() == expected.size() ? 0u : 1u;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0u;
    difference |= g ^ static_cast<unsigned char>(expected[i]);
  }
  return difference == 0 && !expected.empty();
}

void requireLongEnoughWallKey(const std::string& key, const std::string& origin,
                              const std::string& where) {
  if (key.size() >= kMinWallKeyLength) return;
  throw InputError(origin, where,
                   "the wall key has " + std::to_string(key.size()) + " characters; at least " +
                       std::to_string(kMinWallKeyLength) +
                       " are needed (a master generates a 32-digit one when given none)");
}

std::optional<std::string> bearerToken(std::string_view header) {
  constexpr std::string_view scheme = "bearer ";
  if (header.size() <= scheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    char c = header[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != scheme[i]) return std::nullopt;
  }
  std::string_view token = header.substr(scheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return std::nullopt;
  return std::string(token);
}

std::string generateWallKey() {
  std::random_device random;  // /dev/urandom (getrandom) on Linux
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  for (int i = 0; i < 4; ++i) {
    unsigned word = random();
    for (int nibble = 0; nibble < 8; ++nibble) key += kHex[(word >> (nibble * 4)) & 0xF];
  }
  return key;
}

}  // namespace hw
