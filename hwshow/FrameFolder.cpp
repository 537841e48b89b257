#include "hwshow/FrameFolder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "hwshow/ImageFolderSource.h"
#include "hwshow/NaturalSort.h"
#include "hwshow/ShowPaths.h"

namespace fs = std::filesystem;

namespace hw {
namespace {

// Frame order is the order of the numbers in the names.
void sortFrames(std::vector<std::string>& files) {
  std::stable_sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    return naturalLess(uriFileName(a), uriFileName(b));
  });
}

// The folder's path segments, last first: ".../30p/NAME/" -> "NAME", "30p", ...
std::vector<std::string> segmentsFromLast(const std::string& folderUri, std::size_t count) {
  std::vector<std::string> segments;
  std::string path = folderUri.substr(0, folderUri.find_first_of("?#"));
  while (!path.empty() && path.back() == '/') path.pop_back();
  while (segments.size() < count && !path.empty()) {
    std::size_t slash = path.rfind('/');
    segments.push_back(slash == std::string::npos ? path : path.substr(slash + 1));
    path = slash == std::string::npos ? "" : path.substr(0, slash);
  }
  return segments;
}

// The value of every href="..." (or '...') of `html`, in order.
std::vector<std::string> hrefs(const std::string& html) {
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<std::string> links;
  for (std::size_t at = lower.find("href="); at != std::string::npos;
       at = lower.find("href=", at + 5)) {
    std::size_t start = at + 5;
    if (start >= html.size()) break;
    char quote = html[start];
    if (quote != '"' && quote != '\'') continue;
    std::size_t end = html.find(quote, start + 1);
    if (end == std::string::npos) break;
    links.push_back(html.substr(start + 1, end - start - 1));
  }
  return links;
}

}  // namespace

bool isNumberedFrame(const std::string& name) {
  if (!isImageFile(name)) return false;
  std::string stem = fs::path(name).stem().string();
  std::size_t digits = stem.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(stem[digits - 1]))) --digits;
  if (digits == stem.size()) return false;  // no number at the end
  return digits == 0 || std::string("._-").find(stem[digits - 1]) != std::string::npos ||
         stem.size() - digits >= 3;  // "frame0001": a zero-padded count
}

std::vector<std::string> listFrameFolder(const std::string& folder) {
  std::vector<std::string> frames;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] != '.' && isNumberedFrame(name) && it->is_regular_file(error))
      frames.push_back(it->path().lexically_normal().string());
  }
  sortFrames(frames);
  return frames;
}

std::vector<std::string> framesInListing(const std::string& html, const std::string& folderUrl) {
  std::vector<std::string> frames;
  for (const std::string& link : hrefs(html)) {
    if (link.empty() || link.find_first_of("?#") != std::string::npos) continue;
    std::string url = resolveReference(link, folderUrl);
    if (url.rfind(folderUrl, 0) != 0) continue;  // another folder or host
    std::string name = url.substr(folderUrl.size());
    if (name.find('/') != std::string::npos || !isNumberedFrame(name)) continue;
    if (std::find(frames.begin(), frames.end(), url) == frames.end()) frames.push_back(url);
  }
  sortFrames(frames);
  return frames;
}

std::vector<std::string> framesInCachedListing(const std::string& folderUrl,
                                               const LocalMirror& mirror) {
  std::optional<std::string> listing = mirror.mediaPath(folderUrl);
  if (!listing || !isRegularFile(*listing)) return {};
  try {
    return framesInListing(readTextFile(*listing), folderUrl);
  } catch (const InputError&) {
    return {};  // unreadable is as good as absent: fetch again
  }
}

SvsMovieName readFrameFolderName(const std::string& folderUri) {
  SvsMovieName said;
  for (const std::string& segment : segmentsFromLast(folderUri, 2)) {
    SvsMovieName name = readSvsMovieName(segment, 0.0);
    if (said.width == 0 && name.width > 0) {
      said.width = name.width;
      said.height = name.height;
    }
    if (!said.rate.known()) said.rate = name.rate;
  }
  return said;
}

}  // namespace hw
