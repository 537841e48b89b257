#include "engine/net/MasterAnnouncement.h"

#include <charconv>

namespace hw {
namespace {

constexpr std::size_t kMaxLabelBytes = 63;  // RFC 1035: one DNS label
constexpr std::size_t kMaxTxtBytes = 255;   // RFC 6763: one TXT string
constexpr const char* kWallKey = "wall=";

// `text` cut to at most `bytes`, never inside a UTF-8 character.
std::string cutUtf8(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string announcedWallName(const std::string& wall) {
  return cutUtf8(wall, kMaxTxtBytes - std::string(kWallKey).size());
}

// The whole number `text` holds, or -1.
int wholeNumber(const std::string& text) {
  int value = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : -1;
}

}  // namespace

std::string announcementInstanceName(const std::string& wall) {
  return cutUtf8(wall, kMaxLabelBytes);
}

std::vector<std::string> announcementTxt(const MasterAnnouncement& announcement) {
  return {kWallKey + announcedWallName(announcement.wall),
          "http=" + std::to_string(announcement.httpPort),
          "protocol=" + std::to_string(announcement.protocol)};
}

std::optional<MasterAnnouncement> readAnnouncementTxt(const std::vector<std::string>& txt) {
  MasterAnnouncement announcement;
  bool named = false;
  for (const auto& entry : txt) {
    auto equals = entry.find('=');
    if (equals == std::string::npos) continue;
    std::string key = entry.substr(0, equals);
    std::string value = entry.substr(equals + 1);
    if (key == "wall") {
      announcement.wall = value;
      named = true;
    } else if (key == "http") {
      announcement.httpPort = wholeNumber(value);
    } else if (key == "protocol") {
      announcement.protocol = wholeNumber(value);
    }
  }
  if (!named || announcement.httpPort < 1 || announcement.httpPort > 65535) return std::nullopt;
  return announcement;
}

bool announcesWall(const MasterAnnouncement& announcement, const std::string& wall) {
  return announcement.wall == announcedWallName(wall);
}

}  // namespace hw
