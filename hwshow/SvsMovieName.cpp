#include "hwshow/SvsMovieName.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowPaths.h"

namespace hw {
namespace {

constexpr double kWideAspect = 16.0 / 9.0;  // what `_1080p30` and `_hw5x3_810p30` displays are
constexpr int kMostPixels = 100'000;        // per side; a larger number is not a size

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "1024p30" -> stem tokens of the file name, split at '_', '.' and '-'.
std::vector<std::string> stemTokens(const std::string& uri) {
  std::string name = uriFileName(uri);
  std::size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  std::vector<std::string> tokens;
  std::string token;
  for (char c : name + "_") {
    if (c == '_' || c == '.' || c == '-') {
      if (!token.empty()) tokens.push_back(lowercase(token));
      token.clear();
    } else {
      token += c;
    }
  }
  return tokens;
}

int number(const std::string& digits) {
  return digits.size() > 6 ? 0 : std::stoi(digits);  // regex-checked digits only
}

// "30" -> 30/1, "2997" -> 30000/1001 (SVS writes NTSC rates without the point).
FrameRate rateFromTag(const std::string& digits) {
  if (digits.empty()) return {};
  double fps = number(digits);
  if (fps >= 1000) fps /= 100;
  return frameRateFromDecimal(fps).value_or(FrameRate{});
}

bool plausible(int width, int height) {
  return width > 0 && height > 0 && width <= kMostPixels && height <= kMostPixels;
}

}  // namespace

SvsMovieName readSvsMovieName(const std::string& uri, double aspect) {
  static const std::regex lines("(\\d{3,5})p(\\d{2,4})?");
  static const std::regex pixels("(\\d{3,5})x(\\d{3,5})(?:p(\\d{2,4}))?");
  static const std::regex hyperwall("hw(\\d{1,2})x(\\d{1,2})");
  static const std::regex rateOnly("(\\d{2})p");  // a frame folder's `_30p`: lines are 3+ digits
  if (!(aspect > 0 && std::isfinite(aspect))) aspect = kWideAspect;
  SvsMovieName name;
  std::vector<std::string> kept;
  int wallColumns = 0, wallRows = 0;  // `hw5x3`: the size is of one display of such a wall
  for (const std::string& token : stemTokens(uri)) {
    std::smatch m;
    if (std::regex_match(token, m, hyperwall)) {
      wallColumns = number(m[1]);
      wallRows = number(m[2]);
    } else if (std::regex_match(token, m, pixels)) {
      name.width = number(m[1]);
      name.height = number(m[2]);
      name.rate = rateFromTag(m[3]);
    } else if (std::regex_match(token, m, lines)) {
      name.height = number(m[1]);
      name.width = static_cast<int>(std::lround(name.height * (wallColumns ? kWideAspect : aspect)));
      name.rate = rateFromTag(m[2]);
    } else if (std::regex_match(token, m, rateOnly)) {
      name.rate = rateFromTag(m[1]);
    } else if (token == "4k") {
      name.width = 3840;
      name.height = 2160;
    } else if (token == "8k") {
      name.width = 7680;
      name.height = 4320;
    } else if (token == "webmhd") {  // SVS's HD WebM rendering
      name.width = 1920;
      name.height = 1080;
    } else {
      kept.push_back(token);
    }
  }
  if (wallColumns > 0 && wallRows > 0) {
    name.width *= wallColumns;
    name.height *= wallRows;
  }
  if (!plausible(name.width, name.height)) name.width = name.height = 0;
  for (const std::string& token : kept) name.version += (name.version.empty() ? "" : "_") + token;
  return name;
}

SvsMovieVersions chooseSvsMovieVersion(const std::vector<MediaCandidate>& movies, double aspect) {
  struct Version {
    std::string key;
    std::vector<MediaCandidate> files;
    long long largest = 0;  // pixels of its largest known size
  };
  std::vector<Version> versions;
  for (const MediaCandidate& movie : movies) {
    SvsMovieName name = readSvsMovieName(movie.uri, aspect);
    MediaCandidate file = movie;
    if (file.width <= 0 || file.height <= 0) {
      file.width = name.width;
      file.height = name.height;
    }
    auto found = std::find_if(versions.begin(), versions.end(),
                              [&](const Version& v) { return v.key == name.version; });
    if (found == versions.end()) found = versions.insert(versions.end(), {name.version, {}, 0});
    found->files.push_back(file);
    found->largest = std::max(found->largest, static_cast<long long>(file.width) * file.height);
  }
  SvsMovieVersions result;
  if (versions.empty()) return result;
  auto best = std::max_element(versions.begin(), versions.end(), [](const Version& a, const Version& b) {
    return a.largest < b.largest;  // the first of equals stays
  });
  result.shown = best->files;
  for (const Version& version : versions)
    if (&version != &*best)
      for (const MediaCandidate& file : version.files) result.others.push_back(uriFileName(file.uri));
  return result;
}

}  // namespace hw
