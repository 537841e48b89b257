#pragma once

#include "config/WallConfig.h"
#include "tiler/Image.h"

namespace hw {

// A panel mounted turned `rotation` clockwise shows its framebuffer turned
// that way, so the framebuffer holds the mounted picture turned back.
Image framebufferFromMounted(const Image& mounted, Rotation rotation);
// The inverse: what a framebuffer looks like on the mounted panel.
Image mountedFromFramebuffer(const Image& framebuffer, Rotation rotation);

}  // namespace hw
