#include "tiler/StandInMovieCard.h"

#include <algorithm>

#include "tiler/ImageDrawing.h"
#include "tiler/StandInCard.h"

namespace hw {
namespace {

constexpr Color kBox{8, 10, 16};  // behind the counter and the bar's empty part
constexpr Color kCounter{245, 245, 245};
constexpr Color kBarFill{255, 214, 64};  // the card's title yellow

std::string counterText(std::int64_t frame, std::int64_t frames) {
  return "frame " + std::to_string(frame + 1) + " / " + std::to_string(frames);
}

}  // namespace

StandInMovieCard::StandInMovieCard(Size size, const std::string& fileName,
                                   const std::string& detail, const std::string& howToGet,
                                   std::int64_t frames, TextPainter& text)
    : picture_(makeStandInCard(size, fileName, howToGet, text, detail)),
      frames_(std::max<std::int64_t>(1, frames)),
      text_(text) {
  // Below the card's title box (centred, at most about a quarter of the height).
  counterHeight_ = std::clamp(size.h / 9, 8, 240);
  std::string widest = counterText(frames_ - 1, frames_);
  Size widestSize = text_.measure(widest, counterHeight_);
  while (counterHeight_ > 8 && widestSize.w > size.w * 9 / 10)
    widestSize = text_.measure(widest, --counterHeight_);
  int boxW = std::min(size.w, widestSize.w + counterHeight_);
  int boxH = widestSize.h + counterHeight_ / 4;
  counterBox_ = {(size.w - boxW) / 2, size.h * 2 / 3, boxW, boxH};
  int barH = std::max(2, size.h / 24);
  bar_ = {1, std::max(1, size.h - 1 - barH), std::max(1, size.w - 2), barH};
}

int StandInMovieCard::barFilled(std::int64_t frame) const {
  std::int64_t shown = std::clamp<std::int64_t>(frame + 1, 0, frames_);
  return static_cast<int>(bar_.w * shown / frames_);
}

const Image& StandInMovieCard::frame(std::int64_t frame) {
  fillRect(picture_, bar_.x, bar_.y, bar_.right(), bar_.bottom(), kBox);
  fillRect(picture_, bar_.x, bar_.y, bar_.x + barFilled(frame), bar_.bottom(), kBarFill);
  if (!text_.available()) return picture_;
  fillRect(picture_, counterBox_.x, counterBox_.y, counterBox_.right(), counterBox_.bottom(), kBox);
  std::string counter = counterText(frame, frames_);
  Size counterSize = text_.measure(counter, counterHeight_);
  text_.draw(picture_, counter, counterBox_.x + (counterBox_.w - counterSize.w) / 2,
             counterBox_.y + (counterBox_.h - counterSize.h) / 2, counterHeight_, kCounter);
  return picture_;
}

}  // namespace hw
