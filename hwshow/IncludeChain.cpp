#include "hwshow/IncludeChain.h"

#include <filesystem>

#include "config/InputError.h"

namespace fs = std::filesystem;

namespace hw {

std::string IncludeChain::labelFor(const std::string& path) const {
  fs::path relative = fs::absolute(fs::path(path)).lexically_normal().lexically_relative(root_);
  if (relative.empty() || *relative.begin() == "..") return path;
  return relative.string();
}

IncludeChain::Entry IncludeChain::enter(const std::string& path, const std::string& fromFile,
                                        const std::string& fromWhere) {
  std::error_code ignored;
  std::string key = fs::weakly_canonical(fs::absolute(fs::path(path)), ignored).string();
  if (open_.empty()) root_ = fs::absolute(fs::path(path)).lexically_normal().parent_path().string();
  std::string label = labelFor(path);
  for (const auto& open : open_) {
    if (open.key != key) continue;
    std::string chain;
    for (const auto& entry : open_) chain += entry.label + " -> ";
    throw InputError(fromFile, fromWhere, "include cycle: " + chain + label);
  }
  open_.push_back({key, label});
  return Entry(*this);
}

}  // namespace hw
