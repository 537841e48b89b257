#include "tiler/DecodedImageCache.h"

namespace hw {

CachedImage DecodedImageCache::find(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return {};
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->second;
}

void DecodedImageCache::insert(const std::string& key, CachedImage entry) {
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->second.image->pixels.size();
    entries_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += entry.image->pixels.size();
  entries_.emplace_front(key, std::move(entry));
  index_[key] = entries_.begin();
  while (bytes_ > budget_ && entries_.size() > 1) {
    bytes_ -= entries_.back().second.image->pixels.size();
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

void DecodedImageCache::clear() {
  entries_.clear();
  index_.clear();
  bytes_ = 0;
}

}  // namespace hw
