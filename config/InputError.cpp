#include "config/InputError.h"

namespace hw {
namespace {

std::string compose(const std::string& file, const std::string& where,
                    const std::string& problem) {
  std::string line = file.empty() ? std::string("<input>") : file;
  if (!where.empty()) line += ": " + where;
  return line + ": " + problem;
}

}  // namespace

InputError::InputError(std::string file, std::string where, std::string problem)
    : std::runtime_error(compose(file, where, problem)),
      file_(std::move(file)),
      where_(std::move(where)),
      problem_(std::move(problem)) {}

}  // namespace hw
