#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"

namespace hw {

// What probeMovies does for a movie URL not downloaded whose size is known.
enum class StandInMovies {
  Make,      // plays its stand-in movie, made into <cache>/standins if not there (master, rehearse)
  Describe,  // plays its stand-in movie, timed but not made (plan)
};

// Reads every movie's facts (rate, frames, size) from its file, a local path
// or an http(s) URL's copy in `mirror`, and times the cues that last as long
// as their movies. The show parsers leave this to playback's edge: they read
// no video. A movie URL not downloaded plays its stand-in movie
// (StandInMovie: its facts replace any the show states) when its size is
// known; without a size, or when the stand-in cannot be made, its cue is kept
// but skipped ("movie not downloaded: …"). One whose file will not open stays
// playable, shows its background on the wall, and gets a warning naming the
// file. Facts already known for a file on this machine (a node's show, where
// the master wrote them) are kept. A frame sequence named by URL is listed
// from the mirror's copy of its folder's index page; without one its cue is
// skipped ("frames not fetched: no listing of NAME/"). `progress` gets the
// lines of making stand-ins. Throws InputError ("nothing to show") when no
// cue is left that can play.
void probeMovies(Playlist& playlist, const LocalMirror& mirror,
                 StandInMovies standIns = StandInMovies::Make,
                 const std::function<void(const std::string&)>& progress = {});

// The local file a movie item plays from: its path, the mirror's copy of a
// URL, else its stand-in movie in the mirror once made, or "" when there is
// none on this machine.
std::string localMovieFile(const MediaRef& media, const LocalMirror& mirror);

// Where each frame of a frame sequence is on this machine: its path, or a
// URL's copy in `mirror`; a frame with neither keeps its URI (a missing frame).
std::vector<std::string> localFrameFiles(const MediaRef& media, const LocalMirror& mirror);

// True when `media` is a movie that plays its stand-in here: a URL of known
// size with no copy in `mirror`.
bool playsStandInMovie(const MediaRef& media, const LocalMirror& mirror);

}  // namespace hw
