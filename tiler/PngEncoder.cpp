// PNG encoding with libpng, set for speed (docs/tiler.md, "PNG encoding").
#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <fstream>
#include <stdexcept>

#include "tiler/DecodedRows.h"
#include "tiler/ImageFile.h"

namespace hw {
namespace {

void appendBytes(png_structp png, png_bytep data, png_size_t size) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), size);
}

// libpng reports errors by longjmp, so this frame holds nothing that needs
// destroying: the output string lives in the caller. Returns false on error.
bool encodeInto(png_structp png, png_infop info, const Image& image, bool opaque) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_IHDR(png, info, image.width, image.height, 8,
               opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  // Measured on photo-like 1080p tiles (docs/tiler.md): Paeth rows with
  // run-length deflate encode about 12x faster than libpng's defaults
  // (adaptive filters, zlib level 6) and come out no larger; flat areas
  // (backgrounds, cards) still shrink to runs.
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_PAETH);
  png_set_compression_level(png, 1);
  png_set_compression_strategy(png, Z_RLE);
  png_write_info(png, info);
  if (opaque) png_set_filler(png, 0, PNG_FILLER_AFTER);  // rows stay RGBA, the file RGB
  for (int y = 0; y < image.height; ++y) png_write_row(png, const_cast<png_bytep>(image.row(y)));
  png_write_end(png, info);
  return true;
}

}  // namespace

std::string encodePng(const Image& image) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  std::string bytes;
  bool encoded = false;
  if (info) {
    png_set_write_fn(png, &bytes, appendBytes, nullptr);
    encoded = encodeInto(png, info, image, isOpaque(image));
  }
  png_destroy_write_struct(&png, &info);
  if (!encoded)
    throw std::runtime_error("cannot encode a " + std::to_string(image.width) + "x" +
                             std::to_string(image.height) + " picture as PNG");
  return bytes;
}

void writePngFile(const Image& image, const std::filesystem::path& path) {
  std::string bytes = encodePng(image);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": cannot write PNG");
}

}  // namespace hw
