#include "engine/movie/AvStreamDecoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include "engine/movie/AvError.h"
#include "tiler/MediaError.h"

namespace hw {

AvStreamDecoder::AvStreamDecoder(std::string path, Kind kind)
    : path_(std::move(path)),
      what_(kind == Kind::Video ? "video" : "sound"),
      packet_(av_packet_alloc()),
      frame_(av_frame_alloc()) {}

AvStreamDecoder::~AvStreamDecoder() {
  av_frame_free(&frame_);
  av_packet_free(&packet_);
  avcodec_free_context(&codec_);
  avformat_close_input(&format_);
}

std::unique_ptr<AvStreamDecoder> AvStreamDecoder::open(const std::string& path, Kind kind,
                                                       int threads) {
  std::unique_ptr<AvStreamDecoder> d(new AvStreamDecoder(path, kind));
  av_log_set_level(AV_LOG_FATAL);  // problems reach the operator as one MediaError line instead
  if (!d->packet_ || !d->frame_) throw MediaError(path, "out of memory");
  if (int code = avformat_open_input(&d->format_, path.c_str(), nullptr, nullptr); code < 0)
    throw MediaError(path, "cannot open as a movie: " + avError(code));
  if (int code = avformat_find_stream_info(d->format_, nullptr); code < 0)
    throw MediaError(path, "cannot read its streams: " + avError(code));
  const AVCodec* decoder = nullptr;
  AVMediaType type = kind == Kind::Video ? AVMEDIA_TYPE_VIDEO : AVMEDIA_TYPE_AUDIO;
  d->stream_ = av_find_best_stream(d->format_, type, -1, -1, &decoder, 0);
  if (d->stream_ == AVERROR_STREAM_NOT_FOUND) return nullptr;
  if (d->stream_ < 0 || !decoder)
    throw MediaError(path, "no decoder for its " + d->what_ + " codec");
  const AVStream* stream = d->format_->streams[d->stream_];
  d->codec_ = avcodec_alloc_context3(decoder);
  if (!d->codec_) throw MediaError(path, "out of memory");
  avcodec_parameters_to_context(d->codec_, stream->codecpar);
  d->codec_->pkt_timebase = stream->time_base;
  d->codec_->thread_count = threads;
  d->codec_->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  if (int code = avcodec_open2(d->codec_, decoder, nullptr); code < 0)
    throw MediaError(
        path, "cannot start its " + std::string(decoder->name) + " decoder: " + avError(code));
  return d;
}

const AVStream* AvStreamDecoder::stream() const { return format_->streams[stream_]; }

bool AvStreamDecoder::receive() {
  for (;;) {
    int received = avcodec_receive_frame(codec_, frame_);
    if (received == 0) return true;
    if (received == AVERROR_EOF) return false;
    if (received != AVERROR(EAGAIN))
      throw MediaError(path_, "cannot decode its " + what_ + ": " + avError(received));
    if (draining_) return false;
    int read = av_read_frame(format_, packet_);
    if (read == AVERROR_EOF) {
      draining_ = true;
      avcodec_send_packet(codec_, nullptr);  // flush: the decoder hands out what it holds
      continue;
    }
    if (read < 0) throw MediaError(path_, "cannot read: " + avError(read));
    int sent = 0;
    if (packet_->stream_index == stream_) sent = avcodec_send_packet(codec_, packet_);
    av_packet_unref(packet_);
    if (sent < 0 && sent != AVERROR(EAGAIN))
      throw MediaError(path_, "corrupt " + what_ + " data: " + avError(sent));
  }
}

int AvStreamDecoder::seek(std::int64_t timestamp) {
  int code = av_seek_frame(format_, stream_, timestamp, AVSEEK_FLAG_BACKWARD);
  if (code < 0) return code;
  avcodec_flush_buffers(codec_);
  draining_ = false;
  return 0;
}

}  // namespace hw
