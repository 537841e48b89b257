// An SVS page as fetched from the web (hwshow/SvsPageParser.h): lenient, so
// only a document that is not a JSON object may be refused, as an InputError.
#include "config/InputError.h"
#include "config/JsonFile.h"
#include "hwshow/LoadContext.h"
#include "hwshow/SvsPageParser.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hw;
  try {
    nlohmann::json page = parseJsonText(fuzz::text(data, size), "page.json");
    LoadContext context{fuzz::wall(), fuzz::emptyMirror(), {}};
    parseSvsPage(page, "page.json", CueDefaults{}, context);
  } catch (const InputError&) {
  }
  return 0;
}
