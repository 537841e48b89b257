#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hw {

// `ctl screenshot FILE --at T`: the master's X-Hyperwall-Capture (docs/api.md)
// as one line for the instant and one per node, what it captured or that it
// did not answer:
//   instant 1795532601.500 (master s): 3 nodes answered, 1 did not
//   r0c0  cue 1, movie frame 372, up since 1795532601.489
//   r1c1  no answer: shown without a picture (or offline)
// Throws std::runtime_error when `capture` is not such a summary.
std::string formatCaptureSummary(const nlohmann::json& capture);

}  // namespace hw
