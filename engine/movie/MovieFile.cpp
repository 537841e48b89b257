#include "engine/movie/MovieFile.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <cmath>

#include "tiler/MediaError.h"

namespace hw {
namespace {

std::string avError(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  return text;
}

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

}  // namespace

struct MovieFile::Av {
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVPacket* packet = av_packet_alloc();
  AVFrame* frame = av_frame_alloc();
  SwsContext* scaler = nullptr;
  int stream = -1;
  std::int64_t startPts = 0;  // timestamp of the first frame, in the stream's time base
  AVRational timeBase{1, 1};

  ~Av() {
    sws_freeContext(scaler);
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
  }
};

MovieFile::MovieFile(const std::string& path, int threads)
    : path_(path), av_(std::make_unique<Av>()) {
  av_log_set_level(AV_LOG_FATAL);  // problems reach the operator as one MediaError line instead
  if (!av_->packet || !av_->frame) throw MediaError(path, "out of memory");
  if (int code = avformat_open_input(&av_->format, path.c_str(), nullptr, nullptr); code < 0)
    throw MediaError(path, "cannot open as a movie: " + avError(code));
  if (int code = avformat_find_stream_info(av_->format, nullptr); code < 0)
    throw MediaError(path, "cannot read its streams: " + avError(code));
  const AVCodec* decoder = nullptr;
  av_->stream = av_find_best_stream(av_->format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
  if (av_->stream == AVERROR_STREAM_NOT_FOUND) throw MediaError(path, "has no video stream");
  if (av_->stream < 0 || !decoder) throw MediaError(path, "no decoder for its video codec");
  const AVStream* stream = av_->format->streams[av_->stream];
  av_->timeBase = stream->time_base;
  av_->startPts = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;

  av_->codec = avcodec_alloc_context3(decoder);
  if (!av_->codec) throw MediaError(path, "out of memory");
  avcodec_parameters_to_context(av_->codec, stream->codecpar);
  av_->codec->thread_count = threads;
  av_->codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  if (int code = avcodec_open2(av_->codec, decoder, nullptr); code < 0)
    throw MediaError(
        path, std::string("cannot start its ") + decoder->name + " decoder: " + avError(code));
  if (av_->codec->width <= 0 || av_->codec->height <= 0)
    throw MediaError(path, "its video has no picture size");

  MovieFacts facts;
  facts.rate = rateOf(stream);
  if (!facts.rate.known()) throw MediaError(path, "its video states no frame rate");
  facts.frames = frameCountOf(av_->format, stream, facts.rate);
  if (facts.frames <= 0) throw MediaError(path, "its video states no length");
  clock_ = MovieClock(facts);
}

MovieFile::~MovieFile() = default;

Size MovieFile::size() const { return {av_->codec->width, av_->codec->height}; }

std::string MovieFile::description() const {
  return std::string(av_->codec->codec->name) + " " + std::to_string(size().w) + "x" +
         std::to_string(size().h) + " " + std::to_string(facts().rate.num) + "/" +
         std::to_string(facts().rate.den) + " fps, " + std::to_string(facts().frames) + " frames";
}

void MovieFile::seekTo(std::int64_t frame) {
  std::int64_t target =
      clock_.timestampOfFrame(frame, av_->startPts, av_->timeBase.num, av_->timeBase.den);
  if (int code = av_seek_frame(av_->format, av_->stream, target, AVSEEK_FLAG_BACKWARD); code < 0)
    throw MediaError(path_, "cannot seek to frame " + std::to_string(frame) + ": " + avError(code));
  avcodec_flush_buffers(av_->codec);
  draining_ = false;
}

std::optional<MovieFrame> MovieFile::next() {
  for (;;) {
    int received = avcodec_receive_frame(av_->codec, av_->frame);
    if (received == 0) return convert();
    if (received == AVERROR_EOF) return std::nullopt;
    if (received != AVERROR(EAGAIN)) throw MediaError(path_, "cannot decode: " + avError(received));
    if (draining_) return std::nullopt;
    int read = av_read_frame(av_->format, av_->packet);
    if (read == AVERROR_EOF) {
      draining_ = true;
      avcodec_send_packet(av_->codec, nullptr);  // flush: the decoder hands out what it holds
      continue;
    }
    if (read < 0) throw MediaError(path_, "cannot read: " + avError(read));
    int sent = 0;
    if (av_->packet->stream_index == av_->stream)
      sent = avcodec_send_packet(av_->codec, av_->packet);
    av_packet_unref(av_->packet);
    if (sent < 0 && sent != AVERROR(EAGAIN))
      throw MediaError(path_, "corrupt video data: " + avError(sent));
  }
}

std::optional<MovieFrame> MovieFile::convert() {
  AVFrame* frame = av_->frame;
  MovieFrame out;
  std::int64_t pts = frame->best_effort_timestamp;
  out.frame = pts == AV_NOPTS_VALUE ? -1
                                    : clock_.frameOfTimestamp(pts, av_->startPts, av_->timeBase.num,
                                                              av_->timeBase.den);
  out.picture = Image(frame->width, frame->height);
  av_->scaler = sws_getCachedContext(
      av_->scaler, frame->width, frame->height, static_cast<AVPixelFormat>(frame->format),
      frame->width, frame->height, AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
  if (!av_->scaler) throw MediaError(path_, "cannot convert its pixel format to RGBA");
  // HD and larger video is BT.709 unless the stream says otherwise; swscale assumes BT.601.
  int space = frame->colorspace != AVCOL_SPC_UNSPECIFIED ? frame->colorspace
              : frame->height >= 720                     ? AVCOL_SPC_BT709
                                                         : AVCOL_SPC_BT470BG;
  int fullRange = frame->color_range == AVCOL_RANGE_JPEG ? 1 : 0;
  sws_setColorspaceDetails(av_->scaler, sws_getCoefficients(space), fullRange,
                           sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
  std::uint8_t* planes[4] = {out.picture.pixels.data(), nullptr, nullptr, nullptr};
  int strides[4] = {out.picture.stride(), 0, 0, 0};
  sws_scale(av_->scaler, frame->data, frame->linesize, 0, frame->height, planes, strides);
  av_frame_unref(frame);
  return out;
}

}  // namespace hw
