#pragma once

#include <string>
#include <vector>

#include "hwshow/LocalMirror.h"
#include "hwshow/SvsMovieName.h"

namespace hw {

// A frame sequence is a folder of numbered pictures played as a movie: SVS
// publishes them as `frames/5760x3240_16x9_30p/NAME/` holding
// `NAME.0001.png` ...; a .hwshow names one with a "frames" cue. These read
// which files are its frames and what its folder's name says of it.

// True for an image file whose name ends in a frame number before its
// extension: "NAME.0001.png", "frame_12.jpg", "0007.png".
bool isNumberedFrame(const std::string& name);

// The numbered frames of a local folder (full paths, frame order: "x.2"
// before "x.10"); empty when the folder holds none or cannot be read.
std::vector<std::string> listFrameFolder(const std::string& folder);

// The numbered frames an HTTP directory listing of `folderUrl` (an index
// page, as web servers write one) links to directly inside that folder, as
// absolute URLs in frame order. Links elsewhere (parent, sub-folders, other
// hosts, sort links) are left out.
std::vector<std::string> framesInListing(const std::string& html, const std::string& folderUrl);

// The frames the cached listing of `folderUrl` names (LocalMirror keeps a
// folder URL's index page as <folder>/index.html); empty without one.
std::vector<std::string> framesInCachedListing(const std::string& folderUrl,
                                               const LocalMirror& mirror);

// Size and rate as the folder's name or its parent's give them
// ("frames/4096x4096_1x1_30p/AIA131-Frames.PSF/": 4096x4096 at 30 fps); what
// neither gives stays unknown.
SvsMovieName readFrameFolderName(const std::string& folderUri);

}  // namespace hw
