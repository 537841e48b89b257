#include "engine/net/MasterBrowser.h"

#include <avahi-client/client.h>
#include <avahi-client/lookup.h>
#include <avahi-common/error.h>
#include <avahi-common/simple-watch.h>

#include <algorithm>
#include <vector>

namespace hw {

// Avahi's C callbacks, with the browser they report to.
struct MasterBrowserEvents {
  static void client(AvahiClient* client, AvahiClientState state, void* self) {
    auto* browser = static_cast<MasterBrowser*>(self);
    if (state == AVAHI_CLIENT_FAILURE && browser->problem_.empty())
      browser->problem_ = avahi_strerror(avahi_client_errno(client));
  }

  static void service(AvahiServiceBrowser*, AvahiIfIndex interface, AvahiProtocol protocol,
                      AvahiBrowserEvent event, const char* name, const char* type,
                      const char* domain, AvahiLookupResultFlags, void* self) {
    auto* browser = static_cast<MasterBrowser*>(self);
    if (event == AVAHI_BROWSER_FAILURE) {
      browser->problem_ = avahi_strerror(avahi_client_errno(browser->client_));
      return;
    }
    if (event != AVAHI_BROWSER_NEW) return;
    // A resolver that cannot start (the daemon went away) is noticed by `client`.
    avahi_service_resolver_new(browser->client_, interface, protocol, name, type, domain,
                               AVAHI_PROTO_INET, AvahiLookupFlags(0), resolved, self);
  }

  static void resolved(AvahiServiceResolver* resolver, AvahiIfIndex, AvahiProtocol,
                       AvahiResolverEvent event, const char*, const char*, const char*, const char*,
                       const AvahiAddress* address, uint16_t port, AvahiStringList* txt,
                       AvahiLookupResultFlags, void* self) {
    auto* browser = static_cast<MasterBrowser*>(self);
    if (event == AVAHI_RESOLVER_FOUND && !browser->found_) {
      std::vector<std::string> strings;
      for (AvahiStringList* entry = txt; entry; entry = avahi_string_list_get_next(entry))
        strings.emplace_back(reinterpret_cast<const char*>(avahi_string_list_get_text(entry)),
                             avahi_string_list_get_size(entry));
      std::optional<MasterAnnouncement> announcement = readAnnouncementTxt(strings);
      char host[AVAHI_ADDRESS_STR_MAX] = {};
      avahi_address_snprint(host, sizeof host, address);
      if (announcement && announcesWall(*announcement, browser->wall_))
        browser->found_ = FoundMaster{masterAt(host, port, announcement->httpPort), *announcement};
    }
    avahi_service_resolver_free(resolver);
  }
};

MasterBrowser::MasterBrowser(std::string wall) : wall_(std::move(wall)) {
  poll_ = avahi_simple_poll_new();
  if (!poll_) {
    problem_ = "out of memory";
    return;
  }
  int error = 0;
  client_ = avahi_client_new(avahi_simple_poll_get(poll_), AvahiClientFlags(0),
                             MasterBrowserEvents::client, this, &error);
  if (!client_) {
    problem_ = avahi_strerror(error);
    return;
  }
  browser_ =
      avahi_service_browser_new(client_, AVAHI_IF_UNSPEC, AVAHI_PROTO_INET, kMasterServiceType,
                                nullptr, AvahiLookupFlags(0), MasterBrowserEvents::service, this);
  if (!browser_) problem_ = avahi_strerror(avahi_client_errno(client_));
}

MasterBrowser::~MasterBrowser() {
  // Freeing the client frees its browser and resolvers.
  if (client_) avahi_client_free(client_);
  if (poll_) avahi_simple_poll_free(poll_);
}

std::optional<FoundMaster> MasterBrowser::find(std::chrono::milliseconds wait,
                                               const std::atomic<bool>& stop) {
  // Short turns, so that `stop` is seen within a tenth of a second.
  constexpr std::chrono::milliseconds kTurn{100};
  auto deadline = std::chrono::steady_clock::now() + wait;
  while (!found_ && problem_.empty() && !stop) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    if (avahi_simple_poll_iterate(poll_, static_cast<int>(std::min(left, kTurn).count())) != 0)
      break;
  }
  return found_;
}

}  // namespace hw
