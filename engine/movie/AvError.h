#pragma once

#include <string>

namespace hw {

// FFmpeg's text for one of its error codes (av_strerror), for messages.
std::string avError(int code);

}  // namespace hw
