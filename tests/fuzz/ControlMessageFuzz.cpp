// Bytes on the control port, from a client that has not shown a key yet:
// framing (engine/net/FrameCodec.h), then each message as ControlChannel and
// MasterService read it: the hello check, a node's "frame" report and the
// movie figures of its node_status.
#include <stdexcept>

#include "config/InputError.h"
#include "engine/net/FrameCodec.h"
#include "engine/net/FrameReport.h"
#include "engine/net/HelloCheck.h"
#include "engine/net/MovieFiguresJson.h"
#include "engine/net/SoundFiguresJson.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hw;
  FrameCodec codec;
  codec.append(reinterpret_cast<const char*>(data), size);
  try {
    while (auto payload = codec.next()) {
      nlohmann::json message = nlohmann::json::parse(*payload, nullptr, false);
      if (message.is_discarded()) continue;
      refusalReason(message, "peer", "key", fuzz::wall());
      try {
        helloFromJson(message, "peer");
      } catch (const InputError&) {
      }
      try {
        frameReportFromJson(message);
      } catch (const std::runtime_error&) {
      }
      if (message.is_object()) {
        movieFiguresFromJson(message.value("movie", nlohmann::json()));
        soundFiguresFromJson(message.value("sound", nlohmann::json()));
      }
    }
  } catch (const std::length_error&) {  // a frame over kMaxFrameBytes: the channel closes
  }
  return 0;
}
