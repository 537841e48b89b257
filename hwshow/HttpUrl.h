#pragma once

#include <optional>
#include <string>

namespace hw {

// An http(s) URL split into what the show loader and the local mirror need.
struct HttpUrl {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // lower case, with ":port" when the URL names one
  std::string path;    // starts with '/', dot segments removed
  std::string rest;    // "?query#fragment" as written, or ""

  std::string toString() const { return scheme + "://" + host + path + rest; }
};

// Parses "http(s)://host[:port]/path?query#fragment"; nullopt for anything
// else, including hosts that could step outside a folder ("..").
std::optional<HttpUrl> parseHttpUrl(const std::string& text);

bool isHttpUrl(const std::string& text);

// RFC 3986 section 5.2.4 on an absolute path: "/a/./b/../c" -> "/a/c".
// Never climbs above "/".
std::string removeDotSegments(const std::string& path);

}  // namespace hw
