#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hw {

// TEMPORARY private copy of the cache-path rules of hwshow/LocalMirror.h
// (branch hwshow); the integrator replaces it with that header.
// Cache root: $HYPERWALL_CACHE, else $XDG_CACHE_HOME/hyperwall, else
// $HOME/.cache/hyperwall.
std::filesystem::path hyperwallCacheRoot();

// Where the local copy of an http(s) URL lives: <root>/media/<host>/<path>.
// nullopt for anything that is not an http(s) URL or would leave the cache
// (a ".." segment).
std::optional<std::filesystem::path> mirrorPathFor(const std::string& url,
                                                   const std::filesystem::path& cacheRoot);

}  // namespace hw
