#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "tiler/Image.h"

namespace hw {

// A decoded image and what decoding learnt about it.
struct CachedImage {
  std::shared_ptr<const Image> image;  // never modified once cached
  bool opaque = false;                 // true: every pixel has alpha 255
};

// Recently decoded images by key, least recently used dropped first once
// their pixels exceed the byte budget; the newest is always kept. Images are
// shared and immutable, so one still drawn elsewhere survives being dropped.
// Not thread-safe: its owner (MediaSource) locks.
class DecodedImageCache {
 public:
  explicit DecodedImageCache(std::size_t budgetBytes) : budget_(budgetBytes) {}

  // The entry, or one with a null image.
  CachedImage find(const std::string& key);
  void insert(const std::string& key, CachedImage entry);
  std::size_t size() const { return entries_.size(); }
  void clear();

 private:
  using Entry = std::pair<std::string, CachedImage>;
  std::size_t budget_;        // bytes of pixels kept
  std::size_t bytes_ = 0;     // bytes of pixels held now
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace hw
