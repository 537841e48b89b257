#include "tiler/ImageFile.h"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "tiler/DecodedRows.h"
#include "tiler/HugePages.h"
#include "tiler/MediaError.h"
#include "tiler/ParallelJobs.h"
#include "tiler/PastEndFill.h"

namespace hw {
namespace {

struct SurfaceFree {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceFree>;

// IMG_Init keeps an unguarded count; do it once before threads use the codecs.
void startCodecs() {
  static std::once_flag once;
  std::call_once(once, [] { IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG); });
}

// A surface over the image's own pixels: nothing is copied.
Surface wrap(Image& image) {
  return Surface(SDL_CreateRGBSurfaceWithFormatFrom(image.pixels.data(), image.width, image.height,
                                                    32, image.stride(), SDL_PIXELFORMAT_RGBA32));
}

// Palettes, colour keys, 16-bit and the rest: SDL's general blitter.
Image convertAnyFormat(SDL_Surface* decoded, const std::string& name) {
  Image image(decoded->w, decoded->h, Color{}, 0);
  Surface target = wrap(image);
  if (!target) throw MediaError(name, std::string("cannot convert image: ") + SDL_GetError());
  // Blending off: the media's own alpha (or colour key) is what we keep.
  SDL_SetSurfaceBlendMode(decoded, SDL_BLENDMODE_NONE);
  if (SDL_BlitSurface(decoded, nullptr, target.get(), nullptr) != 0)
    throw MediaError(name, std::string("cannot convert image: ") + SDL_GetError());
  return image;
}

// SDL_image's loader over a stream that is safe to read past its end; takes `raw`.
Surface load(SDL_RWops* raw, const char* typeHint, const std::string& name) {
  if (!raw) throw MediaError(name, std::string("cannot decode image: ") + SDL_GetError());
  SDL_RWops* stream = fillPastEnd(raw);
  std::string cut = stream ? pngChunkPastEnd(stream) : "";
  if (!cut.empty()) {
    SDL_RWclose(stream);
    throw MediaError(name, "cannot decode image: " + cut);
  }
  Surface decoded(IMG_LoadTyped_RW(stream, 1, typeHint));
  if (!decoded) throw MediaError(name, std::string("cannot decode image: ") + IMG_GetError());
  return decoded;
}

}  // namespace

Image decodeImageFile(const std::filesystem::path& path) {
  bool opaque = false;
  return decodeImageFile(path, opaque);
}

Image decodeImageFile(const std::filesystem::path& path, bool& opaque) {
  startCodecs();
  std::string name = path.string();
  // IMG_Load's own steps: the extension is a hint for formats without a signature.
  std::string extension = path.extension().string();
  if (!extension.empty()) extension.erase(0, 1);
  Surface decoded = load(SDL_RWFromFile(name.c_str(), "rb"),
                         extension.empty() ? nullptr : extension.c_str(), name);
  Uint32 format = decoded->format->format;
  bool rgb = format == SDL_PIXELFORMAT_RGB24, rgba = format == SDL_PIXELFORMAT_RGBA32;
  if (!rgb && !rgba) {
    Image image = convertAnyFormat(decoded.get(), name);
    opaque = isOpaque(image);
    return image;
  }
  // JPEG gives RGB, PNG with alpha RGBA: copy straight into place, in row
  // bands on every core (SDL's general converter is several times slower).
  Image image;
  image.width = decoded->w;
  image.height = decoded->h;
  resizeOnHugePages(image.pixels, static_cast<std::size_t>(image.width) * image.height * 4);
  constexpr int kRows = 64;
  const int bands = (image.height + kRows - 1) / kRows;
  std::vector<char> bandOpaque(bands, 1);
  runParallel(bands, [&](int band) {
    for (int y = band * kRows; y < std::min(image.height, (band + 1) * kRows); ++y) {
      const auto* src = static_cast<const std::uint8_t*>(decoded->pixels) + y * decoded->pitch;
      std::uint8_t* dst = image.row(y);
      if (rgb) {
        rgbRowToRgba(src, dst, image.width);
      } else {
        std::memcpy(dst, src, image.stride());
        bandOpaque[band] &= rgbaRowOpaque(src, image.width);
      }
    }
  });
  opaque = std::all_of(bandOpaque.begin(), bandOpaque.end(), [](char o) { return o != 0; });
  return image;
}

Image decodeImageBytes(const std::string& bytes, const std::string& name) {
  startCodecs();
  Surface decoded =
      load(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())), nullptr, name);
  return convertAnyFormat(decoded.get(), name);
}

}  // namespace hw
