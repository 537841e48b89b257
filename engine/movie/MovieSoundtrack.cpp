#include "engine/movie/MovieSoundtrack.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/movie/AvError.h"
#include "engine/movie/AvStreamDecoder.h"
#include "tiler/MediaError.h"

namespace hw {
namespace {

// s of sound decoded before a seek's target: AAC and Opus frames depend on
// the one before, so the first samples after a cold start are not yet right.
constexpr double kSeekPreroll = 0.1;

}  // namespace

struct MovieSoundtrack::Av {
  std::unique_ptr<AvStreamDecoder> decoder;
  SwrContext* converter = nullptr;
  AVRational timeBase{1, 1};
  double videoStart = 0;  // s, container time of the first video frame: the movie's zero
  double inputEnd = 0;    // s of the movie just after the last sample given to the converter

  ~Av() { swr_free(&converter); }
};

std::unique_ptr<MovieSoundtrack> MovieSoundtrack::open(const std::string& path, int rate,
                                                       int channels) {
  auto av = std::make_unique<Av>();
  av->decoder = AvStreamDecoder::open(path, AvStreamDecoder::Kind::Sound, 1);
  if (!av->decoder) return nullptr;
  const AVStream* stream = av->decoder->stream();
  const AVCodecContext* codec = av->decoder->codec();
  av->timeBase = stream->time_base;
  const AVFormatContext* format = av->decoder->format();
  int video = av_find_best_stream(const_cast<AVFormatContext*>(format), AVMEDIA_TYPE_VIDEO, -1,
                                  stream->index, nullptr, 0);
  if (video >= 0 && format->streams[video]->start_time != AV_NOPTS_VALUE)
    av->videoStart = format->streams[video]->start_time * av_q2d(format->streams[video]->time_base);
  if (codec->sample_rate <= 0 || codec->ch_layout.nb_channels <= 0)
    throw MediaError(path, "its sound states no sample rate or channels");

  AVChannelLayout in = codec->ch_layout;
  if (in.order == AV_CHANNEL_ORDER_UNSPEC) av_channel_layout_default(&in, in.nb_channels);
  AVChannelLayout out;
  av_channel_layout_default(&out, channels);
  int made = swr_alloc_set_opts2(&av->converter, &out, AV_SAMPLE_FMT_FLT, rate, &in,
                                 codec->sample_fmt, codec->sample_rate, 0, nullptr);
  // Always through the resampler, so speed corrections never re-start it mid-play.
  if (made < 0 || av_opt_set_int(av->converter, "flags", SWR_FLAG_RESAMPLE, 0) < 0 ||
      swr_init(av->converter) < 0)
    throw MediaError(path, "cannot convert its sound for the sound device");
  return std::unique_ptr<MovieSoundtrack>(new MovieSoundtrack(path, std::move(av), rate, channels));
}

MovieSoundtrack::MovieSoundtrack(const std::string& path, std::unique_ptr<Av> av, int rate,
                                 int channels)
    : path_(path), av_(std::move(av)), rate_(rate), channels_(channels) {
  seekTo(0);
}

MovieSoundtrack::~MovieSoundtrack() = default;

void MovieSoundtrack::seekTo(double seconds) {
  double from = std::max(0.0, seconds - kSeekPreroll) + av_->videoStart;
  auto target = static_cast<std::int64_t>(std::floor(from / av_q2d(av_->timeBase)));
  if (int code = av_->decoder->seek(target); code < 0)
    throw MediaError(
        path_, "cannot seek its sound to " + std::to_string(seconds) + " s: " + avError(code));
  // Re-initialising drops what the converter holds from before the seek.
  if (swr_init(av_->converter) < 0) throw MediaError(path_, "cannot restart its sound converter");
  setSpeed(speed_);
  converted_.clear();
  readFrom_ = 0;
  convertedEnd_ = seconds;
  discardBefore_ = seconds;
  av_->inputEnd = seconds;
  ended_ = false;
}

double MovieSoundtrack::position() const {
  double unread = static_cast<double>(converted_.size() - readFrom_) / channels_;
  return convertedEnd_ - unread * speed_ / rate_;
}

void MovieSoundtrack::setSpeed(double speed) {
  speed_ = speed;
  // Over the next second of sound, (1 - speed) s more or less of it than of
  // the movie: re-set every few ms by the player, so it holds as a rate.
  swr_set_compensation(av_->converter, static_cast<int>(std::lround((1 - speed) * rate_)), rate_);
}

std::size_t MovieSoundtrack::read(float* out, std::size_t frames) {
  std::size_t wanted = frames * channels_;
  while (converted_.size() - readFrom_ < wanted && decodeMore()) {
  }
  std::size_t given = std::min(wanted, converted_.size() - readFrom_);
  std::copy_n(converted_.begin() + static_cast<std::ptrdiff_t>(readFrom_), given, out);
  readFrom_ += given;
  if (readFrom_ == converted_.size()) {
    converted_.clear();
    readFrom_ = 0;
  }
  return given / channels_;
}

bool MovieSoundtrack::decodeMore() {
  if (ended_) return false;
  AVFrame* frame = av_->decoder->frame();
  bool flushing =
      !av_->decoder->receive();  // the decoder is empty: what the converter holds comes out
  int inputSamples = flushing ? 0 : frame->nb_samples;
  if (!flushing) {
    std::int64_t pts = frame->best_effort_timestamp;
    double start =
        pts == AV_NOPTS_VALUE ? av_->inputEnd : pts * av_q2d(av_->timeBase) - av_->videoStart;
    av_->inputEnd = start + static_cast<double>(frame->nb_samples) / frame->sample_rate;
    if (av_->inputEnd <= discardBefore_ - kSeekPreroll) {
      av_frame_unref(frame);  // before the preroll: the converter need not see it
      return true;
    }
  }
  int room = swr_get_out_samples(av_->converter, inputSamples);
  if (room < 0) throw MediaError(path_, "cannot convert its sound");
  std::size_t before = converted_.size();
  converted_.resize(before + static_cast<std::size_t>(room) * channels_);
  auto* target = reinterpret_cast<std::uint8_t*>(converted_.data() + before);
  int made = swr_convert(
      av_->converter, &target, room,
      flushing ? nullptr : const_cast<const std::uint8_t**>(frame->extended_data), inputSamples);
  av_frame_unref(frame);
  if (made < 0) throw MediaError(path_, "cannot convert its sound: " + avError(made));
  converted_.resize(before + static_cast<std::size_t>(made) * channels_);
  if (flushing) ended_ = true;

  // The new samples end where the input ends, less what the converter holds back.
  double end = av_->inputEnd - static_cast<double>(swr_get_delay(av_->converter, 1000000)) / 1e6;
  if (discardBefore_ > -std::numeric_limits<double>::infinity()) {
    // The first samples after a seek: cut to start exactly at the target,
    // with silence before the sound where it starts after the picture.
    double start = end - static_cast<double>(made) * speed_ / rate_;
    auto offset =
        static_cast<std::ptrdiff_t>(std::lround((discardBefore_ - start) * rate_ / speed_));
    if (offset >= 0) {
      offset = std::min<std::ptrdiff_t>(offset, made);
      converted_.erase(
          converted_.begin() + static_cast<std::ptrdiff_t>(before),
          converted_.begin() + static_cast<std::ptrdiff_t>(before) + offset * channels_);
    } else {
      converted_.insert(converted_.begin() + static_cast<std::ptrdiff_t>(before),
                        static_cast<std::size_t>(-offset) * channels_, 0.0f);
    }
    if (converted_.size() > before) discardBefore_ = -std::numeric_limits<double>::infinity();
  }
  convertedEnd_ = end;
  return true;
}

}  // namespace hw
