// A .hwshow file (hwshow/HwshowParser.h): strict, every refusal an InputError.
#include "config/InputError.h"
#include "config/JsonFile.h"
#include "hwshow/HwshowParser.h"
#include "hwshow/LoadContext.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hw;
  try {
    nlohmann::json document = parseJsonText(fuzz::text(data, size), "show.hwshow");
    LoadContext context{fuzz::wall(), fuzz::emptyMirror(), {}};
    parseHwshow(document, ShowOrigin{"show.hwshow", "/nonexistent/hyperwall-fuzz/"}, context);
  } catch (const InputError&) {
  }
  return 0;
}
