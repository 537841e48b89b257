#include "tests/control/SvsMirrorServer.h"

#include <chrono>
#include <functional>
#include <stdexcept>

#include "config/JsonFile.h"
#include "tests/control/TestImages.h"

namespace hw::test {
namespace {

std::string etagOf(const std::string& bytes) {
  return "\"" + std::to_string(std::hash<std::string>{}(bytes)) + "\"";
}

std::string contentTypeOf(const std::string& path) {
  if (path.find("/api/") == 0) return "application/json";
  if (!path.empty() && path.back() == '/') return "text/html";  // a folder's listing
  if (path.size() > 7 && path.substr(path.size() - 7) == ".hwshow")
    return "application/octet-stream";
  if (path.size() > 4 && path.substr(path.size() - 4) == ".jpg") return "image/jpeg";
  if (path.size() > 4 && path.substr(path.size() - 4) == ".mp4") return "video/mp4";
  return "image/png";
}

}  // namespace

std::string svsMediaPath(const std::string& fileName) {
  return "/vis/a030000/a031300/a031382/" + fileName;
}

SvsMirrorServer::SvsMirrorServer() {
  std::string page =
      readTextFile(std::string(HYPERWALL_SOURCE_DIR) + "/examples/mabl-b/svs-31382-mabl-b.json");
  files_["/api/31382"] = page;
  // Each picture a different colour, so a mix-up shows.
  files_[svsMediaPath("cell-samples-jsc2025e065389.png")] = solidPngBytes(192, 108, {200, 30, 30});
  files_[svsMediaPath("case-combined-jsc2025e065387-1080p.png")] =
      solidPngBytes(192, 108, {30, 200, 30});
  files_[svsMediaPath("case-combined-jsc2025e065387.jpg")] = solidPngBytes(319, 179, {30, 30, 200});
  for (const char* show :
       {"cell-samples-jsc2025e065389-png.hwshow", "case-combined-jsc2025e065387-jpg.hwshow"}) {
    files_[svsMediaPath(show)] = std::string("{\"hwshow\": 1, \"name\": \"") + show + "\"}\n";
  }

  server_.Get(".*",
              [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); });
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("cannot bind a loopback port");
  listener_ = std::thread([this] { server_.listen_after_bind(); });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!server_.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
}

SvsMirrorServer::~SvsMirrorServer() { stop(); }

void SvsMirrorServer::stop() {
  server_.stop();
  if (listener_.joinable()) listener_.join();
}

void SvsMirrorServer::setFault(const std::string& path, Fault fault) {
  std::lock_guard lock(mutex_);
  faults_[path] = fault;
}

void SvsMirrorServer::addFile(const std::string& path, std::string bytes) {
  files_[path] = std::move(bytes);
}

std::string SvsMirrorServer::content(const std::string& path) const { return files_.at(path); }

std::vector<SeenRequest> SvsMirrorServer::requestsFor(const std::string& path) {
  std::lock_guard lock(mutex_);
  std::vector<SeenRequest> found;
  for (const SeenRequest& r : seen_) {
    if (r.path == path) found.push_back(r);
  }
  return found;
}

void SvsMirrorServer::serve(const httplib::Request& req, httplib::Response& res) {
  std::string path = req.path;
  bool moved = path.rfind("/moved/", 0) == 0;
  if (moved) path = path.substr(6);
  Fault fault;
  int answered;
  {
    std::lock_guard lock(mutex_);
    fault = moved ? Fault::None : faults_[path];
    answered = answered_[req.path]++;
  }
  auto file = files_.find(path);
  if (file == files_.end() || fault == Fault::Always404) {
    res.status = 404;
    res.set_content("not here", "text/plain");
  } else if (fault == Fault::Always500 || (fault == Fault::FailTwice && answered < 2)) {
    res.status = 500;
    res.set_content("try later", "text/plain");
  } else if (fault == Fault::Redirect) {
    res.set_redirect("/moved" + path);
  } else if (fault == Fault::HtmlPage) {
    res.status = 200;
    res.set_content("<!DOCTYPE html><title>Maintenance</title>", "text/html");
  } else if ((fault == Fault::DropOnce && answered == 0) || fault == Fault::WrongLength) {
    std::string bytes = file->second;
    std::size_t announced = fault == Fault::WrongLength ? bytes.size() + 1000 : bytes.size();
    res.set_header("ETag", etagOf(bytes));
    res.set_content_provider(announced, contentTypeOf(path),
                             [bytes](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                               // Half the file, then the connection breaks.
                               if (offset >= bytes.size() / 2) return false;
                               sink.write(bytes.data(), bytes.size() / 2);
                               return true;
                             });
  } else if (req.get_header_value("If-None-Match") == etagOf(file->second)) {
    res.status = 304;
  } else {
    res.set_header("ETag", etagOf(file->second));
    res.set_content(file->second, contentTypeOf(path));  // httplib answers Range with 206 itself
  }
  std::lock_guard lock(mutex_);
  seen_.push_back(
      {path, req.get_header_value("Range"), req.get_header_value("If-None-Match"), res.status});
}

}  // namespace hw::test
