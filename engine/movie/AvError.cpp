#include "engine/movie/AvError.h"

extern "C" {
#include <libavutil/error.h>
}

namespace hw {

std::string avError(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  return text;
}

}  // namespace hw
