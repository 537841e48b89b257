#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace hw::cli {

// What the master answered, whatever the status.
struct MasterReply {
  long status = 0;          // HTTP status
  std::string body;         // bytes of the body
  std::string contentType;  // Content-Type header
  std::map<std::string, std::string> headers;  // every header, by lower-case name
};

// The master did not answer at all (refused, timed out, no route, bad name).
class MasterUnreachable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Talks to the control API (docs/api.md) with libcurl, sending the wall key
// as a bearer token when one is known.
class MasterClient {
 public:
  MasterClient(std::string masterUrl, std::string key);

  MasterReply get(const std::string& path) const;
  MasterReply post(const std::string& path, const nlohmann::json& body) const;

  const std::string& url() const { return url_; }

 private:
  MasterReply perform(const std::string& path, const std::string* postBody) const;

  std::string url_;  // without a trailing slash
  std::string key_;
};

}  // namespace hw::cli
