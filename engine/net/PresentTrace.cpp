#include "engine/net/PresentTrace.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hw {

PresentTrace::PresentTrace(const std::string& path) : file_(nullptr, std::fclose) {
  if (path.empty()) return;
  file_.reset(std::fopen(path.c_str(), "a"));
  if (!file_) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
}

void PresentTrace::write(double trueMaster, double host, int cue, std::int64_t tick) {
  if (!file_) return;
  std::fprintf(file_.get(), "%.6f %.6f %d %lld\n", trueMaster, host, cue,
               static_cast<long long>(tick));
  std::fflush(file_.get());
}

}  // namespace hw
