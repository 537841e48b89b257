#pragma once

#include <stdexcept>
#include <string>

namespace hw {

// A media file that cannot be shown: unreadable, undecodable, or missing with
// no size to make a stand-in. The message names the file and the reason.
class MediaError : public std::runtime_error {
 public:
  MediaError(const std::string& file, const std::string& problem)
      : std::runtime_error(file + ": " + problem), file_(file) {}
  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

}  // namespace hw
