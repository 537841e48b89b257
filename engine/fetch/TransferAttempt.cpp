#include "engine/fetch/TransferAttempt.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

#include "engine/fetch/CachedFileMeta.h"

namespace hw {
namespace fs = std::filesystem;
namespace {

constexpr long kMostRedirects = 5;
constexpr std::size_t kHeadBytes = 64;  // enough to recognise any image signature or HTML

std::string trimmed(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  std::size_t first = text.find_first_not_of(" \t");
  return first == std::string::npos ? "" : text.substr(first);
}

std::string headOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// The total size in "bytes 100-199/1234", or -1.
std::int64_t totalOfContentRange(const std::string& range) {
  std::size_t slash = range.rfind('/');
  if (slash == std::string::npos || slash + 1 >= range.size() || range[slash + 1] == '*') return -1;
  return std::stoll(range.substr(slash + 1));
}

}  // namespace

TransferAttempt::TransferAttempt(const DownloadJob& job, const FetchSettings& settings)
    : job_(job), settings_(settings), part_(job.file.string() + ".part") {
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("cannot start libcurl");
  std::error_code error;
  fs::create_directories(job.file.parent_path(), error);

  // A complete copy with validators: ask only whether it changed.
  if (fs::is_regular_file(job.file, error)) {
    if (auto meta = readCachedFileMeta(job.file)) {
      if (!meta->etag.empty())
        headers_ = curl_slist_append(headers_, ("If-None-Match: " + meta->etag).c_str());
      if (!meta->lastModified.empty()) {
        headers_ =
            curl_slist_append(headers_, ("If-Modified-Since: " + meta->lastModified).c_str());
      }
    }
  } else if (auto partMeta = readCachedFileMeta(part_);
             partMeta && fs::is_regular_file(part_, error) && fs::file_size(part_, error) > 0 &&
             (!partMeta->etag.empty() || !partMeta->lastModified.empty())) {
    // The rest of a broken-off download, only if the server still has the same file.
    resumeFrom_ = fs::file_size(part_, error);
    std::string validator = !partMeta->etag.empty() ? partMeta->etag : partMeta->lastModified;
    headers_ = curl_slist_append(headers_, ("If-Range: " + validator).c_str());
    curl_easy_setopt(curl_, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(resumeFrom_));
  } else {
    discardPart();
  }

  curl_easy_setopt(curl_, CURLOPT_URL, job.url.c_str());
  curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl_, CURLOPT_MAXREDIRS, kMostRedirects);
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT,
                   static_cast<long>(settings.connectTimeout.count()));
  // A try that receives nothing for stallTimeout is abandoned (and retried).
  curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, static_cast<long>(settings.stallTimeout.count()));
  curl_easy_setopt(curl_, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(settings.largestFile));
  curl_easy_setopt(curl_, CURLOPT_USERAGENT, "hyperwall-fetch/0.1");
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_);
  curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(curl_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
}

TransferAttempt::~TransferAttempt() {
  closePart();
  curl_easy_cleanup(curl_);
  curl_slist_free_all(headers_);
}

std::uint64_t TransferAttempt::expected() const {
  if (!bodyToFile_ || contentLength_ < 0) return 0;
  return static_cast<std::uint64_t>(contentLength_);
}

std::size_t TransferAttempt::onHeader(char* data, std::size_t size, std::size_t count, void* self) {
  static_cast<TransferAttempt*>(self)->readHeader(std::string(data, size * count));
  return size * count;
}

void TransferAttempt::readHeader(const std::string& line) {
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (the first, or after a redirect)
    std::size_t space = line.find(' ');
    status_ = space == std::string::npos ? 0 : std::strtol(line.c_str() + space + 1, nullptr, 10);
    std::size_t reason = line.find(' ', space + 1);
    reason_ = reason == std::string::npos ? "" : trimmed(line.substr(reason + 1));
    etag_.clear();
    lastModified_.clear();
    contentType_.clear();
    contentRange_.clear();
    contentLength_ = -1;
    return;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string::npos) return;
  std::string name = line.substr(0, colon);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string value = trimmed(line.substr(colon + 1));
  if (name == "etag") etag_ = value;
  if (name == "last-modified") lastModified_ = value;
  if (name == "content-type") contentType_ = value;
  if (name == "content-range") contentRange_ = value;
  if (name == "content-length") contentLength_ = std::strtoll(value.c_str(), nullptr, 10);
}

std::size_t TransferAttempt::onBody(char* data, std::size_t size, std::size_t count, void* self) {
  auto* t = static_cast<TransferAttempt*>(self);
  std::size_t bytes = size * count;
  if (!t->bodyStarted_ && !t->startBody()) return 0;  // 0 aborts the transfer
  t->received_ += bytes;
  if (!t->bodyToFile_) return bytes;
  return std::fwrite(data, 1, bytes, t->out_) == bytes ? bytes : 0;
}

// Decides, at the first body byte, where the body goes.
bool TransferAttempt::startBody() {
  bodyStarted_ = true;
  bool resumed = status_ == 206 && resumeFrom_ > 0;
  if (status_ == 206 && !resumed) status_ = 0;  // a range we never asked for
  if (status_ != 200 && !resumed) return true;  // an error page: counted, not kept
  if (resumed && contentRange_.rfind("bytes " + std::to_string(resumeFrom_) + "-", 0) != 0) {
    rangeMismatch_ = true;
    return false;
  }
  std::int64_t total = resumed ? totalOfContentRange(contentRange_) : contentLength_;
  if (total > 0 && static_cast<std::uint64_t>(total) > settings_.largestFile) {
    tooLarge_ = true;
    return false;
  }
  out_ = std::fopen(part_.c_str(), resumed ? "ab" : "wb");
  if (!out_) return false;
  bodyToFile_ = true;
  // Remember which file this is, so a broken-off download resumes only onto itself.
  writeCachedFileMeta(part_, {job_.url, etag_, lastModified_, contentType_, 0});
  return true;
}

void TransferAttempt::closePart() {
  if (out_) std::fclose(out_);
  out_ = nullptr;
}

void TransferAttempt::discardPart() {
  std::error_code ignored;
  fs::remove(part_, ignored);
  fs::remove(metaPathFor(part_), ignored);
}

TransferAttempt::Verdict TransferAttempt::finish(CURLcode result) {
  closePart();
  if (rangeMismatch_) {
    discardPart();
    problem_ = "the server resent other bytes than the missing ones";
    return Verdict::RetryFresh;
  }
  if (tooLarge_ || result == CURLE_FILESIZE_EXCEEDED) {
    discardPart();
    problem_ = "larger than " + std::to_string(settings_.largestFile) + " bytes";
    return Verdict::Fail;
  }
  if (result != CURLE_OK) {
    long osError = 0;
    curl_easy_getinfo(curl_, CURLINFO_OS_ERRNO, &osError);
    problem_ = osError != 0 ? std::strerror(static_cast<int>(osError))
                            : (*error_ ? error_ : curl_easy_strerror(result));
    return Verdict::Retry;  // whatever reached .part is kept for resuming
  }
  std::string httpProblem =
      "HTTP " + std::to_string(status_) + (reason_.empty() ? "" : " " + reason_);
  if (status_ == 304) {
    if (fs::is_regular_file(job_.file)) return Verdict::UpToDate;
    problem_ = "the server said not modified, but there is no cached copy";
    fs::remove(metaPathFor(job_.file));
    return Verdict::RetryFresh;
  }
  if (status_ == 416) {
    discardPart();
    problem_ = httpProblem;
    return Verdict::RetryFresh;
  }
  if ((status_ == 200 || status_ == 206) && bodyToFile_) return complete();
  if (status_ == 200 || status_ == 206) {
    // An empty body: nothing reached the file.
    problem_ = "the server sent an empty file";
    return Verdict::Fail;
  }
  problem_ = httpProblem;
  if (status_ == 408 || status_ == 429 || status_ >= 500) return Verdict::Retry;
  return Verdict::Fail;
}

TransferAttempt::Verdict TransferAttempt::complete() {
  std::uint64_t size = fs::file_size(part_);
  std::int64_t total = status_ == 206 ? totalOfContentRange(contentRange_) : contentLength_;
  if (total >= 0 && size != static_cast<std::uint64_t>(total)) {
    discardPart();
    problem_ = "got " + std::to_string(size) + " of " + std::to_string(total) + " bytes";
    return Verdict::RetryFresh;
  }
  if (auto wrong = contentProblem(job_.kind, contentType_, headOf(part_))) {
    discardPart();
    problem_ = *wrong;
    return Verdict::Fail;
  }
  fs::rename(part_, job_.file);
  fs::remove(metaPathFor(part_));
  writeCachedFileMeta(job_.file, {job_.url, etag_, lastModified_, contentType_, size});
  return Verdict::Done;
}

}  // namespace hw
