#pragma once

#include <curl/curl.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "engine/fetch/Download.h"
#include "engine/fetch/FetchSettings.h"

namespace hw {

// One try at one file: a curl handle asking for it (conditionally when a
// cached copy has validators, as a Range when a broken-off ".part" can be
// resumed), callbacks that write the body to "<file>.part", and the verdict
// once curl is done. The .part only becomes the file after every check.
class TransferAttempt {
 public:
  enum class Verdict {
    Done,        // the file is in place
    UpToDate,    // 304: the cached file stands
    Retry,       // network trouble or a server error: try again, resuming
    RetryFresh,  // the partial file is no good: try again from the start
    Fail,        // will not work however often it is tried (404, wrong content)
  };

  TransferAttempt(const DownloadJob& job, const FetchSettings& settings);
  ~TransferAttempt();
  TransferAttempt(const TransferAttempt&) = delete;
  TransferAttempt& operator=(const TransferAttempt&) = delete;

  CURL* handle() const { return curl_; }
  // Judges the finished transfer and moves or removes files accordingly.
  Verdict finish(CURLcode result);
  const std::string& problem() const { return problem_; }

  std::uint64_t received() const { return received_; }  // body bytes this try
  std::uint64_t expected() const;                       // bytes this try should bring; 0 = unknown

 private:
  static std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t onBody(char* data, std::size_t size, std::size_t count, void* self);
  void readHeader(const std::string& line);
  bool startBody();
  void closePart();
  void discardPart();
  Verdict complete();

  const DownloadJob& job_;
  const FetchSettings& settings_;
  std::filesystem::path part_;
  CURL* curl_ = nullptr;
  curl_slist* headers_ = nullptr;
  char error_[CURL_ERROR_SIZE] = {};

  std::uint64_t resumeFrom_ = 0;  // bytes already in .part when asking for the rest
  long status_ = 0;               // status of the last response (after redirects)
  std::string reason_;            // its reason phrase
  std::string etag_, lastModified_, contentType_, contentRange_;
  std::int64_t contentLength_ = -1;
  bool bodyStarted_ = false;
  bool bodyToFile_ = false;     // false: an error page, counted but not kept
  bool rangeMismatch_ = false;  // the server resent other bytes than asked for
  bool tooLarge_ = false;
  std::FILE* out_ = nullptr;
  std::uint64_t received_ = 0;
  std::string problem_;
};

}  // namespace hw
