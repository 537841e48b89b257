// What a node takes from its master's welcome or "show" message
// (engine/net/NodeLink.cpp): the wall, the show document, the show state and
// the asset list, each strict (InputError); then the playback maths run on
// whatever was accepted, as the node's present loop does.
#include "config/InputError.h"
#include "config/JsonFile.h"
#include "engine/net/AssetManifest.h"
#include "engine/net/NodeShowDocument.h"
#include "engine/net/ShowState.h"
#include "engine/net/ShowStateJson.h"
#include "engine/render/TimelineSpec.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hw;
  nlohmann::json message;
  try {
    message = parseJsonText(fuzz::text(data, size), "welcome");
  } catch (const InputError&) {
    return 0;
  }
  if (!message.is_object()) return 0;
  WallConfig wall = fuzz::wall();
  try {
    if (message.contains("wall")) wall = parseWallConfig(message["wall"], "welcome");
  } catch (const InputError&) {
  }
  try {
    if (message.contains("assets")) manifestFromJson(message["assets"], "welcome");
  } catch (const InputError&) {
  }
  try {
    Playlist show = showFromDocument(message.value("show", nlohmann::json::object()), wall,
                                     fuzz::emptyMirror(), "welcome");
    Timeline timeline(timelineSpecFor(show));
    ShowState state =
        showStateFromJson(message.value("state", nlohmann::json::object()), "welcome");
    for (double at : {-1.0, 0.0, 0.5, 3.0, 1e6}) {
      positionAt(state, timeline, at);
      nextChange(state, timeline, at);
    }
  } catch (const InputError&) {
  }
  return 0;
}
