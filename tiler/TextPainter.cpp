#include "tiler/TextPainter.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <cstdlib>
#include <filesystem>
#include <map>

namespace hw {
namespace {

std::string fontPath() {
  if (const char* custom = std::getenv("HYPERWALL_FONT")) return custom;
  for (const char* candidate : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                "/usr/share/fonts/TTF/DejaVuSans.ttf"}) {
    if (std::filesystem::exists(candidate)) return candidate;
  }
  return "";
}

}  // namespace

// One opened font per pixel size; TTF_Init is reference counted by SDL_ttf.
struct TextPainter::Fonts {
  std::string path;
  std::map<int, TTF_Font*> bySize;

  ~Fonts() {
    for (auto& [_, font] : bySize) TTF_CloseFont(font);
    TTF_Quit();
  }

  TTF_Font* at(int pixelHeight) {
    auto it = bySize.find(pixelHeight);
    if (it != bySize.end()) return it->second;
    TTF_Font* font = TTF_OpenFont(path.c_str(), pixelHeight);
    bySize[pixelHeight] = font;  // nullptr is remembered too: no retry per frame
    return font;
  }
};

TextPainter::TextPainter() {
  std::string path = fontPath();
  if (path.empty()) {
    problem_ = "no font found (install fonts-dejavu-core or set HYPERWALL_FONT)";
    return;
  }
  if (TTF_Init() != 0) {
    problem_ = std::string("SDL_ttf failed to start: ") + TTF_GetError();
    return;
  }
  fonts_ = std::make_unique<Fonts>();
  fonts_->path = path;
  if (!fonts_->at(16)) {
    problem_ = path + ": cannot open font: " + TTF_GetError();
    fonts_.reset();
  }
}

TextPainter::~TextPainter() = default;

bool TextPainter::available() const { return fonts_ != nullptr; }

Size TextPainter::measure(const std::string& text, int pixelHeight) {
  int w = 0, h = 0;
  if (!fonts_ || text.empty()) return {0, 0};
  TTF_Font* font = fonts_->at(pixelHeight);
  if (!font || TTF_SizeUTF8(font, text.c_str(), &w, &h) != 0) return {0, 0};
  return {w, h};
}

int TextPainter::draw(Image& target, const std::string& text, int x, int y, int pixelHeight,
                      Color color) {
  if (!fonts_ || text.empty()) return 0;
  TTF_Font* font = fonts_->at(pixelHeight);
  if (!font) return 0;
  SDL_Surface* rendered = TTF_RenderUTF8_Blended(font, text.c_str(), SDL_Color{color.r, color.g, color.b, 255});
  if (!rendered) return 0;
  SDL_Surface* glyphs = SDL_ConvertSurfaceFormat(rendered, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(rendered);
  if (!glyphs) return 0;
  SDL_LockSurface(glyphs);
  for (int gy = 0; gy < glyphs->h; ++gy) {
    int ty = y + gy;
    if (ty < 0 || ty >= target.height) continue;
    const auto* src = static_cast<const std::uint8_t*>(glyphs->pixels) + gy * glyphs->pitch;
    for (int gx = 0; gx < glyphs->w; ++gx) {
      int tx = x + gx;
      if (tx < 0 || tx >= target.width) continue;
      const std::uint8_t* s = src + gx * 4;
      std::uint8_t* d = target.at(tx, ty);
      int a = s[3];
      for (int c = 0; c < 3; ++c) d[c] = static_cast<std::uint8_t>((s[c] * a + d[c] * (255 - a) + 127) / 255);
    }
  }
  SDL_UnlockSurface(glyphs);
  int width = glyphs->w;
  SDL_FreeSurface(glyphs);
  return width;
}

}  // namespace hw
