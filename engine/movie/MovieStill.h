#pragma once

#include <memory>
#include <string>

#include "engine/movie/PictureSequence.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"
#include "tiler/CueTiler.h"
#include "tiler/Image.h"

namespace hw {

// s into a movie of the picture that stands for it in still views (playlist
// thumbnails): past a fade from black, and cheap, decoded from the start.
constexpr double kMovieStillSeconds = 1.0;

// The picture kMovieStillSeconds into the movie at `path` (its last one when
// the movie is shorter), RGBA at the movie's size. Throws MediaError naming
// the file, as MovieFile does, or when it holds no picture.
std::shared_ptr<const Image> movieStill(const std::string& path);
// The same of any movie or frame sequence; `name` names it in the error.
std::shared_ptr<const Image> movieStill(PictureSequence& pictures, const std::string& name);

// Every movie of `cue` as its still, by URI, for CueTiler (a movie named by
// URL from `mirror`'s copy). A movie that is not here or does not decode is
// left out: its place shows what a cue without it shows, the background.
MovieFrames movieStillsOf(const Cue& cue, const LocalMirror& mirror);

}  // namespace hw
