#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hw {

// Most bytes of one outside value (a peer's node id, its reason, a field) a log line shows.
constexpr std::size_t kMaxLoggedValueBytes = 200;  // bytes

// `text` made fit for one line of a log: newlines and every other control
// character, DEL, the C1 controls, U+2028/U+2029, invalid UTF-8 and the
// backslash are written as escapes (\n, \x1b, \u2028, \\), so nothing a
// client sends can start a line of its own; anything after `maxBytes` bytes is
// cut, ending in "[... N more bytes]", so nothing it sends can flood the log.
// For every value a peer or a file chose, before it is logged or echoed.
std::string logSafe(std::string_view text, std::size_t maxBytes = kMaxLoggedValueBytes);

}  // namespace hw
