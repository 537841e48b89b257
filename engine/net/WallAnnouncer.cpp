#include "engine/net/WallAnnouncer.h"

#include <avahi-client/client.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/thread-watch.h>

namespace hw {
namespace {

constexpr const char* kNotAnnounced =
    "not announced through DNS-SD (nodes and ctl need --master or the wall file's \"master\")";

}  // namespace

// Avahi's C callbacks, with the announcer they report to; they run on the
// threaded poll's thread (or in the constructor, before it starts).
struct WallAnnouncerEvents {
  static void client(AvahiClient* client, AvahiClientState state, void* self) {
    auto* announcer = static_cast<WallAnnouncer*>(self);
    announcer->client_ = client;  // the callback may come before avahi_client_new returns
    switch (state) {
      case AVAHI_CLIENT_S_RUNNING:
        announcer->saidNoDaemon_ = false;
        announcer->publish();
        break;
      case AVAHI_CLIENT_CONNECTING:
        if (!announcer->saidNoDaemon_)
          announcer->log_("no Avahi daemon: " + std::string(kNotAnnounced) +
                          "; announcing once one starts");
        announcer->saidNoDaemon_ = true;
        break;
      case AVAHI_CLIENT_S_COLLISION:
      case AVAHI_CLIENT_S_REGISTERING:
        announcer->withdraw();
        break;
      case AVAHI_CLIENT_FAILURE:
        // The daemon went away: a new client waits for it to come back.
        announcer->group_ = nullptr;  // freed with its client
        avahi_client_free(client);
        announcer->client_ = nullptr;
        announcer->connect();
        break;
    }
  }

  static void group(AvahiEntryGroup*, AvahiEntryGroupState state, void* self) {
    auto* announcer = static_cast<WallAnnouncer*>(self);
    if (state == AVAHI_ENTRY_GROUP_ESTABLISHED) {
      announcer->log_("announced as wall \"" + announcer->announcement_.wall +
                      "\" through DNS-SD (" + kMasterServiceType + " \"" + announcer->name_ +
                      "\", port " + std::to_string(announcer->wallPort_) + ")");
    } else if (state == AVAHI_ENTRY_GROUP_COLLISION) {
      char* other = avahi_alternative_service_name(announcer->name_.c_str());
      announcer->log_("the DNS-SD name \"" + announcer->name_ + "\" is taken: announcing as \"" +
                      other + "\"");
      announcer->name_ = other;
      avahi_free(other);
      announcer->withdraw();
      announcer->publish();
    } else if (state == AVAHI_ENTRY_GROUP_FAILURE) {
      announcer->log_("DNS-SD announcement failed: " +
                      std::string(avahi_strerror(avahi_client_errno(announcer->client_))));
    }
  }
};

WallAnnouncer::WallAnnouncer(MasterAnnouncement announcement, int wallPort, Log log)
    : announcement_(std::move(announcement)),
      wallPort_(wallPort),
      log_(std::move(log)),
      name_(announcementInstanceName(announcement_.wall)) {
  poll_ = avahi_threaded_poll_new();
  if (!poll_) {
    log_("DNS-SD announcement failed: out of memory");
    return;
  }
  connect();
  avahi_threaded_poll_start(poll_);
}

WallAnnouncer::~WallAnnouncer() {
  if (!poll_) return;
  avahi_threaded_poll_stop(poll_);
  if (client_) avahi_client_free(client_);  // withdraws the service with its group
  avahi_threaded_poll_free(poll_);
}

void WallAnnouncer::connect() {
  int error = 0;
  // NO_FAIL: without a daemon the client waits for one (AVAHI_CLIENT_CONNECTING).
  client_ = avahi_client_new(avahi_threaded_poll_get(poll_), AVAHI_CLIENT_NO_FAIL,
                             WallAnnouncerEvents::client, this, &error);
  // Without even a system bus to wait on, it never comes.
  if (!client_)
    log_("no Avahi daemon (" + std::string(avahi_strerror(error)) + "): " + kNotAnnounced);
}

void WallAnnouncer::publish() {
  if (!group_) group_ = avahi_entry_group_new(client_, WallAnnouncerEvents::group, this);
  if (!group_) {
    log_("DNS-SD announcement failed: " + std::string(avahi_strerror(avahi_client_errno(client_))));
    return;
  }
  AvahiStringList* txt = nullptr;
  for (const auto& entry : announcementTxt(announcement_))
    txt = avahi_string_list_add(txt, entry.c_str());
  int error = avahi_entry_group_add_service_strlst(
      group_, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, AvahiPublishFlags(0), name_.c_str(),
      kMasterServiceType, nullptr, nullptr, static_cast<uint16_t>(wallPort_), txt);
  avahi_string_list_free(txt);
  if (error == AVAHI_ERR_COLLISION) {
    // Taken locally already: the group's collision path picks another name.
    WallAnnouncerEvents::group(group_, AVAHI_ENTRY_GROUP_COLLISION, this);
    return;
  }
  if (error == 0) error = avahi_entry_group_commit(group_);
  if (error < 0) log_("DNS-SD announcement failed: " + std::string(avahi_strerror(error)));
}

void WallAnnouncer::withdraw() {
  if (group_) avahi_entry_group_free(group_);
  group_ = nullptr;
}

}  // namespace hw
