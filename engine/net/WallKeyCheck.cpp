#include "engine/net/WallKeyCheck.h"

#include <openssl/crypto.h>

#include "engine/net/Sha256.h"

namespace hw {

bool isWallKey(const std::string& presented, const std::string& expected) {
  std::string a = Sha256::ofText(presented);
  std::string b = Sha256::ofText(expected);
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace hw
