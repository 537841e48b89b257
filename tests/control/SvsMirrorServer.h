#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hw::test {

// How the mirror misbehaves for one path.
enum class Fault {
  None,
  DropOnce,  // the first answer breaks off halfway through the body
  Always404,
  Always500,
  FailTwice,    // 500, 500, then the file
  WrongLength,  // always announces more bytes than it sends, then closes
  Redirect,     // 302 to /moved<path>, which serves the file
  HtmlPage,     // 200 with an HTML error page instead of the file
};

// One request as the server saw it.
struct SeenRequest {
  std::string path;
  std::string range;        // Range header, "" when none
  std::string ifNoneMatch;  // If-None-Match header, "" when none
  int status = 0;           // what it answered
};

// A stand-in for svs.gsfc.nasa.gov on an ephemeral loopback port: the page
// API at /api/31382 (the seed page from examples/mabl-b/), the two .hwshow
// companions, and generated PNGs for every image the page lists. Files carry
// ETags and answer Range and If-None-Match like a real server.
class SvsMirrorServer {
 public:
  SvsMirrorServer();
  ~SvsMirrorServer();
  SvsMirrorServer(const SvsMirrorServer&) = delete;
  SvsMirrorServer& operator=(const SvsMirrorServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Serves `bytes` at `path` (another page, a movie); before any request, as
  // the files are read unguarded.
  void addFile(const std::string& path, std::string bytes);
  void setFault(const std::string& path, Fault fault);
  // The bytes served at `path` (e.g. "/vis/.../x.png").
  std::string content(const std::string& path) const;
  std::vector<SeenRequest> requestsFor(const std::string& path);
  // Stops answering: the next connections are refused.
  void stop();

 private:
  void serve(const httplib::Request& req, httplib::Response& res);

  std::map<std::string, std::string> files_;  // path -> bytes
  std::mutex mutex_;                          // guards faults_ and seen_
  std::map<std::string, Fault> faults_;
  std::map<std::string, int> answered_;  // path -> requests answered
  std::vector<SeenRequest> seen_;
  httplib::Server server_;
  int port_ = 0;
  std::thread listener_;
};

// The seed page's path on the mirror of each image and show, by file name.
std::string svsMediaPath(const std::string& fileName);

}  // namespace hw::test
