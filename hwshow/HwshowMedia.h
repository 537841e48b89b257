#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/JsonObjectReader.h"
#include "hwshow/Playlist.h"
#include "hwshow/ShowPaths.h"

namespace hw {

// The files a .hwshow "media" value names, resolved and checked, before one
// size is chosen for its target.
struct MediaSpec {
  MediaKind kind = MediaKind::Image;
  std::vector<MediaCandidate> candidates;  // absolute paths or URLs, every size offered
  MovieFacts movie;  // movies: "fps" and "frames" when written (every size shares them)
  std::vector<std::string> frames;  // a frame sequence's files, in order (MediaRef::frames)
};

// Reads "pic.png", {"uri": "pic.png", "width": 1920, "height": 1080, "kind": "image"}
// or {"sizes": [{"uri": ..., "width": ..., "height": ...}, ...], "kind": "movie"}; a movie
// object may add "fps" ("30000/1001", 25, 29.97) and "frames" (a count) together
// at `pointer` of `origin.file`. Local files must exist; their size is read
// from their header unless given. Movie files (.mp4, .mov, .m4v, .webm, .mkv)
// are movies unless "kind" says otherwise.
MediaSpec readMediaSpec(const nlohmann::json& value, const std::string& pointer,
                        const ShowOrigin& origin);

// A frame sequence from `folderKey` ("folder" in a media object, "frames" in
// a cue), "fps", "files", "width" and "height" of `reader`; the caller
// rejects other keys.
MediaSpec readFrameSequence(JsonObjectReader& reader, const std::string& folderKey,
                            const ShowOrigin& origin);

// True when the file name ends in a movie extension.
bool looksLikeMovie(const std::string& uri);

}  // namespace hw
