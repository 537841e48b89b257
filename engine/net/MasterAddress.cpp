#include "engine/net/MasterAddress.h"

#include "config/InputError.h"
#include "engine/net/HostPort.h"
#include "engine/net/Protocol.h"

namespace hw {
namespace {

std::string urlHost(const std::string& host) {
  return host.find(':') == std::string::npos ? host : "[" + host + "]";
}

}  // namespace

MasterAddress parseMasterAddress(const std::string& text, const std::string& option) {
  MasterAddress address;
  auto scheme = text.find("://");
  if (scheme == std::string::npos) {
    HostPort wall = parseHostPort(text, kDefaultPort, option);
    return masterAt(wall.host, wall.port, kDefaultHttpPort);
  }
  std::string name = text.substr(0, scheme);
  if (name != "http" && name != "https")
    throw InputError(option, "",
                     "\"" + text + "\" is not HOST, HOST:PORT or an http:// or https:// URL");
  std::string rest = text.substr(scheme + 3);
  std::string authority = rest.substr(0, rest.find('/'));
  HostPort http = parseHostPort(authority, name == "https" ? 443 : 80, option);
  address.host = http.host;
  address.wallPort = kDefaultPort;
  address.httpUrl = text;
  while (!address.httpUrl.empty() && address.httpUrl.back() == '/') address.httpUrl.pop_back();
  return address;
}

MasterAddress masterAt(const std::string& host, int wallPort, int httpPort) {
  return {host, wallPort, "http://" + urlHost(host) + ":" + std::to_string(httpPort)};
}

}  // namespace hw
