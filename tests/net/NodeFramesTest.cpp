// The frame reports behind the master's screenshot, without sockets: the
// message and its base64, the master's checks on what a (hostile) node sends,
// and the composition of the wall picture.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "config/WallConfigLoader.h"
#include "engine/control/PngDecoding.h"
#include "engine/net/Base64.h"
#include "engine/net/FrameReport.h"
#include "engine/net/NodeFrameReporter.h"
#include "engine/net/NodeFrames.h"
#include "engine/net/WallSnapshot.h"
#include "tests/net/PictureRegions.h"
#include "tiler/FramebufferRotation.h"
#include "tiler/ImageFile.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

nlohmann::json frameMessage(const std::string& png) { return frameReportToJson({2, 10.5, png}); }

TEST(Base64, RoundTripsEveryByteValueAndRefusesWhatIsNotBase64) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t cut : {0u, 1u, 2u, 3u, 255u, 256u}) {
    std::string part = bytes.substr(0, cut);
    EXPECT_EQ(base64Decode(base64Encode(part)), part) << cut;
  }
  EXPECT_EQ(base64Encode("hyperwall"),
            "aHlwZXJ3YWxs");  // RFC 4648 alphabet, as any decoder reads it
  EXPECT_THROW(base64Decode("abc"), std::runtime_error);
  EXPECT_THROW(base64Decode("ab!d"), std::runtime_error);
  EXPECT_THROW(base64Decode("a==="), std::runtime_error);
}

TEST(NodeFrames, KeepsAGoodFrameDecoded) {
  NodeFrames frames;
  Image picture(160, 90, Color{200, 30, 40});
  EXPECT_EQ(frames.accept("r0c0", frameMessage(encodePng(picture)), 11.0), "");
  NodeFrames::Frame kept = frames.latest("r0c0");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->cue, 2);
  EXPECT_EQ(kept->at, 10.5);
  EXPECT_EQ(kept->receivedAt, 11.0);
  EXPECT_EQ(kept->picture.width, 160);
  EXPECT_EQ(test::medianColor(kept->picture, {0, 0, 160, 90}), (Color{200, 30, 40}));
  EXPECT_EQ(frames.received(), 1u);
  EXPECT_FALSE(frames.latest("r0c1"));
}

TEST(NodeFrames, DropsBogusFramesKeepingTheLastGoodOneAndSaysEachProblemOnce) {
  NodeFrames frames;
  std::string good = encodePng(Image(32, 18, Color{1, 2, 3}));
  ASSERT_EQ(frames.accept("r0c0", frameMessage(good), 1.0), "");
  std::string huge = encodePng(Image(kFrameSide + 1, 10));
  std::string claimsHuge = good;  // IHDR width and height say 65535 x 65535
  for (int i = 16; i < 24; ++i) claimsHuge[i] = i % 4 < 2 ? '\0' : '\xff';
  nlohmann::json bogus[] = {
      {{"type", "frame"}, {"cue", 1}, {"at", 1.0}},
      {{"type", "frame"}, {"cue", "one"}, {"at", 1.0}, {"png", base64Encode(good)}},
      {{"type", "frame"}, {"cue", 1}, {"at", 1.0}, {"png", "not base64!"}},
      {{"type", "frame"},
       {"cue", 1},
       {"at", 1.0},
       {"png", std::string(kMaxFramePngBytes * 2, 'A')}},
      frameMessage("GIF89a and then some bytes that are no PNG"),
      frameMessage(huge),
      frameMessage(claimsHuge),
      frameMessage(good.substr(0, good.size() / 2)),
      nlohmann::json::array({1, 2}),
  };
  double at = 2.0;  // s: one second per message, well within the rate a node may send at
  for (const auto& message : bogus) {
    std::string problem = frames.accept("r0c0", message, at);
    EXPECT_NE(problem, "") << message.dump().substr(0, 200);
    EXPECT_NE(problem.find("r0c0"), std::string::npos) << problem;
    EXPECT_EQ(frames.accept("r0c0", message, at + 0.5), "") << "said twice: " << problem;
    at += 1.0;
  }
  EXPECT_EQ(frames.latest("r0c0")->receivedAt, 1.0);
  EXPECT_EQ(frames.received(), 1u);
}

// 41 bytes: a PNG's signature and header, then a chunk claiming 4 KiB that
// are not there. libpng used to re-read that chunk's header forever on the
// master's network thread (SDL_image ignores the short read).
TEST(NodeFrames, DropsAPngWhoseChunkRunsPastTheEnd) {
  std::string good = encodePng(Image(32, 18, Color{1, 2, 3}));
  std::string cut = good.substr(0, 33) + std::string("\0\0\x10\0tEXt", 8);
  ASSERT_EQ(cut.size(), 41u);
  EXPECT_THROW(decodePng(cut, kFrameSide, kFrameSide), std::runtime_error);
  NodeFrames frames;
  std::string problem = frames.accept("r0c0", frameMessage(cut), 1.0);
  EXPECT_NE(problem.find("cannot decode image"), std::string::npos) << problem;
  EXPECT_FALSE(frames.latest("r0c0"));
  // Found by fuzzing: libpng reads a chunk's whole claimed length even to skip
  // it, so 144 bytes claiming 873 MB held the network thread for seconds.
  std::string claims = good.substr(0, 33) + std::string("\x34\x11\0\0cHRM", 8) + "abc";
  try {
    decodePng(claims, kFrameSide, kFrameSide);
    ADD_FAILURE() << "decoded";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "PNG: cannot decode image: the PNG chunk at byte 33 claims "
                                     "873529344 bytes; the file ends before");
  }
}

TEST(NodeFrameReporter, SendsTheFrameScaledAsPngAndAgainWhileNothingChanges) {
  std::mutex mutex;
  std::vector<nlohmann::json> sent;
  NodeFrameReporter reporter("r0c0", [&](nlohmann::json message) {
    std::lock_guard lock(mutex);
    sent.push_back(std::move(message));
  });
  Image frame(1920, 1080);  // noise over a red left half: fine detail and a clear layout
  std::mt19937 random(1);
  for (int y = 0; y < frame.height; ++y)
    for (int x = 0; x < frame.width; ++x) {
      std::uint8_t* p = frame.at(x, y);
      p[0] = x < 960 ? 255 : static_cast<std::uint8_t>(random());
      p[1] = p[2] = static_cast<std::uint8_t>(random() % 64);
    }
  reporter.submit(3, 7.5, [&frame] { return frame; });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  auto count = [&] {
    std::lock_guard lock(mutex);
    return sent.size();
  };
  while (count() < 2 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling interval, not sync
  std::lock_guard lock(mutex);
  ASSERT_GE(sent.size(), 2u) << "a report and its resend within 10 s";
  EXPECT_EQ(sent[0], sent[1]);
  FrameReport report = frameReportFromJson(sent[0]);
  EXPECT_EQ(report.cue, 3);
  EXPECT_EQ(report.at, 7.5);
  EXPECT_LE(report.png.size(), kMaxFramePngBytes);
  Image picture = decodePng(report.png, kFrameSide, kFrameSide);
  EXPECT_EQ(picture.width, kFrameSide);
  EXPECT_EQ(picture.height, kFrameSide * 1080 / 1920);
  EXPECT_TRUE(test::near(test::colorAt(picture, kFrameSide / 4, 20), frame.at(100, 100), 40));
}

TEST(NodeFrames, DropsFramesBeyondWhatANodeSendsInASecond) {
  NodeFrames frames;
  nlohmann::json good = frameMessage(encodePng(Image(16, 9, Color{9, 9, 9})));
  for (int i = 0; i < NodeFrames::kMaxPerSecond; ++i)
    EXPECT_EQ(frames.accept("r0c0", good, 5.0 + i * 0.1), "") << i;
  std::string problem = frames.accept("r0c0", good, 5.9);
  EXPECT_NE(problem.find("frames in a second"), std::string::npos) << problem;
  EXPECT_EQ(frames.received(), static_cast<std::uint64_t>(NodeFrames::kMaxPerSecond));
  EXPECT_EQ(frames.accept("r1c1", good, 5.9), "") << "other nodes are counted apart";
  EXPECT_EQ(frames.accept("r0c0", good, 6.0), "") << "a new second";
}

// A 2x2 wall: r0c0 and r0c1 connected with frames, r1c0 disconnected with
// a frame, r1c1 never sent one (and is not connected either).
TEST(WallSnapshot, PutsEachFrameInItsDisplayAndMarksMissingAndOfflineNodes) {
  WallConfig wall = loadWallConfig("2x2-1080p");
  Image red(320, 180, Color{220, 20, 20}), green(320, 180, Color{20, 200, 40}),
      blue(160, 90, Color{30, 40, 210});
  std::map<std::string, SnapshotPanel> panels{{"r0c0", {&red, true}},
                                              {"r0c1", {&green, true}},
                                              {"r1c0", {&blue, false}},
                                              {"r1c1", {nullptr, false}}};
  WallSnapshot snapshot(wall);
  Image shot = snapshot.compose(panels, 960);
  WallCanvas canvas(wall);
  EXPECT_EQ(shot.width, 960);
  double scale = 960.0 / canvas.size().w;
  auto inner = [&](int col, int row) {
    return test::innerRect(canvas.displayRect(col, row), scale);
  };
  EXPECT_TRUE(test::near(test::medianColor(shot, inner(0, 0)), red.at(0, 0), 2));
  EXPECT_TRUE(test::near(test::medianColor(shot, inner(1, 0)), green.at(0, 0), 2));
  Color dimBlue{static_cast<std::uint8_t>(30 * kOfflineKeepPercent / 100),
                static_cast<std::uint8_t>(40 * kOfflineKeepPercent / 100),
                static_cast<std::uint8_t>(210 * kOfflineKeepPercent / 100)};
  EXPECT_EQ(test::medianColor(shot, inner(0, 1)), dimBlue);
  EXPECT_EQ(test::medianColor(shot, inner(1, 1)), kNoPictureFill);
  // The red border of both disconnected nodes, and none around a connected one.
  for (auto [col, row] : {std::pair{0, 1}, std::pair{1, 1}}) {
    RectI d = canvas.displayRect(col, row);
    int x = static_cast<int>((d.x + d.w / 2) * scale), y = static_cast<int>(d.bottom() * scale) - 1;
    EXPECT_TRUE(test::near(test::colorAt(shot, x, y), kOfflineMark, 0)) << col << "," << row;
  }
  RectI d = canvas.displayRect(0, 0);
  EXPECT_TRUE(test::near(test::colorAt(shot, static_cast<int>(d.w / 2 * scale),
                                       static_cast<int>(d.bottom() * scale) - 1),
                         red.at(0, 0), 2));
}

// A connected node whose reports stopped: its picture may no longer be what
// it shows, so its age is marked; a fresh one's is not.
TEST(WallSnapshot, MarksTheFrameOfAConnectedNodeThatStoppedReporting) {
  WallConfig wall = loadWallConfig("2x2-1080p");
  Image grey(320, 180, Color{128, 128, 128});
  WallSnapshot snapshot(wall);
  Image shot = snapshot.compose(
      {{"r0c0", {&grey, true, kStaleSeconds + 4}}, {"r0c1", {&grey, true, kStaleSeconds - 4}}},
      960);
  WallCanvas canvas(wall);
  double scale = static_cast<double>(shot.width) / canvas.size().w;
  auto bottomMiddle = [&](int col) {
    RectI d = canvas.displayRect(col, 0);
    return test::colorAt(shot, static_cast<int>((d.x + d.w / 2) * scale),
                         static_cast<int>(d.bottom() * scale) - 1);
  };
  EXPECT_EQ(bottomMiddle(0), kStaleMark);
  EXPECT_TRUE(test::near(bottomMiddle(1), grey.at(0, 0), 2)) << test::describe(bottomMiddle(1));
  EXPECT_TRUE(test::near(test::medianColor(shot, test::innerRect(canvas.displayRect(0, 0), scale)),
                         grey.at(0, 0), 2))
      << "a stale picture is still shown";
}

// A panel mounted turned sends its framebuffer turned; the screenshot shows
// it as it looks on the wall.
TEST(WallSnapshot, TurnsTheFrameOfARotatedPanelBackAsMounted) {
  WallConfig wall = loadWallConfig("2x2-1080p");
  wall.nodes[0].rotation = Rotation::R90;
  Image frame(90, 160, Color{220, 20, 20});  // portrait framebuffer: red top, blue bottom
  for (int y = 80; y < 160; ++y)
    for (int x = 0; x < 90; ++x) frame.at(x, y)[0] = 20, frame.at(x, y)[2] = 220;
  Image mounted = toMounted(frame, Rotation::R90);
  ASSERT_EQ(mounted.width, 160);
  WallSnapshot snapshot(wall);
  Image shot = snapshot.compose({{wall.nodes[0].id, {&frame, true}}}, 960);
  WallCanvas canvas(wall);
  double scale = static_cast<double>(shot.width) / canvas.size().w;
  RectI d = canvas.displayRect(wall.nodes[0].col, wall.nodes[0].row);
  for (double across : {0.25, 0.75}) {
    int x = static_cast<int>((d.x + d.w * across) * scale),
        y = static_cast<int>((d.y + d.h * 0.6) * scale);
    Color want =
        test::colorAt(mounted, static_cast<int>(mounted.width * across), mounted.height * 6 / 10);
    EXPECT_TRUE(test::near(test::colorAt(shot, x, y), want, 2))
        << across << ": " << test::describe(test::colorAt(shot, x, y)) << " want "
        << test::describe(want);
  }
}

}  // namespace
}  // namespace hw
