#include "engine/fetch/SvsFetch.h"

#include <algorithm>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "engine/fetch/Downloader.h"
#include "engine/fetch/PageMediaNeeds.h"
#include "engine/fetch/SvsPageAddress.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/ShowLoader.h"

namespace hw {
namespace {

// Jobs for URLs as the page names them; ones that cannot map into the cache
// (not http(s), a ".." path) are reported as failed without a request.
void addJobs(const std::vector<std::string>& urls, ContentKind kind, const FetchSettings& settings,
             std::vector<DownloadJob>& jobs, std::vector<FetchedFile>& refused) {
  LocalMirror mirror(settings.cacheRoot.string());
  for (const std::string& url : urls) {
    auto file = mirror.mediaPath(url);
    DownloadJob job{viaBaseUrl(url, settings.baseUrl), url, file.value_or(std::string()), kind};
    if (!file) {
      refused.push_back(
          {job, {DownloadResult::Failed, "not an http(s) address the cache can hold", 0, 0}});
    } else if (std::none_of(jobs.begin(), jobs.end(),
                            [&](const DownloadJob& j) { return j.file == *file; })) {
      jobs.push_back(job);
    }
  }
}

void runJobs(const char* phase, const std::vector<DownloadJob>& jobs, const FetchSettings& settings,
             const DownloadProgressListener& listener, FetchReport& report) {
  if (jobs.empty()) return;
  auto labelled = [&](const DownloadProgress& progress) {
    DownloadProgress named = progress;
    named.phase = phase;
    if (listener) listener(named);
  };
  std::vector<DownloadOutcome> outcomes = Downloader(settings).run(jobs, labelled);
  for (std::size_t i = 0; i < jobs.size(); ++i) report.files.push_back({jobs[i], outcomes[i]});
}

}  // namespace

bool FetchReport::complete() const { return !files.empty() && count(DownloadResult::Failed) == 0; }

std::size_t FetchReport::count(DownloadResult result) const {
  return static_cast<std::size_t>(
      std::count_if(files.begin(), files.end(),
                    [&](const FetchedFile& f) { return f.outcome.result == result; }));
}

FetchReport fetchSvsPage(const std::string& page, const WallConfig& wall,
                         const FetchSettings& settings, const DownloadProgressListener& listener) {
  auto id = svsPageIdFrom(page);
  if (!id) {
    throw InputError(page, "",
                     "not an SVS page id or URL (e.g. 31382 or https://svs.gsfc.nasa.gov/31382/)");
  }
  FetchReport report;
  report.pageId = *id;
  report.pageFile = LocalMirror(settings.cacheRoot.string()).pagePath(*id);
  std::string apiUrl = svsApiUrl(*id);
  runJobs("page",
          {{viaBaseUrl(apiUrl, settings.baseUrl), apiUrl, report.pageFile, ContentKind::PageJson}},
          settings, listener, report);
  if (report.files.front().outcome.result == DownloadResult::Failed) return report;

  nlohmann::json pageJson = readJsonFile(report.pageFile.string());
  if (pageJson.contains("title") && pageJson["title"].is_string()) report.title = pageJson["title"];

  std::vector<DownloadJob> shows, media;
  std::vector<FetchedFile> refused;
  addJobs(companionShowUrls(pageJson), ContentKind::Show, settings, shows, refused);
  runJobs("shows", shows, settings, listener, report);
  // The show loader decides what the wall shows (sizes, companion layouts) from
  // what is in the cache now: the page and its .hwshow files.
  Playlist show =
      loadShow({report.pageFile.string()}, wall, LocalMirror(settings.cacheRoot.string()));
  // Frame folders' listings name their frames: fetched before the media.
  std::vector<DownloadJob> listings;
  addJobs(frameFolderUrlsOf(show), ContentKind::Listing, settings, listings, refused);
  runJobs("listings", listings, settings, listener, report);
  LocalMirror mirror(settings.cacheRoot.string());
  addJobs(mediaUrlsOf(show, MediaKind::Image), ContentKind::Image, settings, media, refused);
  addJobs(mediaUrlsOf(show, MediaKind::Movie), ContentKind::Movie, settings, media, refused);
  addJobs(frameUrlsOf(show, mirror), ContentKind::Image, settings, media, refused);
  runJobs("media", media, settings, listener, report);
  report.files.insert(report.files.end(), refused.begin(), refused.end());
  return report;
}

}  // namespace hw
