#include "tiler/DecodedImageCache.h"

namespace hw {

std::shared_ptr<const Image> DecodedImageCache::find(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->second;
}

void DecodedImageCache::insert(const std::string& key, std::shared_ptr<const Image> image) {
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->second->pixels.size();
    entries_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += image->pixels.size();
  entries_.emplace_front(key, std::move(image));
  index_[key] = entries_.begin();
  while (bytes_ > budget_ && entries_.size() > 1) {
    bytes_ -= entries_.back().second->pixels.size();
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

}  // namespace hw
