#pragma once

#include <SDL.h>

#include <string>

#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

struct WindowSettings {
  std::string title = "hyperwall";  // window caption
  Size size;                        // pixels of the drawing area
  bool headless = false;    // true: offscreen video driver, software renderer, nothing shown
  bool fullscreen = false;  // true: cover the whole of display `display`
  int display = 0;          // SDL display index the window opens on
  RectI placement{};        // screen pixels of the window; empty = `size`, centred on `display`
  bool vsync = true;        // false: never wait for vblank (all but one of several windows)
};

// One SDL window and its renderer, with vsync where the driver offers it.
// Owns the SDL video subsystem for its lifetime. Throws std::runtime_error
// when no window can be made (no display, no driver).
class RenderWindow {
 public:
  explicit RenderWindow(const WindowSettings& settings);
  ~RenderWindow();
  RenderWindow(const RenderWindow&) = delete;
  RenderWindow& operator=(const RenderWindow&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  // Pixel format textures are made in: the window's own where the renderer
  // takes it, so copies need no per-frame conversion.
  Uint32 textureFormat() const { return textureFormat_; }
  // SDL's id of the window, as events carry it.
  Uint32 id() const { return SDL_GetWindowID(window_); }
  // Pixels of the drawing area as laid out; a fullscreen window of another
  // size shows it scaled.
  Size size() const { return size_; }
  // Pixels the window really has on screen (differs from size() when scaled).
  Size outputSize() const;
  bool vsync() const { return vsync_; }
  bool headless() const { return headless_; }
  // Name of the SDL video driver and renderer in use, for progress lines.
  std::string description() const;

  void clear(Color color);
  void fill(const RectI& place, Color color, std::uint8_t opacity);
  // What has been drawn since the last present, read back at output resolution.
  Image readPixels() const;
  void present();
  void toggleFullscreen();

 private:
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  Size size_;
  Uint32 textureFormat_ = SDL_PIXELFORMAT_RGBA32;
  bool vsync_ = false;
  bool headless_ = false;
};

}  // namespace hw
