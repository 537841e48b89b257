#include "engine/cli/FetchProgressBar.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace hw::cli {
namespace {

constexpr int kBarWidth = 30;  // characters between the brackets

const char* resultWord(DownloadResult result) {
  switch (result) {
    case DownloadResult::Fetched:
      return "fetched";
    case DownloadResult::UpToDate:
      return "up to date";
    case DownloadResult::KeptCached:
      return "kept cached copy of";
    case DownloadResult::Failed:
      break;
  }
  return "missing";
}

}  // namespace

std::string formatBytes(std::uint64_t bytes) {
  char text[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(text, sizeof text, "%.1f MB", bytes / 1048576.0);
  } else if (bytes >= 1024) {
    std::snprintf(text, sizeof text, "%.0f KB", bytes / 1024.0);
  } else {
    std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
  }
  return text;
}

FetchProgressBar::FetchProgressBar(std::ostream& out, bool terminal)
    : out_(out), terminal_(terminal) {}

FetchProgressBar::~FetchProgressBar() {
  if (barShown_) out_ << "\n" << std::flush;
}

void FetchProgressBar::update(const DownloadProgress& progress) {
  if (terminal_) return drawBar(progress);
  if (!progress.finished) return;
  out_ << "[" << progress.phase << " " << progress.filesDone << "/" << progress.filesTotal << "] "
       << resultWord(progress.outcome->result) << " " << progress.finished->name;
  if (progress.outcome->result == DownloadResult::Fetched) {
    out_ << " (" << formatBytes(progress.outcome->bytes) << ")";
  }
  if (!progress.outcome->problem.empty()) out_ << ": " << progress.outcome->problem;
  out_ << "\n" << std::flush;
}

void FetchProgressBar::drawBar(const DownloadProgress& p) {
  double share = p.filesTotal == 0 ? 1.0 : double(p.filesDone) / p.filesTotal;
  if (p.bytesExpected > 0) share = std::max(share, double(p.bytesReceived) / p.bytesExpected);
  int filled = static_cast<int>(std::min(1.0, share) * kBarWidth);
  out_ << "\r" << p.phase << " [" << std::string(filled, '#')
       << std::string(kBarWidth - filled, '-') << "] " << p.filesDone << "/" << p.filesTotal
       << " files, " << formatBytes(p.bytesReceived) << "   " << std::flush;
  barShown_ = true;
}

}  // namespace hw::cli
