#include "engine/net/AssetManifest.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "config/InputError.h"
#include "config/JsonObjectReader.h"
#include "engine/movie/MovieProbe.h"
#include "engine/net/Sha256.h"
#include "hwshow/ShowPaths.h"
#include "tiler/Placement.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

bool isRemote(const std::string& uri) {
  return uri.rfind("http://", 0) == 0 || uri.rfind("https://", 0) == 0;
}

}  // namespace

const AssetEntry* AssetManifest::find(const std::string& sha256) const {
  for (const auto& entry : entries)
    if (entry.sha256 == sha256) return &entry;
  return nullptr;
}

AssetManifest collectAssets(Playlist& playlist, const LocalMirror& mirror) {
  AssetManifest manifest;
  std::map<std::string, std::string> digestOf;  // path -> sha256
  // `movie`: the item whose URI this is, when a movie (nullptr otherwise).
  auto serve = [&](std::string& uri, const MediaRef* movie) {
    if (uri.empty() || uri.rfind(kAssetScheme, 0) == 0) return;
    std::string path = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
    if (isRemote(uri)) {
      // A movie not downloaded is served as its stand-in movie, made by the
      // master's probe, so every node plays the same file.
      std::string copy =
          movie ? localMovieFile(*movie, mirror) : mirror.mediaPath(uri).value_or("");
      std::error_code ec;
      if (copy.empty() || !std::filesystem::is_regular_file(copy, ec)) return;
      path = copy;
    }
    auto known = digestOf.find(path);
    if (known == digestOf.end()) {
      std::string digest = Sha256::ofFile(path);
      known = digestOf.emplace(path, digest).first;
      if (!manifest.find(digest))
        manifest.entries.push_back({digest, std::filesystem::file_size(path),
                                    std::filesystem::path(path).filename().string(), path});
    }
    uri = kAssetScheme + known->second;
  };
  for (auto& cue : playlist.cues) {
    for (auto& item : cue.items) {
      // A frame sequence's folder names no file: its frames are served one by one.
      if (!item.media.isFrameSequence())
        serve(item.media.uri, item.media.kind == MediaKind::Movie ? &item.media : nullptr);
      for (std::string& frame : item.media.frames)
        if (isRemote(frame) || isRegularFile(frame)) serve(frame, nullptr);
    }
    for (auto& [id, movie] : cue.displayMovies) serve(movie, nullptr);
  }
  return manifest;
}

nlohmann::json manifestToJson(const AssetManifest& manifest) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& entry : manifest.entries)
    list.push_back({{"sha256", entry.sha256}, {"size", entry.size}, {"name", entry.name}});
  return list;
}

AssetManifest manifestFromJson(const nlohmann::json& value, const std::string& origin) {
  AssetManifest manifest;
  if (!value.is_array()) throw InputError(origin, "/assets", "must be an array");
  for (std::size_t i = 0; i < value.size(); ++i) {
    JsonObjectReader entry(value[i], origin, "/assets/" + std::to_string(i));
    AssetEntry asset;
    asset.sha256 = entry.string("sha256");
    if (!isSha256Hex(asset.sha256)) entry.fail("sha256", "must be 64 lowercase hex digits");
    const nlohmann::json* size = entry.find("size");
    if (!size || !size->is_number_unsigned()) entry.fail("size", "must be a byte count");
    asset.size = size->get<std::uint64_t>();
    asset.name = entry.string("name", "");
    entry.rejectUnknownKeys();
    manifest.entries.push_back(asset);
  }
  return manifest;
}

std::vector<std::string> assetsForDisplay(const Playlist& playlist, const WallConfig& wall, int col,
                                          int row) {
  std::vector<std::string> digests;
  const std::string scheme = kAssetScheme;
  const WallCanvas canvas(wall);
  auto need = [&](const std::string& uri) {
    if (uri.rfind(scheme, 0) != 0) return;
    std::string digest = uri.substr(scheme.size());
    if (std::find(digests.begin(), digests.end(), digest) == digests.end())
      digests.push_back(digest);
  };
  const std::string& id = wall.nodeAt(col, row).id;
  for (const auto& cue : playlist.cues) {
    // A display with its own movie of the cue needs only that, never the source.
    if (auto own = cue.displayMovies.find(id); own != cue.displayMovies.end()) {
      need(own->second);
      continue;
    }
    for (const auto& item : cue.items) {
      if (!itemFallsOnDisplay(item, canvas, col, row)) continue;
      need(item.media.uri);
      for (const std::string& frame : item.media.frames) need(frame);
    }
  }
  return digests;
}

}  // namespace hw
