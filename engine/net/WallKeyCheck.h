#pragma once

#include <string>

namespace hw {

// True when `presented` is the wall key `expected`, in time that depends on
// neither key: both are hashed to fixed-size digests first (so the length
// leaks nothing either) and the digests compared with CRYPTO_memcmp. A plain
// == stops at the first differing byte, which lets a peer on the LAN guess a
// key byte by byte from response times.
bool isWallKey(const std::string& presented, const std::string& expected);

}  // namespace hw
