#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include "engine/render/Clock.h"
#include "engine/render/CuePreloader.h"
#include "engine/render/CueTileSource.h"
#include "engine/render/NodeView.h"
#include "engine/render/PlaybackSchedule.h"
#include "engine/render/PresentLog.h"
#include "engine/render/RenderWindow.h"
#include "engine/render/Texture.h"
#include "hwshow/Playlist.h"

namespace hw {

struct PlayerSettings {
  std::vector<NodeView> views;  // where each display's tile is drawn in the window
  Color surround{12, 12, 12};   // window colour outside the views: the rehearsal's bezel bars
  bool waitForFrames = false;   // true: draw() waits for a cue's pixels (deterministic stepping)
};

// What one drawn frame shows.
struct PlayerFrame {
  PlaybackPosition position;  // cue, elapsed time and crossfade progress drawn
  bool complete = false;      // every layer came from its cue's pixels (none still loading)
};

// Draws the show into a window, one frame per call, at the clock's time: the
// current cue's tiles, crossfaded from the previous cue from the cue's start
// time, so every node of the wall draws the same fade. The next cue is
// prepared on a worker thread beforehand; at most the current, next and
// (while fading) previous cue are held. A cue whose media fails shows its
// background and logs one line; the show goes on.
class Player {
 public:
  Player(RenderWindow& window, const Clock& clock, PlaybackSchedule& schedule,
         const Playlist& playlist, CueTileSource& tiles, PlayerSettings settings,
         std::ostream& log);

  // Draws the frame for clock.now() without presenting it.
  PlayerFrame draw();
  // Shows the drawn frame (waiting for vsync where there is one) and records
  // when a new cue first reached the screen.
  void present();

  // Draws `pattern`'s tiles instead of the show until called with nullptr;
  // the show's timing runs on underneath.
  void showTestPattern(CueTileSource* pattern);
  bool showingTestPattern() const { return pattern_.has_value(); }

  const PresentLog& presentLog() const { return presentLog_; }
  // Cues whose pixels are held now; for checking the memory bound.
  std::vector<int> residentCues() const;

 private:
  struct CueTextures {
    int cue = -1;
    std::vector<Texture> views;  // one per view; empty when the cue failed
    bool failed = false;         // drawn as its background
  };

  const CueTextures* find(int cue) const;
  void keepOnly(const std::vector<int>& wanted);
  void upload(std::vector<PreparedCue> prepared, const std::vector<int>& wanted);
  std::vector<Texture> uploadViews(const std::vector<Image>& images);
  Color backgroundOf(int cue) const;
  void drawLayer(std::size_t view, int cue, const CueTextures* textures, std::uint8_t opacity);

  RenderWindow& window_;
  const Clock& clock_;
  PlaybackSchedule& schedule_;
  const Playlist& playlist_;
  PlayerSettings settings_;
  std::ostream& log_;
  CuePreloader preloader_;
  std::vector<CueTextures> resident_;            // at most current, next and previous
  std::optional<std::vector<Texture>> pattern_;  // test pattern per view, while shown
  PlayerFrame drawn_;                            // the frame the next present() shows
  int presentedCue_ = -2;                        // cue last recorded in presentLog_
  PresentLog presentLog_;
};

}  // namespace hw
