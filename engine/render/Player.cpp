#include "engine/render/Player.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

bool contains(const std::vector<int>& cues, int cue) {
  return std::find(cues.begin(), cues.end(), cue) != cues.end();
}

}  // namespace

Player::Player(RenderWindow& window, const Clock& clock, PlaybackSchedule& schedule,
               const Playlist& playlist, CueTileSource& tiles, PlayerSettings settings,
               std::ostream& log)
    : window_(window),
      clock_(clock),
      schedule_(schedule),
      playlist_(playlist),
      settings_(std::move(settings)),
      log_(log),
      preloader_(tiles, settings_.views) {}

const Player::CueTextures* Player::find(int cue) const {
  for (const CueTextures& textures : resident_)
    if (textures.cue == cue) return &textures;
  return nullptr;
}

std::vector<int> Player::residentCues() const {
  std::vector<int> cues;
  for (const CueTextures& textures : resident_) cues.push_back(textures.cue);
  return cues;
}

void Player::keepOnly(const std::vector<int>& wanted) {
  std::erase_if(resident_, [&](const CueTextures& t) { return !contains(wanted, t.cue); });
}

std::vector<Texture> Player::uploadViews(const std::vector<Image>& images) {
  std::vector<Texture> textures;
  for (const Image& image : images) textures.emplace_back(window_.renderer(), image);
  return textures;
}

void Player::upload(std::vector<PreparedCue> prepared, const std::vector<int>& wanted) {
  for (PreparedCue& cue : prepared) {
    if (!contains(wanted, cue.cue) || find(cue.cue)) continue;
    CueTextures textures{cue.cue, {}, !cue.error.empty()};
    if (textures.failed)
      log_ << "hyperwall: cue " << cue.cue + 1 << " shows its background: " << cue.error << "\n";
    else
      textures.views = uploadViews(cue.views);
    resident_.push_back(std::move(textures));
  }
}

Color Player::backgroundOf(int cue) const {
  if (cue < 0 || cue >= static_cast<int>(playlist_.cues.size()))
    return playlist_.defaults.background;
  return playlist_.cues[static_cast<std::size_t>(cue)].background;
}

void Player::drawLayer(std::size_t view, int cue, const CueTextures* textures,
                       std::uint8_t opacity) {
  const RectI& place = settings_.views[view].place;
  if (textures && !textures->failed)
    textures->views[view].draw(window_.renderer(), {place.x, place.y, place.w, place.h}, opacity);
  else
    window_.fill(place, backgroundOf(cue), opacity);
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

  keepOnly(wanted);
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

  window_.clear(settings_.surround);
  const CueTextures* current = find(position.cue);
  const CueTextures* previous = find(position.previousCue);
  auto opacity = static_cast<std::uint8_t>(std::lround(position.transition * 255));
  for (std::size_t view = 0; view < settings_.views.size(); ++view) {
    if (pattern_) {
      const RectI& place = settings_.views[view].place;
      (*pattern_)[view].draw(window_.renderer(), {place.x, place.y, place.w, place.h}, 255);
    } else if (!showing) {
      drawLayer(view, -1, nullptr, 255);
    } else if (current && fading) {
      drawLayer(view, position.previousCue, previous, 255);
      drawLayer(view, position.cue, current, opacity);
    } else if (current) {
      drawLayer(view, position.cue, current, 255);
    } else {
      drawLayer(view, previous ? position.previousCue : position.cue, previous, 255);
    }
  }
  bool previousReady = position.previousCue < 0 || previous;
  drawn_ = {position, pattern_ || !showing || (current && (!fading || previousReady))};
  return drawn_;
}

void Player::present() {
  window_.present();
  int cue = drawn_.position.cue;
  if (!pattern_ && drawn_.complete && cue != presentedCue_) {
    presentLog_.record({cue, clock_.now()});
    presentedCue_ = cue;
  }
}

void Player::showTestPattern(CueTileSource* pattern) {
  if (!pattern) {
    pattern_.reset();
    return;
  }
  PreparedCue prepared = prepareCue(*pattern, settings_.views, -1);
  if (!prepared.error.empty()) {
    log_ << "hyperwall: test pattern: " << prepared.error << "\n";
    return;
  }
  pattern_ = uploadViews(prepared.views);
}

}  // namespace hw
