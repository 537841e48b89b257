// Descriptions and captions of SVS pages (hwshow/HtmlText.h): any bytes are
// text, nothing is refused; the output never grows past a few bytes per input byte.
#include <cstdlib>

#include "hwshow/HtmlText.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string html = hw::fuzz::text(data, size);
  // A reference of 3 or more bytes becomes at most 4 bytes of UTF-8; a <p> 2 newlines.
  if (hw::decodeHtmlEntities(html).size() > 2 * size) std::abort();
  if (hw::htmlToText(html).size() > 2 * size) std::abort();
  return 0;
}
