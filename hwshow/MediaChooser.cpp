#include "hwshow/MediaChooser.h"

namespace hw {
namespace {

long long pixels(const MediaCandidate& c) { return static_cast<long long>(c.width) * c.height; }

bool known(const MediaCandidate& c) { return c.width > 0 && c.height > 0; }

bool covers(const MediaCandidate& c, Size target) {
  return c.width >= target.w && c.height >= target.h;
}

}  // namespace

MediaRef chooseMedia(MediaKind kind, const std::vector<MediaCandidate>& candidates, Size target,
                     const std::string& targetName) {
  MediaRef ref;
  ref.kind = kind;
  ref.candidates = candidates;
  if (candidates.empty()) return ref;

  std::string count = std::to_string(candidates.size());
  std::string targetText =
      std::to_string(target.w) + "x" + std::to_string(target.h) + " " + targetName;
  const MediaCandidate* covering = nullptr;
  const MediaCandidate* largest = nullptr;
  for (const auto& c : candidates) {
    if (!known(c)) continue;
    if (covers(c, target) && (!covering || pixels(c) < pixels(*covering))) covering = &c;
    if (!largest || pixels(c) > pixels(*largest)) largest = &c;
  }

  const MediaCandidate* chosen = &candidates.front();
  if (candidates.size() == 1) {
    ref.choice = "the only file offered";
  } else if (covering) {
    chosen = covering;
    ref.choice = "smallest of " + count + " sizes covering the " + targetText;
  } else if (largest) {
    chosen = largest;
    ref.choice = "largest of " + count + " sizes; none covers the " + targetText;
  } else {
    ref.choice = "first of " + count + " files; their sizes are unknown";
  }
  ref.uri = chosen->uri;
  ref.width = chosen->width;
  ref.height = chosen->height;
  return ref;
}

}  // namespace hw
