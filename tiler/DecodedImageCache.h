#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "tiler/Image.h"

namespace hw {

// Recently decoded images by key, least recently used dropped first once
// their pixels exceed the byte budget; the newest is always kept. Images are
// shared and immutable, so one still drawn elsewhere survives being dropped.
// Not thread-safe: its owner (MediaSource) locks.
class DecodedImageCache {
 public:
  explicit DecodedImageCache(std::size_t budgetBytes) : budget_(budgetBytes) {}

  std::shared_ptr<const Image> find(const std::string& key);
  void insert(const std::string& key, std::shared_ptr<const Image> image);
  std::size_t size() const { return entries_.size(); }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const Image>>;
  std::size_t budget_;        // bytes of pixels kept
  std::size_t bytes_ = 0;     // bytes of pixels held now
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace hw
