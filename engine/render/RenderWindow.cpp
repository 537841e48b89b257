#include "engine/render/RenderWindow.h"

#include <stdexcept>

namespace hw {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + SDL_GetError());
}

// Headless runs pick a driver that needs no display; `offscreen` draws into
// memory, `dummy` is the last resort. Anything else follows SDL_VIDEODRIVER.
void startVideo(bool headless) {
  if (!headless) {
    SDL_ResetHint(SDL_HINT_VIDEODRIVER);
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) fail("cannot start SDL video");
    return;
  }
  // Draw straight into the window's memory, not through a GL texture behind it.
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  for (const char* driver : {"offscreen", "dummy"}) {
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, driver, SDL_HINT_OVERRIDE);
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) return;
  }
  fail("cannot start SDL video without a display");
}

SDL_Renderer* makeRenderer(SDL_Window* window, bool headless, bool vsync) {
  // Pixels read back in headless runs must not depend on a GPU driver.
  if (headless) return SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  for (Uint32 flags : {Uint32(SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC),
                       Uint32(SDL_RENDERER_ACCELERATED), Uint32(SDL_RENDERER_SOFTWARE)}) {
    if (!vsync && (flags & SDL_RENDERER_PRESENTVSYNC)) continue;
    if (SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, flags)) return renderer;
  }
  return nullptr;
}

}  // namespace

RenderWindow::RenderWindow(const WindowSettings& settings)
    : size_(settings.size), headless_(settings.headless) {
  startVideo(settings.headless);
  Uint32 flags = settings.headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
  if (settings.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  int position = settings.fullscreen ? SDL_WINDOWPOS_UNDEFINED_DISPLAY(settings.display)
                                     : SDL_WINDOWPOS_CENTERED_DISPLAY(settings.display);
  RectI frame{position, position, settings.size.w, settings.size.h};
  if (!settings.placement.empty()) {
    frame = settings.placement;
    // A window smaller than its drawing is scaled down smoothly, not by dropping pixels.
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
  }
  window_ = SDL_CreateWindow(settings.title.c_str(), frame.x, frame.y, frame.w, frame.h, flags);
  if (!window_) {
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    fail("cannot open a window");
  }
  renderer_ = makeRenderer(window_, settings.headless, settings.vsync);
  if (!renderer_) {
    SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    fail("cannot make a renderer");
  }
  // Views are laid out for the requested size; fullscreen on a different mode scales it.
  SDL_RenderSetLogicalSize(renderer_, settings.size.w, settings.size.h);
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(renderer_, &info) == 0) {
    // Headless there is no display to wait for, whatever the renderer says.
    vsync_ = !headless_ && (info.flags & SDL_RENDERER_PRESENTVSYNC);
    Uint32 native = SDL_GetWindowPixelFormat(window_);
    for (Uint32 i = 0; i < info.num_texture_formats; ++i)
      if (info.texture_formats[i] == native && SDL_BYTESPERPIXEL(native) == 4)
        textureFormat_ = native;
  }
}

RenderWindow::~RenderWindow() {
  SDL_DestroyRenderer(renderer_);
  SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

std::string RenderWindow::description() const {
  SDL_RendererInfo info;
  SDL_GetRendererInfo(renderer_, &info);
  return std::string(SDL_GetCurrentVideoDriver()) + " video, " + info.name + " renderer" +
         (vsync_ ? ", vsync" : ", no vsync");
}

void RenderWindow::clear(Color color) {
  SDL_SetRenderDrawColor(renderer_, color.r, color.g, color.b, 255);
  SDL_RenderClear(renderer_);
}

void RenderWindow::fill(const RectI& place, Color color, std::uint8_t opacity) {
  SDL_SetRenderDrawBlendMode(renderer_, opacity == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer_, color.r, color.g, color.b, opacity);
  SDL_Rect rect{place.x, place.y, place.w, place.h};
  SDL_RenderFillRect(renderer_, &rect);
}

Size RenderWindow::outputSize() const {
  Size area;
  SDL_GetRendererOutputSize(renderer_, &area.w, &area.h);
  return area;
}

Image RenderWindow::readPixels() const {
  Size area = outputSize();
  Image image(area.w, area.h);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, image.pixels.data(),
                           image.stride()) != 0)
    fail("cannot read back the window");
  return image;
}

void RenderWindow::present() { SDL_RenderPresent(renderer_); }

void RenderWindow::toggleFullscreen() {
  bool full = SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP;
  SDL_SetWindowFullscreen(window_, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

}  // namespace hw
