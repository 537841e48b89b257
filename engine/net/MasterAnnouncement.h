#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hw {

// How a master announces its wall through DNS-SD and how nodes and `ctl` read
// it back (docs/protocol.md, "Finding the master"): a `_hyperwall._tcp`
// service on the wall port whose TXT records name the wall and the HTTP port.
// Pure: what is published and what a resolved service means, no Avahi.
constexpr const char* kMasterServiceType = "_hyperwall._tcp";

struct MasterAnnouncement {
  std::string wall;  // the wall file's "name": what nodes and ctl browse for
  int httpPort = 0;  // control API, web remote and assets (`master --http-port`)
  int protocol = 0;  // the master's wire protocol version (Protocol.h)
};

// The DNS-SD instance name: the wall's name cut to the 63 bytes a DNS label
// holds, at a UTF-8 character boundary.
std::string announcementInstanceName(const std::string& wall);

// "wall=NAME" (cut to the 255 bytes a TXT string holds), "http=PORT", "protocol=N".
std::vector<std::string> announcementTxt(const MasterAnnouncement& announcement);

// The announcement a resolved service's TXT strings carry; nullopt when they
// are not a hyperwall master's (no wall, an HTTP port out of 1..65535).
std::optional<MasterAnnouncement> readAnnouncementTxt(const std::vector<std::string>& txt);

// Whether `announcement` is the master of the wall named `wall` (compared as
// announcementTxt cuts it).
bool announcesWall(const MasterAnnouncement& announcement, const std::string& wall);

}  // namespace hw
