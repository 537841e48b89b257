#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/control/CaptureInstant.h"
#include "engine/control/ScheduleReport.h"
#include "engine/control/WallStatus.h"
#include "hwshow/Playlist.h"

namespace hw {

// Why a controller would not carry out a command; the wall is left as it was.
enum class RefusalReason {
  BadRequest,  // the command's argument is wrong (bad cue, show that does not parse)
  NotFound,    // what it names does not exist (show file, page)
  Forbidden,   // it is outside what the wall may touch (a path outside the show folders)
  Conflict,    // the wall's state does not allow it (pause while stopped)
  Busy,        // another request of its kind is running; try again in a moment
};

class CommandRefused : public std::runtime_error {
 public:
  CommandRefused(RefusalReason reason, const std::string& message)
      : std::runtime_error(message), reason_(reason) {}
  RefusalReason reason() const { return reason_; }

 private:
  RefusalReason reason_;
};

// A screenshot of one instant (docs/api.md, `GET /api/screenshot.png?at=`).
struct WallShot {
  std::string png;  // the wall as every node captured it
  // {"at": master s asked, "nodes": {ID: {"at", "cue", "movieFrame"}}, "missing": [ID]}
  nlohmann::json capture;
};

// The wall as the control API drives it. The master implements this; so does
// PlaylistWallController for a wall in one process. Every method may be called
// from several HTTP threads at once, so implementations lock. A command either
// happens entirely or throws CommandRefused (or InputError for a bad show) and
// changes nothing.
class WallController {
 public:
  using StateListener = std::function<void()>;
  // Turns a vetted load() source into a playlist as the wall reads shows;
  // throws InputError for a bad show. Both implementations are given one.
  using ShowLoader = std::function<Playlist(const std::string& source)>;

  virtual ~WallController() = default;

  virtual WallStatus status() = 0;
  // The loaded show (empty when none); its generation is status().showGeneration.
  virtual Playlist playlist() = 0;

  virtual void play() = 0;    // from stopped: the selected or first cue; from paused: resume
  virtual void pause() = 0;   // refuses (Conflict) unless playing
  virtual void resume() = 0;  // refuses (Conflict) unless paused
  virtual void stop() = 0;    // wall dark, position back to the start
  virtual void next() = 0;    // refuses (Conflict) past the end of a show that does not loop
  virtual void previous() = 0;
  virtual void goTo(int cueIndex) = 0;  // 0-based; refuses (BadRequest) out of range
  // The cue on the wall shows `seconds` into it from now (a master: from its
  // scheduled time), playing or paused as it was. Refuses (Conflict) when
  // nothing is on the wall and (BadRequest) outside [0, the cue's duration).
  virtual void seek(double seconds) = 0;
  // `source` is already vetted by the API: a path inside an allowed show folder,
  // a .hwshow URL, or an SVS page id/URL. Replaces the show only if it loads.
  virtual void load(const std::string& source) = 0;
  virtual void setTestPattern(bool on) = 0;
  virtual void setBlank(bool on) = 0;

  // Shows each of `nodeIds` (every one on the wall) its identify card for
  // `seconds`: the ids whose nodes were asked, those connected. Refuses
  // (BadRequest) an id not on the wall and (Conflict) when none is
  // connected, or on a wall without render nodes.
  virtual std::vector<std::string> identify(const std::vector<std::string>& nodeIds,
                                            double seconds) {
    (void)nodeIds, (void)seconds;
    throw CommandRefused(RefusalReason::Conflict,
                         "this wall has no render nodes to identify: run it from a master");
  }

  // PNG bytes of what the whole wall shows now, bezels included.
  virtual std::string screenshotPng() = 0;
  // The whole wall at `instant`, each display as its node showed it then,
  // waiting for the nodes' answers (until a few seconds after the instant).
  // Refuses (BadRequest) an instant in the past or too far ahead
  // (captureTime), (Busy) while another capture runs.
  virtual WallShot screenshotAt(const CaptureInstant& instant) = 0;
  // PNG bytes of a small picture of cue `cueIndex` (0-based); "" when it has none.
  virtual std::string cueThumbnailPng(int cueIndex) = 0;
  // PNG bytes of the last picture node `nodeId` reported of its display (its
  // framebuffer, at most 320 px across or down); "" when it reported none.
  virtual std::string nodeFramePng(const std::string& nodeId) = 0;
  // The wall's opening hours now (docs/schedule.md); nullopt: it has none and
  // plays until told otherwise.
  virtual std::optional<ScheduleReport> schedule() { return std::nullopt; }

  // `listener` is called after every state change (command, cue advance, node
  // news), from any thread and without the controller's lock held; it must be
  // quick and must not call back into the controller. Returns an id for unsubscribe.
  virtual std::uint64_t subscribe(StateListener listener) = 0;
  virtual void unsubscribe(std::uint64_t id) = 0;
};

}  // namespace hw
