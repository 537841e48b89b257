#include "engine/cli/MasterClient.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include "engine/net/SoftwareVersion.h"

namespace hw::cli {
namespace {

constexpr long kConnectTimeoutSeconds = 5;  // s, a master on the LAN answers far sooner
constexpr long kTotalTimeoutSeconds = 60;   // s, a full-wall screenshot included

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

// One header line "Name: value\r\n" into the reply's headers (the status line has no colon).
std::size_t keepHeader(char* data, std::size_t size, std::size_t count, void* target) {
  std::string line(data, size * count);
  std::size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::size_t start = line.find_first_not_of(" \t", colon + 1);
    std::size_t end = line.find_last_not_of(" \t\r\n");
    std::string value =
        start == std::string::npos || end < start ? "" : line.substr(start, end - start + 1);
    (*static_cast<std::map<std::string, std::string>*>(target))[name] = value;
  }
  return size * count;
}

}  // namespace

MasterClient::MasterClient(std::string masterUrl, std::string key)
    : url_(std::move(masterUrl)), key_(std::move(key)) {
  while (!url_.empty() && url_.back() == '/') url_.pop_back();
}

MasterReply MasterClient::get(const std::string& path) const { return perform(path, nullptr); }

MasterReply MasterClient::post(const std::string& path, const nlohmann::json& body) const {
  std::string text = body.dump();
  return perform(path, &text);
}

MasterReply MasterClient::perform(const std::string& path, const std::string* postBody) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("cannot start libcurl");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
  auto addHeader = [&](const std::string& line) {
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  };
  if (!key_.empty()) addHeader("Authorization: Bearer " + key_);

  MasterReply reply;
  char error[CURL_ERROR_SIZE] = {};
  std::string address = url_ + path;
  curl_easy_setopt(curl.get(), CURLOPT_URL, address.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
  // The master's log says who asked: "next by ctl 10.0.0.5".
  const std::string agent = "hyperwall-ctl/" + softwareVersion();
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, keepHeader);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &reply.headers);
  if (postBody) {
    addHeader("Content-Type: application/json");
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, postBody->c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(postBody->size()));
  }
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());

  CURLcode result = curl_easy_perform(curl.get());
  if (result != CURLE_OK) {
    long osError = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_OS_ERRNO, &osError);
    std::string why = osError != 0 ? std::strerror(static_cast<int>(osError))
                                   : (*error ? error : curl_easy_strerror(result));
    throw MasterUnreachable("cannot reach master at " + url_ + ": " + why);
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &reply.status);
  const char* type = nullptr;
  curl_easy_getinfo(curl.get(), CURLINFO_CONTENT_TYPE, &type);
  if (type) reply.contentType = type;
  return reply;
}

}  // namespace hw::cli
