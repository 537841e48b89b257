#include "engine/control/ShowSourceCheck.h"

#include <algorithm>
#include <regex>

#include "engine/control/WallController.h"

namespace hw {
namespace fs = std::filesystem;
namespace {

bool isInside(const fs::path& candidate, const fs::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), candidate.begin(), candidate.end()).first ==
         folder.end();
}

[[noreturn]] void refuse(RefusalReason reason, const std::string& message) {
  throw CommandRefused(reason, message);
}

std::string vetUrl(const std::string& source) {
  static const std::regex svsPage(R"(https?://svs\.gsfc\.nasa\.gov/(\d{1,9})/?)");
  static const std::regex hwshowUrl(R"(https?://[A-Za-z0-9.\-]+(:\d{1,5})?/[^\s?#]*\.hwshow)");
  if (std::regex_match(source, svsPage) || std::regex_match(source, hwshowUrl)) return source;
  refuse(RefusalReason::BadRequest,
         "source URL must be an SVS page (https://svs.gsfc.nasa.gov/NNNNN/) or end in .hwshow: " +
             source);
}

std::string vetPath(const std::string& source, const std::vector<fs::path>& showFolders) {
  if (showFolders.empty()) {
    refuse(RefusalReason::Forbidden, "this wall loads no local files (no show folders configured)");
  }
  fs::path given(source);
  if (given.is_relative()) given = showFolders.front() / given;
  std::error_code error;
  fs::path resolved = fs::weakly_canonical(given, error);
  if (error) refuse(RefusalReason::BadRequest, "cannot resolve " + source + ": " + error.message());
  bool allowed = std::any_of(showFolders.begin(), showFolders.end(), [&](const fs::path& folder) {
    std::error_code folderError;
    fs::path root = fs::weakly_canonical(folder, folderError);
    return !folderError && isInside(resolved, root);
  });
  if (!allowed) refuse(RefusalReason::Forbidden, source + " is outside the allowed show folders");
  if (!fs::exists(resolved, error)) refuse(RefusalReason::NotFound, "no such show: " + source);
  return resolved.string();
}

}  // namespace

std::string vetShowSource(const std::string& source, const std::vector<fs::path>& showFolders) {
  if (source.empty()) refuse(RefusalReason::BadRequest, "source is empty");
  if (source.size() > 2048) refuse(RefusalReason::BadRequest, "source is longer than 2048 bytes");
  if (std::any_of(source.begin(), source.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    refuse(RefusalReason::BadRequest, "source holds control characters");
  }
  static const std::regex pageId(R"(\d{1,9})");
  if (std::regex_match(source, pageId)) return source;
  static const std::regex scheme(R"([A-Za-z][A-Za-z0-9+.\-]*://.*)");
  if (std::regex_match(source, scheme)) return vetUrl(source);
  return vetPath(source, showFolders);
}

}  // namespace hw
