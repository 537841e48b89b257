#pragma once

#include <string>
#include <vector>

namespace hw {

// The files being loaded, outermost first, so that a show including itself
// (directly or through other shows, pages or companions) is refused instead
// of recursing forever.
class IncludeChain {
 public:
  // Leaves the chain when destroyed, also when loading throws.
  class Entry {
   public:
    explicit Entry(IncludeChain& chain) : chain_(chain) {}
    ~Entry() { chain_.open_.pop_back(); }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;

   private:
    IncludeChain& chain_;
  };

  // Enters `path` (a file about to be read). If it is already open, throws
  // InputError at `fromFile`/`fromWhere` (the including file and the pointer of
  // the include) naming the chain: "include cycle: a.hwshow -> b.hwshow -> a.hwshow".
  [[nodiscard]] Entry enter(const std::string& path, const std::string& fromFile,
                            const std::string& fromWhere);

 private:
  struct Open {
    std::string key;    // canonical absolute path: two spellings of one file match
    std::string label;  // as shown in the cycle message
  };

  std::string labelFor(const std::string& path) const;

  std::vector<Open> open_;
  std::string root_;  // folder of the outermost file; labels are relative to it
};

}  // namespace hw
