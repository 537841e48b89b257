#include "engine/movie/MovieFile.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>
#include <vector>

#include "engine/movie/AvError.h"
#include "engine/movie/AvStreamDecoder.h"
#include "tiler/MediaError.h"

namespace hw {
namespace {

// The stream's frame rate as the container states it: the average rate, else
// the rate timestamps are based on.
FrameRate rateOf(const AVStream* stream) {
  for (AVRational rate : {stream->avg_frame_rate, stream->r_frame_rate})
    if (rate.num > 0 && rate.den > 0) return {rate.num, rate.den};
  return {};
}

// Frames in one pass: the container's count where it keeps one (MP4, MOV),
// else from the stream's or the file's duration (WebM, Matroska).
std::int64_t frameCountOf(const AVFormatContext* format, const AVStream* stream, FrameRate rate) {
  if (stream->nb_frames > 0) return stream->nb_frames;
  double seconds = 0;
  if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
    seconds = stream->duration * av_q2d(stream->time_base);
  else if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
    seconds = static_cast<double>(format->duration) / AV_TIME_BASE;
  return std::llround(seconds * rate.fps());
}

// Movie px converted around what the displays read: swscale may interpolate
// chroma from a neighbour, so the edge of the region converts as in a whole picture.
constexpr int kRegionMargin = 8;
// swscale's fast YUV->RGB paths convert whole blocks of columns, and other
// widths may take other code that rounds differently: a region starts and
// ends on these blocks, and only pictures made of them are cut into columns,
// so a region converts by the same code as the whole picture.
constexpr int kColumnBlock = 16;

// `region` grown by the margin, cut to the picture, on the pixel format's
// chroma grid and swscale's column blocks; whole rows where a format cannot
// be entered mid-row.
RectI conversionRegion(const RectI& region, int width, int height,
                       const AVPixFmtDescriptor* format) {
  RectI full{0, 0, width, height};
  if (region.empty()) return {};
  bool crops = format && !(format->flags & (AV_PIX_FMT_FLAG_BITSTREAM | AV_PIX_FMT_FLAG_PAL |
                                            AV_PIX_FMT_FLAG_HWACCEL));
  if (!crops) return full;
  int x0 = 0, x1 = width;
  if (width % kColumnBlock == 0) {
    x0 = std::max(0, region.x - kRegionMargin) / kColumnBlock * kColumnBlock;
    x1 = std::min(
        width, (region.right() + kRegionMargin + kColumnBlock - 1) / kColumnBlock * kColumnBlock);
  }
  int rowStep = 1 << format->log2_chroma_h;
  int y0 = std::max(0, region.y - kRegionMargin) / rowStep * rowStep;
  int y1 = std::min(height, region.bottom() + kRegionMargin);
  // swscale's fast paths take only even heights: as many rows as the picture, in parity.
  if ((y1 - y0) % 2 != height % 2) {
    if (y1 < height)
      ++y1;
    else
      --y0;  // y0 > 0 here, and on the chroma grid: rowStep 2 keeps the parity itself
  }
  if (x1 <= x0 || y1 <= y0) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

// Where pixel (x, y) of `frame` starts in each of its planes; x and y on the chroma grid.
void offsetPlanes(const AVFrame* frame, const AVPixFmtDescriptor* format, int x, int y,
                  const std::uint8_t* planes[4]) {
  for (int p = 0; p < 4; ++p) {
    planes[p] = frame->data[p];
    if (!planes[p]) continue;
    for (int c = 0; c < format->nb_components; ++c) {
      if (format->comp[c].plane != p) continue;
      bool chroma = c == 1 || c == 2;
      int px = chroma ? x >> format->log2_chroma_w : x;
      int py = chroma ? y >> format->log2_chroma_h : y;
      planes[p] += static_cast<std::ptrdiff_t>(py) * frame->linesize[p] + px * format->comp[c].step;
      break;
    }
  }
}

}  // namespace

int playbackDecoderThreads() {
  return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4);
}

struct MovieFile::Av {
  std::unique_ptr<AvStreamDecoder> decoder;
  SwsContext* scaler = nullptr;
  std::int64_t startPts = 0;  // timestamp of the first frame, in the stream's time base
  AVRational timeBase{1, 1};
  std::vector<std::uint8_t> paddedRows;  // conversion target for rows swscale would overrun

  ~Av() { sws_freeContext(scaler); }
};

MovieFile::MovieFile(const std::string& path, int threads)
    : path_(path), av_(std::make_unique<Av>()) {
  av_->decoder = AvStreamDecoder::open(path, AvStreamDecoder::Kind::Video, threads);
  if (!av_->decoder) throw MediaError(path, "has no video stream");
  const AVStream* stream = av_->decoder->stream();
  const AVCodecContext* codec = av_->decoder->codec();
  av_->timeBase = stream->time_base;
  av_->startPts = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
  if (codec->width <= 0 || codec->height <= 0)
    throw MediaError(path, "its video has no picture size");

  MovieFacts facts;
  facts.rate = rateOf(stream);
  if (!facts.rate.known()) throw MediaError(path, "its video states no frame rate");
  facts.frames = frameCountOf(av_->decoder->format(), stream, facts.rate);
  if (facts.frames <= 0) throw MediaError(path, "its video states no length");
  clock_ = MovieClock(facts);
  region_ = {0, 0, codec->width, codec->height};
}

MovieFile::~MovieFile() = default;

Size MovieFile::size() const {
  return {av_->decoder->codec()->width, av_->decoder->codec()->height};
}

std::string MovieFile::description() const {
  return std::string(av_->decoder->codec()->codec->name) + " " + std::to_string(size().w) + "x" +
         std::to_string(size().h) + " " + std::to_string(facts().rate.num) + "/" +
         std::to_string(facts().rate.den) + " fps, " + std::to_string(facts().frames) + " frames";
}

void MovieFile::recycle(Image&& picture) { pictures_.give(std::move(picture.pixels)); }

void MovieFile::seekTo(std::int64_t frame) {
  std::int64_t target =
      clock_.timestampOfFrame(frame, av_->startPts, av_->timeBase.num, av_->timeBase.den);
  if (int code = av_->decoder->seek(target); code < 0)
    throw MediaError(path_, "cannot seek to frame " + std::to_string(frame) + ": " + avError(code));
}

std::optional<MovieFrame> MovieFile::next() {
  if (!av_->decoder->receive()) return std::nullopt;
  return convert();
}

std::optional<MovieFrame> MovieFile::convert() {
  AVFrame* frame = av_->decoder->frame();
  MovieFrame out;
  std::int64_t pts = frame->best_effort_timestamp;
  out.frame = pts == AV_NOPTS_VALUE ? -1
                                    : clock_.frameOfTimestamp(pts, av_->startPts, av_->timeBase.num,
                                                              av_->timeBase.den);
  out.picture.width = frame->width;
  out.picture.height = frame->height;
  // Converted pixels overwrite what a recycled picture held; outside the region it stays.
  out.picture.pixels = pictures_.take(static_cast<std::size_t>(frame->width) * frame->height * 4);
  auto format = static_cast<AVPixelFormat>(frame->format);
  const AVPixFmtDescriptor* layout = av_pix_fmt_desc_get(format);
  RectI region = conversionRegion(region_, frame->width, frame->height, layout);
  if (region.empty()) {
    av_frame_unref(frame);
    return out;
  }
  av_->scaler = sws_getCachedContext(av_->scaler, region.w, region.h, format, region.w, region.h,
                                     AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
  if (!av_->scaler) throw MediaError(path_, "cannot convert its pixel format to RGBA");
  // HD and larger video is BT.709 unless the stream says otherwise; swscale assumes BT.601.
  int space = frame->colorspace != AVCOL_SPC_UNSPECIFIED ? frame->colorspace
              : frame->height >= 720                     ? AVCOL_SPC_BT709
                                                         : AVCOL_SPC_BT470BG;
  int fullRange = frame->color_range == AVCOL_RANGE_JPEG ? 1 : 0;
  sws_setColorspaceDetails(av_->scaler, sws_getCoefficients(space), fullRange,
                           sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
  const std::uint8_t* source[4];
  offsetPlanes(frame, layout, region.x, region.y, source);
  // swscale's fast paths (FFmpeg 5.1) write rows in whole blocks: a row of
  // another width runs past its end, past the picture's last byte on the
  // last row. Those rows are converted with room to spare and copied.
  bool direct = region.w % kColumnBlock == 0;
  int stride = direct ? out.picture.stride()
                      : (region.w + kColumnBlock - 1) / kColumnBlock * kColumnBlock * 4;
  if (!direct) av_->paddedRows.resize(static_cast<std::size_t>(stride) * region.h);
  std::uint8_t* planes[4] = {direct ? out.picture.at(region.x, region.y) : av_->paddedRows.data(),
                             nullptr, nullptr, nullptr};
  int strides[4] = {stride, 0, 0, 0};
  sws_scale(av_->scaler, source, frame->linesize, 0, region.h, planes, strides);
  for (int y = 0; !direct && y < region.h; ++y)
    std::memcpy(out.picture.at(region.x, region.y + y),
                av_->paddedRows.data() + static_cast<std::size_t>(y) * stride, region.w * 4);
  av_frame_unref(frame);
  return out;
}

}  // namespace hw
