#pragma once

#include <string>
#include <vector>

#include "hwshow/Playlist.h"

namespace hw {

// What an SVS movie's file name says of it. The page API gives width and
// height 0 for most movies; the size and rate are in the name instead:
// `_1024p30`, `_2048p30`, `_1080p60`, `_4k`, `_3840x2160`, `_hw5x3_810p30`,
// `_webmhd`, and a frame folder's rate alone, `_30p`. `version` is the name
// without those tags, extension and case:
// files of one version are sizes of one movie.
struct SvsMovieName {
  int width = 0;        // pixels; 0 = the name does not say
  int height = 0;       // pixels; 0 = the name does not say
  FrameRate rate;       // unknown when the name does not say
  std::string version;  // "20240430_ar13654m95_aia131_psf_stamped"
};

// `aspect` (width / height) completes a size the name gives only as lines
// (`_1024p30`): the group's poster image's shape, else 16:9.
SvsMovieName readSvsMovieName(const std::string& uri, double aspect);

// One SVS media group's movies: the files of the version shown, with the
// sizes their names give where the page gives none, and the file names of
// the other versions (which differ by more than size: stamped or plain,
// another filter or wavelength). The version shown is the one offering the
// largest picture, the first listed among equals: a group is one visual in
// several renderings, and a wall shows it once, as sharp as it is offered.
struct SvsMovieVersions {
  std::vector<MediaCandidate> shown;
  std::vector<std::string> others;
};
SvsMovieVersions chooseSvsMovieVersion(const std::vector<MediaCandidate>& movies, double aspect);

}  // namespace hw
