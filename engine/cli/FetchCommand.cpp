#include <unistd.h>

#include <iostream>
#include <memory>

#include "config/InputError.h"
#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/cli/FetchProgressBar.h"
#include "engine/fetch/SvsFetch.h"
#include "hwshow/LocalMirror.h"

namespace hw::cli {
namespace {

struct FetchOptions {
  std::string page;
  std::string wall = "3x3-1080p";
  std::string cache;  // "" = the environment's cache root
  FetchSettings settings;
  int retryDelayMs = 500;  // ms before the second try
};

void printSummary(const FetchReport& report, const FetchOptions& options) {
  std::uint64_t bytes = 0;
  for (const FetchedFile& f : report.files) bytes += f.outcome.bytes;
  std::cout << "page " << report.pageId;
  if (!report.title.empty()) std::cout << " \"" << report.title << "\"";
  std::cout << " for wall " << options.wall << ": " << report.files.size() << " files\n"
            << "  fetched      " << report.count(DownloadResult::Fetched) << " ("
            << formatBytes(bytes) << ")\n"
            << "  up to date   " << report.count(DownloadResult::UpToDate) << "\n"
            << "  kept cached  " << report.count(DownloadResult::KeptCached) << "\n"
            << "  missing      " << report.count(DownloadResult::Failed) << "\n"
            << "cache " << options.settings.cacheRoot.string() << "\n";
}

int runFetch(FetchOptions options) {
  if (options.settings.baseUrl.rfind("http://", 0) != 0 &&
      options.settings.baseUrl.rfind("https://", 0) != 0) {
    throw InputError("--base-url", "",
                     "\"" + options.settings.baseUrl + "\" is not an http(s) URL");
  }
  WallConfig wall = loadWallConfig(options.wall);
  options.settings.cacheRoot = std::filesystem::path(
      options.cache.empty() ? LocalMirror::fromEnvironment().root() : options.cache);
  options.settings.firstRetryDelay = std::chrono::milliseconds(options.retryDelayMs);

  FetchReport report;
  {
    FetchProgressBar bar(std::cerr, isatty(STDERR_FILENO) != 0);
    report = fetchSvsPage(options.page, wall, options.settings,
                          [&bar](const DownloadProgress& p) { bar.update(p); });
  }
  printSummary(report, options);
  for (const FetchedFile& f : report.files) {
    if (f.outcome.result == DownloadResult::KeptCached) {
      std::cerr << "hyperwall: could not check " << f.job.name << " (" << f.outcome.problem
                << "); the cached copy stays\n";
    }
    if (f.outcome.result == DownloadResult::Failed) {
      std::cerr << "hyperwall: missing " << f.job.name;
      if (f.job.url != f.job.name) std::cerr << " (from " << f.job.url << ")";
      std::cerr << ": " << f.outcome.problem << "\n";
    }
  }
  if (report.complete()) return kExitOk;
  std::cerr << "hyperwall: " << report.count(DownloadResult::Failed) << " of "
            << report.files.size() << " files are not in the cache"
            << (report.title.empty() ? "" : "; the show plays with stand-ins for them") << "\n";
  return kExitFailure;
}

}  // namespace

void addFetchCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<FetchOptions>();
  CLI::App* fetch = root.add_subcommand(
      "fetch", "Download an SVS page and the media a wall needs into the cache (docs/fetch.md)");
  fetch->add_option("page", options->page, "SVS page id (31382) or URL")->required();
  fetch->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  fetch
      ->add_option("--base-url", options->settings.baseUrl,
                   "Replaces https://svs.gsfc.nasa.gov for the page API and media (a mirror)")
      ->capture_default_str();
  fetch->add_option(
      "--cache", options->cache,
      "Cache root (else $HYPERWALL_CACHE, $XDG_CACHE_HOME/hyperwall, ~/.cache/hyperwall)");
  fetch->add_option("--jobs", options->settings.parallel, "Transfers at once")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  fetch->add_option("--attempts", options->settings.attempts, "Tries per file")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  fetch
      ->add_option("--retry-delay", options->retryDelayMs,
                   "ms before the second try; doubles per try")
      ->check(CLI::Range(0, 60000))
      ->capture_default_str();
  fetch->callback([&selected, options] { selected = [options] { return runFetch(*options); }; });
}

}  // namespace hw::cli
