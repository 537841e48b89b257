#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hwshow/LoadContext.h"
#include "hwshow/Playlist.h"

namespace hw {

// An SVS media group may carry a HyperwallShow item: a .hwshow saying how to
// lay its picture out on a wall. When a local copy exists (the mirror copy of
// `url`, else a file of the same name next to the page) and it parses as our
// .hwshow format, the layout of its first cue is returned. Anything wrong with
// it is a warning (prefixed `warningPrefix`), never an error: the page's own
// images are still shown.
std::optional<std::vector<LayoutItem>> companionLayout(const std::string& url,
                                                       const std::string& pageFile,
                                                       const std::string& warningPrefix,
                                                       LoadContext& context,
                                                       std::vector<std::string>& warnings);

}  // namespace hw
