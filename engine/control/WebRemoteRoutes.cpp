#include <string>

#include "engine/control/ApiReplies.h"
#include "engine/control/ControlRoutes.h"
#include "engine/control/WebAssets.h"

namespace hw {
namespace {

void replyAsset(httplib::Response& res, const std::string& name) {
  const WebAsset* asset = findWebAsset(name);
  if (!asset) return replyError(res, 404, "no such file in the web remote: " + name);
  // Everything the page needs comes from this server; nothing may frame it.
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' blob: data:; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(asset->bytes.data(), asset->bytes.size(), std::string(asset->contentType));
}

}  // namespace

void mountWebRemoteRoutes(httplib::Server& server) {
  server.Get(
      "/", [](const httplib::Request&, httplib::Response& res) { replyAsset(res, "index.html"); });
  server.Get(R"(/remote/([A-Za-z0-9_\-]+\.[a-z]+))",
             [](const httplib::Request& req, httplib::Response& res) {
               replyAsset(res, req.matches[1].str());
             });
}

}  // namespace hw
