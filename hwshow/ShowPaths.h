#pragma once

#include <string>

namespace hw {

// Where a show's relative references point. A show read from disk resolves
// against its absolute folder; a show that came from a URL (a page's companion
// .hwshow from the local mirror) resolves against that URL's folder, so its
// media stay URLs.
struct ShowOrigin {
  std::string file;  // the file read, as named to the user (errors, Cue::origin)
  std::string base;  // absolute folder path, or URL ending in '/'
};

// The origin of a local file: its folder, made absolute.
ShowOrigin localOrigin(const std::string& file);

// "asset:<64 lowercase hex digits>": a file named by its SHA-256, as a wall's
// master names the files it serves to its nodes (docs/protocol.md). Like a
// URL it names no local file, so it is kept as written and never checked on disk.
bool isAssetReference(const std::string& ref);

// The last path segment of a path or URL, query and fragment left out:
// "https://x/a/b.mp4?v=2" -> "b.mp4", "/x/frames/NAME/" -> "NAME/". Names
// media in titles and messages.
std::string uriFileName(const std::string& uri);

// `ref` as written in a show, resolved against `base`: http(s) URLs and asset
// references as they are, absolute paths as they are (on a URL base, "/x" is the host's "/x"),
// anything else joined to the base and normalised.
std::string resolveReference(const std::string& ref, const std::string& base);

// The file a nested source names, for messages and reading: `ref` joined to the
// folder of `file` and normalised, relative if `file` was.
std::string siblingPath(const std::string& file, const std::string& ref);

// True for an existing regular file. Never throws: names from web pages may be
// too long or otherwise impossible as paths, which only means "not here".
bool isRegularFile(const std::string& path);

// `uri` for a show written into `baseDir`: relative when it lies inside that
// folder, else unchanged (absolute paths, URLs, asset references).
std::string relativeReference(const std::string& uri, const std::string& baseDir);

}  // namespace hw
