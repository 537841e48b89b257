#include "engine/render/Player.h"

#include <algorithm>
#include <cmath>

#include "engine/render/SolidTiles.h"

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
    resident_.push_back({cue.cue, uploadPictures(cue.pictures), cue.error});
  }
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

  window_.clear({0, 0, 0});
  const CueTextures* current = find(position.cue);
  const CueTextures* previous = find(position.previousCue);
  const std::vector<Texture>& before = previous ? previous->pictures : idle_;
  if (patternShown_) {
    drawLayer(pattern_, 255);
  } else if (current && fading) {
    drawLayer(before, 255);
    drawLayer(current->pictures, static_cast<std::uint8_t>(std::lround(position.transition * 255)));
  } else if (current) {
    drawLayer(current->pictures, 255);
  } else {
    drawLayer(before, 255);
  }
  bool previousReady = position.previousCue < 0 || previous;
  drawn_ = {position, patternShown_ || !showing || (current && (!fading || previousReady)),
            !patternShown_ && current ? current->error : std::string()};
  return drawn_;
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
