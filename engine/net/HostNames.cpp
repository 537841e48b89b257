#include "engine/net/HostNames.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <unistd.h>

namespace hw {

std::string thisHostName() {
  char host[256] = {};
  return ::gethostname(host, sizeof host - 1) == 0 ? host : "";
}

std::vector<std::string> thisHostNames() {
  std::vector<std::string> names;
  if (std::string host = thisHostName(); !host.empty()) names.push_back(host);
  ifaddrs* interfaces = nullptr;
  if (::getifaddrs(&interfaces) != 0) return names;
  for (ifaddrs* i = interfaces; i; i = i->ifa_next) {
    if (!i->ifa_addr) continue;
    char text[INET6_ADDRSTRLEN] = {};
    int family = i->ifa_addr->sa_family;
    const void* address = nullptr;
    if (family == AF_INET)
      address = &reinterpret_cast<const sockaddr_in*>(i->ifa_addr)->sin_addr;
    else if (family == AF_INET6)
      address = &reinterpret_cast<const sockaddr_in6*>(i->ifa_addr)->sin6_addr;
    if (address && ::inet_ntop(family, address, text, sizeof text)) names.emplace_back(text);
  }
  ::freeifaddrs(interfaces);
  return names;
}

}  // namespace hw
