#include "engine/fetch/CachedFileMeta.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace hw {

std::filesystem::path metaPathFor(const std::filesystem::path& file) {
  return std::filesystem::path(file.string() + ".http.json");
}

std::optional<CachedFileMeta> readCachedFileMeta(const std::filesystem::path& file) {
  std::ifstream in(metaPathFor(file));
  if (!in) return std::nullopt;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    CachedFileMeta meta;
    meta.url = j.value("url", std::string());
    meta.etag = j.value("etag", std::string());
    meta.lastModified = j.value("lastModified", std::string());
    meta.contentType = j.value("contentType", std::string());
    meta.bytes = j.value("bytes", std::uint64_t{0});
    return meta;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // edited by hand: fetch it again rather than trust it
  }
}

void writeCachedFileMeta(const std::filesystem::path& file, const CachedFileMeta& meta) {
  nlohmann::json j = {{"url", meta.url},
                      {"etag", meta.etag},
                      {"lastModified", meta.lastModified},
                      {"contentType", meta.contentType},
                      {"bytes", meta.bytes}};
  std::ofstream(metaPathFor(file)) << j.dump(2) << "\n";
}

}  // namespace hw
