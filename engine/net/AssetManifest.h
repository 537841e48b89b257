#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"

namespace hw {

// One file of the show, named by its content.
struct AssetEntry {
  std::string sha256;      // hex digest of the content: its name on the wire and in caches
  std::uint64_t size = 0;  // bytes
  std::string name;        // the file's own name, for progress lines only
  std::string path;        // where the master reads it (never sent to nodes)
};

// Every local file a show uses. The master serves exactly these, by digest,
// so no request can name any other file of its disk.
struct AssetManifest {
  std::vector<AssetEntry> entries;  // in order of first use by the show

  const AssetEntry* find(const std::string& sha256) const;
};

// URIs in a playlist sent to nodes refer to served files as "asset:<sha256>".
constexpr const char* kAssetScheme = "asset:";

// Hashes every local media file of `playlist`, and the local copy in
// `mirror` of every http(s) URL that has one (for a movie, else its stand-in
// movie: localMovieFile), and rewrites their URIs to the asset scheme. A URL
// without either stays a URL: nodes never fetch it (they show the tiler's
// stand-in card at its known size), so no node needs to reach beyond the
// wall's LAN. A frame sequence's frames are assets one by one (its folder
// stays as named; a frame not here stays as it is, a missing frame). Throws
// std::runtime_error naming a file that cannot be read.
AssetManifest collectAssets(Playlist& playlist, const LocalMirror& mirror);

nlohmann::json manifestToJson(const AssetManifest& manifest);
// Strict (InputError); paths stay empty on the node side.
AssetManifest manifestFromJson(const nlohmann::json& value, const std::string& origin);

// The digests of the files node (col, row) needs to draw its part of the
// show (the items that fall on its display: itemFallsOnDisplay; its own
// movie of a cue with display movies instead), in order of first use, each once.
std::vector<std::string> assetsForDisplay(const Playlist& playlist, const WallConfig& wall,
                                          int col, int row);

}  // namespace hw
