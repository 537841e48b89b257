#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hwshow/Playlist.h"

namespace hw {

// What one entry of an SVS page's "media_groups" offers, read leniently:
// nothing here throws, whatever the JSON holds.
struct SvsMediaGroup {
  std::string label;                   // "media group 380000 \"Caption\"", for warnings
  std::string title;                   // decoded title, else caption, else alt text
  bool isText = false;                 // a "Basic text" group: operator notes, never drawn
  std::vector<std::string> texts;      // decoded text worth keeping as notes
  std::vector<MediaCandidate> images;  // every Image item: one picture at several sizes
  std::vector<MediaCandidate> movies;  // every Movie item: one movie at several sizes
  std::vector<MediaCandidate> frameFolders;  // every Frames item: its folder URL, ending in '/'
  std::string hwshowUrl;               // the HyperwallShow item's URL, if any
  std::vector<std::string> skipped;    // one line per item that cannot be shown
  std::vector<std::string> problems;   // one line per value shown but read as unknown
};

// `pointer` is the group's JSON pointer ("/media_groups/2"), used when it has no id.
SvsMediaGroup readSvsMediaGroup(const nlohmann::json& group, const std::string& pointer);

}  // namespace hw
