#pragma once

#include <stdexcept>
#include <string>

namespace hw {

// Something the user handed us is wrong: a file, a JSON field, a flag.
// Rendered as one line "FILE: WHERE: PROBLEM", where WHERE is a JSON pointer
// ("/grid/cols") or "line:column"; commands map it to exit status 2.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string where, std::string problem);

  const std::string& file() const { return file_; }
  const std::string& where() const { return where_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::string where_;
  std::string problem_;
};

}  // namespace hw
