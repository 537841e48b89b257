#include "engine/movie/MovieWriter.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cmath>

#include "engine/movie/AvError.h"
#include "tiler/MediaError.h"

namespace hw {

struct MovieWriter::Av {
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVStream* stream = nullptr;
  SwsContext* scale = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  bool finished = false;

  ~Av() {
    sws_freeContext(scale);
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    if (format && format->pb) avio_closep(&format->pb);
    avformat_free_context(format);
  }
};

MovieWriter::MovieWriter(const std::string& path, const MovieEncoding& encoding)
    : path_(path), av_(std::make_unique<Av>()) {
  av_log_set_level(AV_LOG_FATAL);  // libx264's banner and statistics are no operator's business
  auto fail = [&](const std::string& why) { throw MediaError(path_, why); };
  if (encoding.size.w <= 0 || encoding.size.h <= 0 || encoding.size.w % 2 || encoding.size.h % 2)
    fail("cannot encode " + std::to_string(encoding.size.w) + "x" +
         std::to_string(encoding.size.h) + " (4:2:0 needs even sides)");
  if (!encoding.rate.known()) fail("no frame rate to encode at");
  if (avformat_alloc_output_context2(&av_->format, nullptr, "mp4", path.c_str()) < 0)
    fail("cannot make an MP4 file");
  const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
  if (!h264) fail("this FFmpeg has no libx264 encoder");
  av_->codec = avcodec_alloc_context3(h264);
  AVCodecContext* c = av_->codec;
  c->width = encoding.size.w;
  c->height = encoding.size.h;
  c->time_base = {encoding.rate.den, encoding.rate.num};
  c->framerate = {encoding.rate.num, encoding.rate.den};
  c->gop_size = std::max(1, static_cast<int>(std::lround(encoding.keyframeSeconds * encoding.rate.fps())));
  c->pix_fmt = AV_PIX_FMT_YUV420P;
  c->colorspace = AVCOL_SPC_BT709;
  c->color_primaries = AVCOL_PRI_BT709;
  c->color_trc = AVCOL_TRC_BT709;
  c->color_range = AVCOL_RANGE_MPEG;
  c->thread_count = 0;  // libx264 picks its own threads
  if (av_->format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  av_opt_set(c->priv_data, "preset", encoding.preset.c_str(), 0);
  av_opt_set(c->priv_data, "crf", std::to_string(encoding.quality).c_str(), 0);
  // Keyframes exactly every gop_size frames, not at libx264's scene cuts, so
  // a seek lands at most keyframeSeconds before its target.
  av_opt_set(c->priv_data, "x264-params", "scenecut=0", 0);
  if (int err = avcodec_open2(c, h264, nullptr); err < 0)
    fail("cannot open the H.264 encoder: " + avError(err));
  av_->stream = avformat_new_stream(av_->format, nullptr);
  av_->stream->time_base = c->time_base;
  avcodec_parameters_from_context(av_->stream->codecpar, c);
  if (int err = avio_open(&av_->format->pb, path.c_str(), AVIO_FLAG_WRITE); err < 0)
    fail("cannot create the file: " + avError(err));
  if (int err = avformat_write_header(av_->format, nullptr); err < 0)
    fail("cannot write the MP4 header: " + avError(err));

  av_->frame = av_frame_alloc();
  av_->frame->format = c->pix_fmt;
  av_->frame->width = c->width;
  av_->frame->height = c->height;
  if (av_frame_get_buffer(av_->frame, 0) < 0) fail("out of memory for a frame");
  av_->packet = av_packet_alloc();
  av_->scale = sws_getContext(c->width, c->height, AV_PIX_FMT_RGBA, c->width, c->height,
                              AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
  if (!av_->scale) fail("cannot convert RGBA to YUV 4:2:0");
  // The matrix the stream is tagged with: BT.709, limited range, from full-range RGB.
  sws_setColorspaceDetails(av_->scale, sws_getCoefficients(SWS_CS_ITU709), 1,
                           sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
}

MovieWriter::~MovieWriter() = default;

void MovieWriter::write(const Image& picture) {
  AVCodecContext* c = av_->codec;
  if (picture.width != c->width || picture.height != c->height)
    throw MediaError(path_, "a " + std::to_string(picture.width) + "x" +
                     std::to_string(picture.height) + " picture in a " + std::to_string(c->width) +
                     "x" + std::to_string(c->height) + " movie");
  if (av_frame_make_writable(av_->frame) < 0) throw MediaError(path_, "out of memory");
  const std::uint8_t* rows[1] = {picture.pixels.data()};
  int strides[1] = {picture.width * 4};
  sws_scale(av_->scale, rows, strides, 0, picture.height, av_->frame->data,
            av_->frame->linesize);
  av_->frame->pts = written_++;
  if (int err = avcodec_send_frame(c, av_->frame); err < 0)
    throw MediaError(path_, "cannot encode frame " + std::to_string(written_) + ": " +
                     avError(err));
  drain(false);
}

void MovieWriter::finish() {
  if (av_->finished) return;
  avcodec_send_frame(av_->codec, nullptr);
  drain(true);
  if (int err = av_write_trailer(av_->format); err < 0)
    throw MediaError(path_, "cannot complete the file: " + avError(err));
  av_->finished = true;
}

void MovieWriter::drain(bool flushing) {
  for (;;) {
    int err = avcodec_receive_packet(av_->codec, av_->packet);
    if (err == AVERROR(EAGAIN) || (flushing && err == AVERROR_EOF)) return;
    if (err < 0) throw MediaError(path_, "the encoder failed: " + avError(err));
    // Every picture lasts one frame (the time base): libx264 leaves it 0, and
    // the MP4 muxer then ends its edit list at the last picture's start, so
    // players (FFmpeg's own) drop the last frame.
    if (av_->packet->duration == 0) av_->packet->duration = 1;
    av_packet_rescale_ts(av_->packet, av_->codec->time_base, av_->stream->time_base);
    av_->packet->stream_index = av_->stream->index;
    if (int w = av_interleaved_write_frame(av_->format, av_->packet); w < 0)
      throw MediaError(path_, "cannot write: " + avError(w));
  }
}

}  // namespace hw
