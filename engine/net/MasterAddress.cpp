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
    address.host = wall.host;
    address.wallPort = wall.port;
    address.httpUrl = "http://" + urlHost(wall.host) + ":" + std::to_string(kDefaultHttpPort);
    return address;
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

}  // namespace hw
