#include "hwshow/ShowPaths.h"

#include <cctype>
#include <filesystem>

#include "hwshow/HttpUrl.h"

namespace fs = std::filesystem;

namespace hw {

ShowOrigin localOrigin(const std::string& file) {
  return {file, fs::absolute(fs::path(file)).lexically_normal().parent_path().string()};
}

bool isAssetReference(const std::string& ref) {
  const std::string scheme = "asset:";
  if (ref.size() != scheme.size() + 64 || ref.compare(0, scheme.size(), scheme) != 0) return false;
  for (std::size_t i = scheme.size(); i < ref.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(ref[i])) && (ref[i] < 'a' || ref[i] > 'f'))
      return false;
  return true;
}

std::string resolveReference(const std::string& ref, const std::string& base) {
  if (isHttpUrl(ref) || isAssetReference(ref)) return ref;
  std::optional<HttpUrl> baseUrl = parseHttpUrl(base);
  if (!baseUrl) return (fs::path(base) / ref).lexically_normal().string();

  std::size_t restStart = ref.find_first_of("?#");
  std::string refPath = ref.substr(0, restStart);
  std::string refRest = restStart == std::string::npos ? "" : ref.substr(restStart);
  std::string folder = baseUrl->path.substr(0, baseUrl->path.rfind('/') + 1);
  std::string path = !refPath.empty() && refPath[0] == '/' ? refPath : folder + refPath;
  return baseUrl->scheme + "://" + baseUrl->host + removeDotSegments(path) + refRest;
}

std::string siblingPath(const std::string& file, const std::string& ref) {
  fs::path target(ref);
  if (target.is_absolute()) return target.lexically_normal().string();
  return (fs::path(file).parent_path() / target).lexically_normal().string();
}

bool isRegularFile(const std::string& path) {
  std::error_code error;
  return fs::is_regular_file(path, error);
}

std::string relativeReference(const std::string& uri, const std::string& baseDir) {
  if (isHttpUrl(uri) || isAssetReference(uri)) return uri;
  fs::path base = fs::absolute(fs::path(baseDir)).lexically_normal();
  fs::path relative = fs::absolute(fs::path(uri)).lexically_normal().lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return uri;
  return relative.string();
}

std::string uriFileName(const std::string& uri) {
  std::string path = uri.substr(0, uri.find_first_of("?#"));
  // A folder (a frame sequence's) is named by its last segment and its slash.
  std::size_t end = !path.empty() && path.back() == '/' ? path.size() - 1 : path.size();
  std::size_t start = path.rfind('/', end == 0 ? 0 : end - 1);
  start = start == std::string::npos ? 0 : start + 1;
  return path.substr(start);
}

}  // namespace hw
