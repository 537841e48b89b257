// A wall file (config/WallConfigLoader.h): every refusal an InputError, and a
// wall that is accepted reads back the same from the document it writes.
#include <cstdlib>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hw;
  try {
    WallConfig wall =
        parseWallConfig(parseJsonText(fuzz::text(data, size), "wall.json"), "wall.json");
    nlohmann::json written = wallConfigToJson(wall);
    if (wallConfigToJson(parseWallConfig(written, "written")) != written) std::abort();
  } catch (const InputError&) {
  }
  return 0;
}
