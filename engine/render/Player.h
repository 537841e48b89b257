#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "engine/render/Clock.h"
#include "engine/render/CuePreloader.h"
#include "engine/render/CueTileSource.h"
#include "engine/render/MovieCuePlayback.h"
#include "engine/render/PlaybackSchedule.h"
#include "engine/render/PresentLog.h"
#include "engine/render/RenderWindow.h"
#include "engine/render/Texture.h"
#include "engine/render/WindowLayout.h"
#include "hwshow/Playlist.h"

namespace hw {

struct PlayerSettings {
  bool waitForFrames = false;  // true: draw() waits for a cue's pixels (deterministic stepping)
  CueTileSource* testPattern = nullptr;  // composed once at start for showTestPattern; may be null
  LocalMirror mirror = LocalMirror::fromEnvironment();  // local copies of movies named by URL
};

// What one drawn frame shows.
struct PlayerFrame {
  PlaybackPosition position;  // cue, elapsed time and crossfade progress drawn
  bool complete = false;      // every layer came from its cue's pixels (none still loading)
  std::string mediaError;     // why the cue drawn shows its background, not its media ("": not)
  MovieStats movie;           // the current cue's movie playback; tick -1 for a still cue
};

// Draws the show into a window, one frame per call, at the clock's time: the
// current cue's pictures, crossfaded from the previous cue from the cue's
// start time, so every node of the wall draws the same fade. The next cue is
// prepared on a worker thread beforehand; at most the current, next and
// (while fading) previous cue are held. A cue whose media fails shows its
// background and logs one line; the show goes on. A movie cue's pictures
// change at every frame interval of its movie (MovieCuePlayback decodes them
// ahead), at the same clock times on every node.
class Player {
 public:
  // Everything passed by reference must outlive the player.
  Player(RenderWindow& window, const Clock& clock, PlaybackSchedule& schedule,
         const Playlist& playlist, CueTileSource& tiles, const WindowLayout& layout,
         PlayerSettings settings, std::ostream& log);

  // Draws the frame for clock.now() without presenting it.
  PlayerFrame draw();
  // Shows the drawn frame (waiting for vsync where there is one) and records
  // when a new cue first reached the screen.
  void present();

  // Draws the test pattern instead of the show (when the settings gave one);
  // the show's timing runs on underneath.
  void showTestPattern(bool shown) { patternShown_ = shown && !pattern_.empty(); }
  bool showingTestPattern() const { return patternShown_; }

  // A copy of the first picture of the current cue's movie frame on the
  // screen since the last draw(); null for a still cue or none up yet. For
  // the master's capture of an instant, which a windowed node cannot read
  // back from the GPU (docs/protocol.md, "frame").
  std::shared_ptr<const Image> movieFrameShown() const;

  const PresentLog& presentLog() const { return presentLog_; }
  // Cues whose pixels are held now; for checking the memory bound.
  std::vector<int> residentCues() const;

 private:
  struct CueTextures {
    int cue = -1;                   // playlist index
    std::vector<Texture> pictures;  // one per layout place: the cue without its movies
    std::string error;              // why they show its background ("" = they do not)
    std::unique_ptr<MovieCuePlayback> movie;  // a movie cue's decoding; null for a still cue
    std::vector<Texture> moving;  // its latest frame, one per place; empty until the first
    std::vector<Image> held;      // the pictures of `moving`, until the next frame's replace them
    const std::vector<Texture>& shown() const { return moving.empty() ? pictures : moving; }
  };

  const CueTextures* find(int cue) const;
  CueTextures* find(int cue);
  // Brings a movie cue's pictures to the frame `elapsed` s into the cue.
  // `holding`: paused on that frame.
  void advanceMovie(CueTextures& textures, double elapsed, bool holding);
  void upload(std::vector<PreparedCue> prepared, const std::vector<int>& wanted);
  std::vector<Texture> uploadPictures(const std::vector<Image>& pictures);
  void drawLayer(const std::vector<Texture>& pictures, std::uint8_t opacity);

  RenderWindow& window_;
  const Clock& clock_;
  PlaybackSchedule& schedule_;
  const Playlist& playlist_;
  CueTileSource& tiles_;
  const WindowLayout& layout_;
  const std::vector<RectI> places_;  // where each picture goes
  PlayerSettings settings_;
  std::ostream& log_;
  CuePreloader preloader_;
  std::vector<Texture> idle_;          // the show's background, for no cue
  std::vector<CueTextures> resident_;  // at most current, next and previous
  std::vector<Texture> pattern_;       // the test pattern; empty without one
  bool patternShown_ = false;          // pattern_ drawn instead of the show
  PlayerFrame drawn_;                  // the frame the next present() shows
  int presentedCue_ = -2;              // cue last recorded in presentLog_
  PresentLog presentLog_;
};

}  // namespace hw
