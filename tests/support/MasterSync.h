#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace hw::test {

// A master's sync figures (GET /api/sync on 127.0.0.1:`httpPort` with `key`);
// null when it does not answer.
inline nlohmann::json masterSync(int httpPort, const std::string& key) {
  httplib::Client client("127.0.0.1", httpPort);
  client.set_connection_timeout(2);
  client.set_read_timeout(5);
  auto reply = client.Get("/api/sync", {{"Authorization", "Bearer " + key}});
  if (!reply || reply->status != 200) return nullptr;
  return nlohmann::json::parse(reply->body).at("status");
}

}  // namespace hw::test
