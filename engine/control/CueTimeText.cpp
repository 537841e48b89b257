#include "engine/control/CueTimeText.h"

#include <cctype>
#include <cmath>
#include <vector>

namespace hw {
namespace {

constexpr std::size_t kMostDigits = 9;  // per part: no overflow, and far past any cue

bool digitsOnly(const std::string& text) {
  if (text.empty() || text.size() > kMostDigits) return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::optional<double> parseCueTime(const std::string& text) {
  std::vector<std::string> parts{""};
  for (char c : text) {
    if (c == ':')
      parts.emplace_back();
    else
      parts.back() += c;
  }
  if (parts.size() > 3) return std::nullopt;
  // The fraction belongs to the seconds, the last part.
  std::string& last = parts.back();
  std::string fraction;
  if (std::size_t dot = last.find('.'); dot != std::string::npos) {
    fraction = last.substr(dot + 1);
    last.resize(dot);
    if (!digitsOnly(fraction)) return std::nullopt;
  }
  double seconds = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (!digitsOnly(part)) return std::nullopt;
    long value = std::stol(part);
    // After a colon: two digits, under 60.
    if (i > 0 && (part.size() != 2 || value >= 60)) return std::nullopt;
    seconds = seconds * 60 + static_cast<double>(value);
  }
  // By hand: std::stod would follow the C locale's decimal point.
  if (!fraction.empty()) seconds += std::stol(fraction) / std::pow(10.0, fraction.size());
  return seconds;
}

}  // namespace hw
