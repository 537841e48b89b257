#pragma once

#include "config/WallConfig.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

// A panel mounted turned `rotation` clockwise shows its framebuffer turned
// that way. toFramebuffer turns the picture (as seen on the wall) back the
// other way, so it looks upright once mounted; R90/R270 swap width and height.
Image toFramebuffer(const Image& mounted, Rotation rotation);

// The inverse: what a framebuffer looks like on the wall (for previews).
Image toMounted(const Image& framebuffer, Rotation rotation);

// Framebuffer pixels of a display mounted with `rotation`.
Size framebufferSize(const WallConfig& wall, Rotation rotation);

}  // namespace hw
