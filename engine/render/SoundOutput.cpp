#include "engine/render/SoundOutput.h"

#include <stdexcept>
#include <string>

namespace hw {
namespace {

constexpr int kRate = 48000;  // Hz: what video soundtracks are recorded at
// Sample frames the device takes at a time: 10 ms, a whole number of ms, so
// the disk driver (which sleeps this long in whole ms per buffer) keeps time.
constexpr int kDeviceBuffer = 480;

}  // namespace

SoundOutput::SoundOutput(Fill fill) : fill_(std::move(fill)) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
    throw std::runtime_error(std::string("no sound: ") + SDL_GetError());
  SDL_AudioSpec want{};
  want.freq = kRate;
  want.format = AUDIO_F32SYS;
  want.channels = 2;
  want.samples = kDeviceBuffer;
  want.callback = &SoundOutput::fillThunk;
  want.userdata = this;
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &spec_,
                                SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE);
  if (device_ == 0) {
    std::string reason = SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    throw std::runtime_error("no sound device: " + reason);
  }
  const char* driver = SDL_GetCurrentAudioDriver();
  latency_ = driver && std::string(driver) == "disk"
                 ? 0.0
                 : static_cast<double>(spec_.samples) / spec_.freq;
}

SoundOutput::~SoundOutput() {
  SDL_CloseAudioDevice(device_);  // waits for SDL's sound thread to end
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SoundOutput::fillThunk(void* self, Uint8* stream, int bytes) {
  auto* output = static_cast<SoundOutput*>(self);
  output->fill_(reinterpret_cast<float*>(stream),
                static_cast<std::size_t>(bytes) / sizeof(float) / output->spec_.channels);
}

}  // namespace hw
