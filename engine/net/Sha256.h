#pragma once

#include <memory>
#include <string>

namespace hw {

// SHA-256 through OpenSSL's libcrypto (Debian libssl-dev), as lowercase hex.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, std::size_t size);
  std::string hexDigest();  // finishes the hash; call once

  static std::string ofText(const std::string& bytes);
  // Throws std::runtime_error when the file cannot be read.
  static std::string ofFile(const std::string& path);

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// True for 64 lowercase hex digits: the only asset names the network accepts.
bool isSha256Hex(const std::string& text);

}  // namespace hw
