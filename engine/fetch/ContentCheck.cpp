#include "engine/fetch/ContentCheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace hw {
namespace {

std::string mediaType(const std::string& contentType) {
  std::string type = contentType.substr(0, contentType.find(';'));
  type.erase(
      std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
      type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

bool startsWith(const std::string& bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), bytes.begin());
}

bool looksLikeImage(const std::string& head) {
  static constexpr std::array<std::string_view, 7> kSignatures = {
      std::string_view("\x89PNG\r\n\x1a\n", 8),
      std::string_view("\xff\xd8\xff", 3),
      std::string_view("II*\0", 4),
      std::string_view("MM\0*", 4),
      std::string_view("GIF8", 4),
      std::string_view("BM", 2),
      std::string_view("RIFF", 4)};
  return std::any_of(kSignatures.begin(), kSignatures.end(),
                     [&](std::string_view s) { return startsWith(head, s); });
}

// MP4 and QuickTime files open with a box: 4 bytes of size, then its type;
// Matroska and WebM with the EBML magic number.
bool looksLikeMovie(const std::string& head) {
  static constexpr std::array<std::string_view, 6> kFirstBoxes = {"ftyp", "moov", "mdat",
                                                                   "wide", "free", "skip"};
  if (startsWith(head, std::string_view("\x1a\x45\xdf\xa3", 4))) return true;
  return head.size() >= 8 && std::any_of(kFirstBoxes.begin(), kFirstBoxes.end(),
                                         [&](std::string_view box) { return head.compare(4, 4, box) == 0; });
}

bool looksLikeHtml(const std::string& head) {
  std::string lower = head.substr(0, 64);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::size_t first = lower.find_first_not_of(" \t\r\n");
  return first != std::string::npos &&
         (lower.compare(first, 5, "<!doc") == 0 || lower.compare(first, 5, "<html") == 0);
}

}  // namespace

std::optional<std::string> contentProblem(ContentKind kind, const std::string& contentType,
                                          const std::string& head) {
  std::string type = mediaType(contentType);
  if (kind == ContentKind::Listing) {
    if (type == "text/html" || looksLikeHtml(head)) return std::nullopt;
    return "the server sent " + (type.empty() ? std::string("something") : type) +
           ", not a folder listing";
  }
  if (type == "text/html" || looksLikeHtml(head)) {
    return "the server sent an HTML page, not the file";
  }
  switch (kind) {
    case ContentKind::Image:
      if (!type.empty() && type.rfind("image/", 0) != 0 && type != "application/octet-stream") {
        return "the server sent " + type + ", not an image";
      }
      if (!looksLikeImage(head)) return "the file is not a PNG, JPEG, TIFF, GIF, BMP or WebP image";
      return std::nullopt;
    case ContentKind::Movie:
      if (!type.empty() && type.rfind("video/", 0) != 0 && type != "application/octet-stream" &&
          type != "application/mp4") {
        return "the server sent " + type + ", not a movie";
      }
      if (!looksLikeMovie(head)) return "the file is not an MP4, QuickTime, WebM or Matroska movie";
      return std::nullopt;
    case ContentKind::PageJson: {
      std::size_t first = head.find_first_not_of(" \t\r\n");
      if (first == std::string::npos || head[first] != '{') return "the page is not a JSON object";
      return std::nullopt;
    }
    case ContentKind::Show:
      if (head.find('\0') != std::string::npos) return "the .hwshow file is binary, not text";
      return std::nullopt;
    case ContentKind::Listing:
      return std::nullopt;  // checked above
  }
  return std::nullopt;
}

}  // namespace hw
