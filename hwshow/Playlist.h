#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hw {

// How a media item is placed into its target rectangle of the wall canvas.
enum class FitMode {
  Fit,      // whole item visible, aspect kept, letterboxed with the background
  Fill,     // target covered, aspect kept, overflow cropped around the anchor
  Stretch,  // target covered exactly, aspect ignored
  Native,   // one media pixel per canvas pixel, centred (cropped if larger)
};

// Where Fill crops and Native/Fit sit inside the target; (0.5, 0.5) is centred.
struct Anchor {
  double x = 0.5;  // 0 = left edge, 1 = right edge
  double y = 0.5;  // 0 = top edge, 1 = bottom edge
};

enum class TransitionType { Cut, Crossfade };

struct Transition {
  TransitionType type = TransitionType::Crossfade;
  double seconds = 1.0;  // s, length of the crossfade; ignored for cuts
};

struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

enum class MediaKind { Image, Movie };

// Frames per second exactly as a container states it: 30000/1001 for 29.97.
struct FrameRate {
  int num = 0;  // frames ...
  int den = 1;  // ... per this many seconds
  bool known() const { return num > 0 && den > 0; }
  double fps() const { return known() ? static_cast<double>(num) / den : 0.0; }
  bool operator==(const FrameRate&) const = default;
};

// What playback needs to know of a movie before decoding it: from the file
// (MovieProbe) or, on a node, from the show the master sent.
struct MovieFacts {
  FrameRate rate;           // of the video stream; unknown until probed
  std::int64_t frames = 0;  // frames in one pass; 0 = unknown until probed
  bool known() const { return rate.known() && frames > 0; }
  // s of one pass through the movie.
  double seconds() const {
    return known() ? static_cast<double>(frames) * rate.den / rate.num : 0.0;
  }
  bool operator==(const MovieFacts&) const = default;
};

// One file at one size, as a source lists it.
struct MediaCandidate {
  std::string uri;  // absolute path, http(s) URL, or asset:<sha256> (a node's show)
  int width = 0;    // pixels; 0 = unknown until decoded
  int height = 0;   // pixels; 0 = unknown until decoded
};

// The file a layout item shows, chosen among the sizes its source offers.
struct MediaRef {
  MediaKind kind = MediaKind::Image;
  std::string uri;                         // absolute path or http(s) URL
  int width = 0;                           // pixels; 0 = unknown until decoded
  int height = 0;                          // pixels; 0 = unknown until decoded
  std::string choice;                      // why this one, for `plan` ("smallest >= canvas")
  std::vector<MediaCandidate> candidates;  // every size offered, including the chosen one
  MovieFacts movie;                        // movies only: rate and length of `uri`
  // A frame sequence (a movie whose `uri` is a folder, ending in '/'): its
  // pictures' files (paths, URLs or asset:<sha256>) in frame order; empty
  // until the folder's listing is read (FrameFolder, MovieProbe).
  std::vector<std::string> frames;
  bool isFrameSequence() const { return !uri.empty() && uri.back() == '/'; }
};

// A rectangle of the wall in whole displays.
struct Region {
  int col = 0, row = 0;    // top-left display
  int cols = 0, rows = 0;  // size in displays; 0 = to the wall's far edge
  bool operator==(const Region&) const = default;
};

struct LayoutItem {
  MediaRef media;
  Region region;  // {0,0,0,0} = the whole wall
  FitMode fit = FitMode::Fit;
  Anchor anchor;
};

// One step of the show: what the wall shows until the next cue.
struct Cue {
  std::string title;
  std::vector<LayoutItem> items;  // drawn in order over the background
  double durationSeconds = 10.0;  // s, time on the wall before the next cue
  // Movie cues without a "duration": the cue lasts its longest movie times
  // `loops` (movieCueSeconds), set once the movies' facts are known.
  bool durationFromMovies = false;
  int loops = 1;                   // passes through the movies when durationFromMovies
  Transition transition;           // how this cue replaces the previous one
  Color background;                // canvas colour where no item is drawn
  std::vector<std::string> notes;  // for the operator; never drawn on the wall
  std::string hwshowUri;           // the SVS page's companion .hwshow, if any
  std::string origin;              // where it was defined: "file#/pointer"
  bool playable = true;    // false: kept in the list but skipped (e.g. a movie not downloaded)
  std::string skipReason;  // why it is not playable
  // Per-display movies of a one-movie cue, by node id: each the whole picture
  // that display shows of the cue, cut from the movie ahead of time (docs/
  // hwshow.md, "displayMovies"). A node listed plays its own instead of
  // decoding and cutting the source; rehearsal and others cut the source.
  std::map<std::string, std::string> displayMovies;
};

struct ShowMetadata {
  std::string title;
  std::string description;
  std::vector<std::string> credits;  // "Role: Name (Employer)"
  std::vector<std::string> keywords;
  std::string releaseDate;  // ISO 8601 as the source gives it
  std::string source;       // the path or URL the show was loaded from
  std::string svsPageUrl;   // set when the show came from an SVS page
};

// Defaults a .hwshow applies to cues that do not say otherwise.
struct CueDefaults {
  double durationSeconds = 10.0;  // s
  FitMode fit = FitMode::Fit;
  Color background;
  Transition transition;
};

struct Playlist {
  ShowMetadata metadata;
  CueDefaults defaults;
  bool loop = true;  // true: start over after the last cue
  std::vector<Cue> cues;
  std::vector<std::string> warnings;  // things skipped while loading, one line each
};

}  // namespace hw
