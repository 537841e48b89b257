#pragma once

#include <string>
#include <vector>

#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"

namespace hw {

// Reads every movie's facts (rate, frames, size) from its file, a local path
// or an http(s) URL's copy in `mirror`, and times the cues that last as long
// as their movies. The show parsers leave this to playback's edge: they read
// no video. A cue whose movie is not on this machine is kept but skipped
// ("movie not downloaded: …"); one whose file will not open stays playable,
// shows its background on the wall, and gets a warning naming the file.
// Facts already known (a node's show, where the master wrote them) are kept.
// A frame sequence named by URL is listed from the mirror's copy of its
// folder's index page; without one its cue is skipped ("frames not fetched:
// no listing of NAME/").
// Throws InputError ("nothing to show") when no cue is left that can play.
void probeMovies(Playlist& playlist, const LocalMirror& mirror);

// The local file a movie item plays from: its path, the mirror's copy of a
// URL, or "" when there is none on this machine.
std::string localMovieFile(const MediaRef& media, const LocalMirror& mirror);

// Where each frame of a frame sequence is on this machine: its path, or a
// URL's copy in `mirror`; a frame with neither keeps its URI (a missing frame).
std::vector<std::string> localFrameFiles(const MediaRef& media, const LocalMirror& mirror);

}  // namespace hw
