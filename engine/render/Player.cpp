#include "engine/render/Player.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "engine/render/SolidTiles.h"
#include "hwshow/MovieCueTiming.h"

namespace hw {
namespace {

bool contains(const std::vector<int>& cues, int cue) {
  return std::find(cues.begin(), cues.end(), cue) != cues.end();
}

}  // namespace

Player::Player(RenderWindow& window, const Clock& clock, PlaybackSchedule& schedule,
               const Playlist& playlist, CueTileSource& tiles, const WindowLayout& layout,
               PlayerSettings settings, std::ostream& log)
    : window_(window),
      clock_(clock),
      schedule_(schedule),
      playlist_(playlist),
      tiles_(tiles),
      layout_(layout),
      places_(layout.places()),
      settings_(settings),
      log_(log),
      preloader_(tiles, layout, playlist) {
  // Composed here, before the preloading thread has work: text drawing must
  // not open fonts on two threads at once (FreeType's library is shared).
  SolidTiles background(layout.wall(), playlist.defaults.background);
  idle_ = uploadPictures(layout.compose(background, -1));
  if (settings.testPattern) pattern_ = uploadPictures(layout.compose(*settings.testPattern, -1));
}

const Player::CueTextures* Player::find(int cue) const {
  for (const CueTextures& textures : resident_)
    if (textures.cue == cue) return &textures;
  return nullptr;
}

Player::CueTextures* Player::find(int cue) {
  return const_cast<CueTextures*>(std::as_const(*this).find(cue));
}

std::vector<int> Player::residentCues() const {
  std::vector<int> cues;
  for (const CueTextures& textures : resident_) cues.push_back(textures.cue);
  return cues;
}

std::vector<Texture> Player::uploadPictures(const std::vector<Image>& pictures) {
  std::vector<Texture> textures;
  for (const Image& picture : pictures) textures.emplace_back(window_, picture);
  return textures;
}

void Player::upload(std::vector<PreparedCue> prepared, const std::vector<int>& wanted) {
  for (PreparedCue& cue : prepared) {
    if (!contains(wanted, cue.cue) || find(cue.cue)) continue;
    if (!cue.error.empty())
      log_ << "hyperwall: cue " << cue.cue + 1 << " shows its background: " << cue.error << "\n";
    CueTextures textures{cue.cue, uploadPictures(cue.pictures), cue.error, nullptr, {}, {}};
    if (cue.error.empty() && hasMovie(playlist_.cues.at(cue.cue)))
      textures.movie =
          std::make_unique<MovieCuePlayback>(playlist_, cue.cue, layout_, tiles_, settings_.mirror);
    resident_.push_back(std::move(textures));
  }
}

void Player::advanceMovie(CueTextures& textures, double elapsed, bool holding) {
  if (!textures.movie || !textures.error.empty()) return;
  std::optional<std::vector<Image>> frame =
      textures.movie->take(textures.movie->tickAt(elapsed), settings_.waitForFrames, holding);
  if (std::string error = textures.movie->error(); !error.empty()) {
    textures.error = error;
    textures.moving.clear();  // back to the cue without its movie: its background
    textures.held.clear();
    log_ << "hyperwall: cue " << textures.cue + 1 << " shows its background: " << error << "\n";
    return;
  }
  if (!frame) return;
  if (textures.moving.empty()) {
    textures.moving = uploadPictures(*frame);
  } else {
    for (std::size_t i = 0; i < textures.moving.size(); ++i) textures.moving[i].update((*frame)[i]);
  }
  // Held while on the screen, for movieFrameShown(); the ones they replace go back.
  textures.movie->recycle(std::move(textures.held));
  textures.held = std::move(*frame);
}

void Player::drawLayer(const std::vector<Texture>& pictures, std::uint8_t opacity) {
  for (std::size_t i = 0; i < places_.size(); ++i) {
    const RectI& place = places_[i];
    pictures[i].draw(window_.renderer(), {place.x, place.y, place.w, place.h}, opacity);
  }
}

PlayerFrame Player::draw() {
  PlaybackPosition position = schedule_.positionAt(clock_.now());
  bool showing = position.cue >= 0;
  bool fading = showing && !position.settled();
  // The previous cue stays up while the current one fades in or is still loading.
  bool holdPrevious = showing && (fading || !find(position.cue));
  std::vector<int> wanted;
  for (int cue : {position.cue, position.nextCue, holdPrevious ? position.previousCue : -1})
    if (cue >= 0 && !contains(wanted, cue)) wanted.push_back(cue);

  std::erase_if(resident_, [&](const CueTextures& t) { return !contains(wanted, t.cue); });
  upload(preloader_.collect(), wanted);
  if (settings_.waitForFrames) {
    for (int cue : {position.cue, fading ? position.previousCue : -1}) {
      if (cue < 0 || find(cue)) continue;
      preloader_.want(wanted);
      preloader_.waitFor(cue);
      upload(preloader_.collect(), wanted);
    }
  }
  std::vector<int> missing;
  for (int cue : wanted)
    if (!find(cue)) missing.push_back(cue);
  preloader_.want(missing);

  CueTextures* current = find(position.cue);
  CueTextures* previous = find(position.previousCue);
  if (current) advanceMovie(*current, position.elapsed, position.paused());
  // The cue fading out runs on as if it had lasted its full time: the same
  // frame on every node, whatever ended it.
  if (previous && (fading || !current))
    advanceMovie(*previous,
                 schedule_.timeline().durationOf(position.previousCue) + position.elapsed, false);

  window_.clear({0, 0, 0});
  const std::vector<Texture>& before = previous ? previous->shown() : idle_;
  if (patternShown_) {
    drawLayer(pattern_, 255);
  } else if (current && fading) {
    drawLayer(before, 255);
    drawLayer(current->shown(), static_cast<std::uint8_t>(std::lround(position.transition * 255)));
  } else if (current) {
    drawLayer(current->shown(), 255);
  } else {
    drawLayer(before, 255);
  }
  bool previousReady = !fading || position.previousCue < 0 || previous;
  MovieStats movie = current && current->movie ? current->movie->stats() : MovieStats{};
  // A movie cue is complete once the frame of this instant is up.
  bool currentReady = current && (!current->movie || !current->error.empty() ||
                                  movie.tick == current->movie->tickAt(position.elapsed));
  drawn_ = {position, patternShown_ || !showing || (currentReady && previousReady),
            !patternShown_ && current ? current->error : std::string(), movie};
  return drawn_;
}

std::shared_ptr<const Image> Player::movieFrameShown() const {
  const CueTextures* current = find(drawn_.position.cue);
  if (!current || current->held.empty() || !current->error.empty()) return nullptr;
  return std::make_shared<const Image>(current->held.front());
}

void Player::present() {
  window_.present();
  int cue = drawn_.position.cue;
  if (!patternShown_ && drawn_.complete && cue != presentedCue_) {
    presentLog_.record({cue, clock_.now()});
    presentedCue_ = cue;
  }
}

}  // namespace hw
