#include "engine/fetch/Downloader.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>

#include "engine/fetch/TransferAttempt.h"

namespace hw {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kProgressEvery = std::chrono::milliseconds(100);  // listener calls while bytes flow

// A job between tries: which job, and when it may go again.
struct Waiting {
  std::size_t job;
  Clock::time_point notBefore;
};

class MultiHandle {
 public:
  MultiHandle() : multi_(curl_multi_init()) {
    if (!multi_) throw std::runtime_error("cannot start libcurl");
  }
  ~MultiHandle() { curl_multi_cleanup(multi_); }
  MultiHandle(const MultiHandle&) = delete;
  MultiHandle& operator=(const MultiHandle&) = delete;
  CURLM* get() const { return multi_; }

 private:
  CURLM* multi_;
};

}  // namespace

Downloader::Downloader(FetchSettings settings) : settings_(std::move(settings)) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

std::vector<DownloadOutcome> Downloader::run(const std::vector<DownloadJob>& jobs,
                                             const DownloadProgressListener& listener) {
  std::vector<DownloadOutcome> outcomes(jobs.size());
  std::deque<Waiting> waiting;
  for (std::size_t i = 0; i < jobs.size(); ++i) waiting.push_back({i, Clock::now()});
  std::map<CURL*, std::pair<std::size_t, std::unique_ptr<TransferAttempt>>> active;
  MultiHandle multi;
  std::size_t done = 0;
  std::uint64_t finishedBytes = 0;  // from tries that ended
  std::uint64_t expectedBytes = 0;  // announced by tries that ended well
  Clock::time_point lastReport;

  auto report = [&](const DownloadJob* finished, const DownloadOutcome* outcome) {
    if (!listener) return;
    DownloadProgress progress{"",       done,   jobs.size(), finishedBytes, expectedBytes,
                              finished, outcome};
    for (const auto& [handle, entry] : active) {
      progress.bytesReceived += entry.second->received();
      progress.bytesExpected += entry.second->expected();
    }
    listener(progress);
    lastReport = Clock::now();
  };

  auto finish = [&](std::size_t job, DownloadResult result, const std::string& problem) {
    DownloadOutcome& outcome = outcomes[job];
    outcome.result = result;
    outcome.problem = problem;
    ++done;
    report(&jobs[job], &outcome);
  };

  while (done < jobs.size()) {
    // Start every job whose turn it is, up to the parallel limit.
    Clock::time_point now = Clock::now();
    for (auto it = waiting.begin();
         it != waiting.end() && active.size() < static_cast<std::size_t>(settings_.parallel);) {
      if (it->notBefore > now) {
        ++it;
        continue;
      }
      auto attempt = std::make_unique<TransferAttempt>(jobs[it->job], settings_);
      CURL* handle = attempt->handle();
      curl_multi_add_handle(multi.get(), handle);
      ++outcomes[it->job].attempts;
      active.emplace(handle, std::make_pair(it->job, std::move(attempt)));
      it = waiting.erase(it);
    }

    int running = 0;
    curl_multi_perform(multi.get(), &running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      auto node = active.extract(message->easy_handle);
      auto& [job, attempt] = node.mapped();
      curl_multi_remove_handle(multi.get(), message->easy_handle);
      TransferAttempt::Verdict verdict = attempt->finish(message->data.result);
      DownloadOutcome& outcome = outcomes[job];
      outcome.bytes += attempt->received();
      finishedBytes += attempt->received();
      bool again = verdict == TransferAttempt::Verdict::Retry ||
                   verdict == TransferAttempt::Verdict::RetryFresh;
      if (again && outcome.attempts < settings_.attempts) {
        auto delay =
            std::min(settings_.longestRetryDelay,
                     settings_.firstRetryDelay * (1 << std::min(outcome.attempts - 1, 16)));
        waiting.push_back({job, Clock::now() + delay});
        continue;
      }
      if (verdict == TransferAttempt::Verdict::Done) {
        expectedBytes += attempt->expected();
        finish(job, DownloadResult::Fetched, "");
      } else if (verdict == TransferAttempt::Verdict::UpToDate) {
        finish(job, DownloadResult::UpToDate, "");
      } else if (std::filesystem::is_regular_file(jobs[job].file)) {
        finish(job, DownloadResult::KeptCached, attempt->problem());
      } else {
        finish(job, DownloadResult::Failed, attempt->problem());
      }
    }
    if (done == jobs.size()) break;
    if (Clock::now() - lastReport >= kProgressEvery) report(nullptr, nullptr);

    // Wait for network activity, or until the next retry is due.
    auto wait = std::chrono::milliseconds(250);
    for (const Waiting& w : waiting) {
      auto until =
          std::chrono::duration_cast<std::chrono::milliseconds>(w.notBefore - Clock::now());
      wait = std::max(std::chrono::milliseconds(0), std::min(wait, until));
    }
    if (active.empty()) {
      std::this_thread::sleep_for(wait);  // only retries are left: their backoff
    } else {
      curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(wait.count()), nullptr);
    }
  }
  return outcomes;
}

}  // namespace hw
