#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hw {

// A file a node has not managed to fetch, as its status names it.
struct FetchFailure {
  std::string name;    // the file's own name
  std::string sha256;  // its digest
  std::string error;   // why the last attempt failed, one line
  int attempts = 0;    // failed attempts in a row
};

// The `failing` list of a node_status (docs/protocol.md): at most
// kFailingReported files, first ones first.
constexpr std::size_t kFailingReported = 10;
nlohmann::json failuresToJson(const std::vector<FetchFailure>& failing);
// Reads what a node sent, leniently: entries that are not objects with a
// name are skipped, text is cut to a line's length, at most kFailingReported.
std::vector<FetchFailure> failuresFromJson(const nlohmann::json& list);

// The master's log lines for node `node` when its failing files go from
// `before` to `now`: one per file that started failing or fails for another
// reason, one per file that no longer fails. Attempt counts alone are no news.
std::vector<std::string> failureChangeLines(const std::string& node,
                                            const std::vector<FetchFailure>& before,
                                            const std::vector<FetchFailure>& now);

}  // namespace hw
