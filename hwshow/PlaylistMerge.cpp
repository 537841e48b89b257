#include "hwshow/PlaylistMerge.h"

#include <iterator>

namespace hw {
namespace {

void fillEmpty(std::string& field, const std::string& from) {
  if (field.empty()) field = from;
}

void fillEmpty(std::vector<std::string>& field, const std::vector<std::string>& from) {
  if (field.empty()) field = from;
}

}  // namespace

void appendPlaylist(Playlist& whole, Playlist&& part) {
  ShowMetadata& m = whole.metadata;
  fillEmpty(m.title, part.metadata.title);
  fillEmpty(m.description, part.metadata.description);
  fillEmpty(m.credits, part.metadata.credits);
  fillEmpty(m.keywords, part.metadata.keywords);
  fillEmpty(m.releaseDate, part.metadata.releaseDate);
  fillEmpty(m.svsPageUrl, part.metadata.svsPageUrl);
  whole.cues.insert(whole.cues.end(), std::make_move_iterator(part.cues.begin()),
                    std::make_move_iterator(part.cues.end()));
  whole.warnings.insert(whole.warnings.end(), std::make_move_iterator(part.warnings.begin()),
                        std::make_move_iterator(part.warnings.end()));
}

}  // namespace hw
