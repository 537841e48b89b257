#include <gtest/gtest.h>

#include <stdexcept>

#include "config/InputError.h"
#include "config/WallConfigLoader.h"
#include "engine/net/ClockPacket.h"
#include "engine/net/FrameCodec.h"
#include "engine/net/HelloCheck.h"
#include "engine/net/NodeShowDocument.h"
#include "engine/net/PendingHellos.h"
#include "engine/net/Protocol.h"
#include "engine/net/RefusalLog.h"
#include "engine/net/Sha256.h"
#include "engine/net/ShowStateJson.h"
#include "hwshow/MovieCueTiming.h"

namespace hw {
namespace {

TEST(FrameCodec, SplitsAStreamIntoMessagesWhateverTheChunking) {
  std::string stream = FrameCodec::frame("{\"a\":1}") + FrameCodec::frame("") +
                       FrameCodec::frame(std::string(70000, 'x'));
  FrameCodec codec;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < stream.size(); i += 7) {
    codec.append(stream.data() + i, std::min<std::size_t>(7, stream.size() - i));
    while (auto message = codec.next()) out.push_back(*message);
  }
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], "{\"a\":1}");
  EXPECT_EQ(out[1], "");
  EXPECT_EQ(out[2].size(), 70000u);
}

TEST(FrameCodec, RefusesAnOversizedFrameBeforeBufferingIt) {
  FrameCodec codec;
  const char huge[] = {'\x7f', '\x00', '\x00', '\x00'};
  codec.append(huge, 4);
  EXPECT_THROW(codec.next(), std::length_error);
}

TEST(FrameCodec, ALoweredLimitRefusesFramesTheDefaultTakes) {
  const std::string fits = FrameCodec::frame(std::string(100, 'x'));
  const std::string over = FrameCodec::frame(std::string(101, 'x'));
  FrameCodec codec;
  codec.setMaxIncomingBytes(100);
  codec.append(fits.data(), fits.size());
  EXPECT_EQ(codec.next()->size(), 100u);
  codec.append(over.data(), 4);  // the length alone is enough to refuse
  try {
    codec.next();
    ADD_FAILURE() << "a 101-byte frame was taken";
  } catch (const std::length_error& e) {
    EXPECT_STREQ(e.what(), "incoming message of 101 bytes is over the 100-byte limit");
  }
  FrameCodec restored;
  restored.setMaxIncomingBytes(100);
  restored.setMaxIncomingBytes(FrameCodec::kMaxFrameBytes);
  restored.append(over.data(), over.size());
  EXPECT_EQ(restored.next()->size(), 101u);
}

TEST(RefusalLog, WritesTheFirstLinesOfAWindowAndCountsTheRest) {
  RefusalLog log;
  std::vector<std::string> written;
  for (int i = 0; i < 25; ++i)
    for (auto& line : log.refuse("refused " + std::to_string(i), 100.0 + i * 0.01))
      written.push_back(line);
  ASSERT_EQ(written.size(), static_cast<std::size_t>(RefusalLog::kLinesPerWindow));
  EXPECT_EQ(written.front(), "refused 0");
  EXPECT_EQ(written.back(), "refused " + std::to_string(RefusalLog::kLinesPerWindow - 1));
  ASSERT_TRUE(log.flushDue());
  EXPECT_DOUBLE_EQ(*log.flushDue(), 100.0 + RefusalLog::kWindowSeconds);
  EXPECT_FALSE(log.flush(105.0)) << "the window is not over";
  EXPECT_EQ(log.flush(110.0), "15 more refusals in 10 s suppressed (at most 10 lines per 10 s)");
  EXPECT_FALSE(log.flush(111.0)) << "told once";
  EXPECT_FALSE(log.flushDue());
  // A new window writes again; a count not yet told comes first.
  for (int i = 0; i < 11; ++i) log.refuse("again", 200.0);
  EXPECT_EQ(log.refuse("later", 300.0),
            (std::vector<std::string>{
                "1 more refusal in 10 s suppressed (at most 10 lines per 10 s)", "later"}));
}

TEST(PendingHellos, CountsAPeersConnectionsUnderItsAddressOrItsIpv6Slash64) {
  EXPECT_EQ(addressGroup(asio::ip::make_address("10.0.0.5")), "10.0.0.5");
  EXPECT_EQ(addressGroup(asio::ip::make_address("::ffff:10.0.0.5")), "10.0.0.5");
  EXPECT_EQ(addressGroup(asio::ip::make_address("2001:db8:1:2:aaaa:bbbb:cccc:dddd")),
            "2001:db8:1:2::/64");
  EXPECT_EQ(addressGroup(asio::ip::make_address("2001:db8:1:2::9")), "2001:db8:1:2::/64");
}

TEST(ClockPacket, EncodesAndDecodesEveryField) {
  ClockPacket p;
  p.protocol = kProtocolVersion;
  p.kind = ClockPacket::Kind::Reply;
  p.token = 0x0123456789abcdefULL;
  p.sequence = 42;
  p.nonce = 0xfedcba9876543210ULL;
  p.t1 = 1234.5678901234;
  p.t2 = -1e-7;
  p.t3 = 1.7e9;
  auto bytes = p.encode();
  auto back = ClockPacket::decode(bytes.data(), bytes.size());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->token, p.token);
  EXPECT_EQ(back->sequence, 42u);
  EXPECT_EQ(back->nonce, p.nonce);
  EXPECT_EQ(back->kind, ClockPacket::Kind::Reply);
  EXPECT_DOUBLE_EQ(back->t1, p.t1);
  EXPECT_DOUBLE_EQ(back->t2, p.t2);
  EXPECT_DOUBLE_EQ(back->t3, p.t3);
}

TEST(ClockPacket, RejectsWrongSizeMagicKindAndNonFiniteTimes) {
  ClockPacket p;
  auto bytes = p.encode();
  EXPECT_FALSE(ClockPacket::decode(bytes.data(), bytes.size() - 1));
  auto badMagic = bytes;
  badMagic[0] ^= 1;
  EXPECT_FALSE(ClockPacket::decode(badMagic.data(), badMagic.size()));
  auto badKind = bytes;
  badKind[6] = 9;
  EXPECT_FALSE(ClockPacket::decode(badKind.data(), badKind.size()));
  p.t2 = std::numeric_limits<double>::infinity();
  auto inf = p.encode();
  EXPECT_FALSE(ClockPacket::decode(inf.data(), inf.size()));
}

WallConfig keyedWall() {
  WallConfig wall = loadWallConfig("2x2-1080p");
  wall.nodes[3].active = false;
  return wall;
}

nlohmann::json nodeHello(const std::string& key, const std::string& node = "r0c1") {
  return helloToJson({kProtocolVersion, key, "node", node, "abc"});
}

TEST(HelloCheck, AcceptsTheRightKeyAndAKnownActiveNode) {
  EXPECT_EQ(refusalReason(nodeHello("s3cret"), "peer", "s3cret", keyedWall()), "");
  EXPECT_EQ(refusalReason(helloToJson({kProtocolVersion, "s3cret", "control", "", "x"}), "peer",
                          "s3cret", keyedWall()),
            "");
}

TEST(HelloCheck, RefusesAnotherProtocolVersionWhateverElseItSends) {
  const int later = kProtocolVersion + 1;
  nlohmann::json future{{"type", "hello"}, {"protocol", later}, {"shiny", true}};
  EXPECT_EQ(refusalReason(future, "peer", "k", keyedWall()),
            "protocol version " + std::to_string(later) +
                " is not supported (this master speaks protocol " +
                std::to_string(kProtocolVersion) + ")");
}

// A keyless client's hello is read before any key check: a protocol value
// nested 100,000 deep (a 200 KB frame) used to overflow the master's stack.
TEST(HelloCheck, RefusesADeeplyNestedProtocolWithoutDumpingIt) {
  const std::size_t depth = 100'000;
  std::string text = "{\"type\": \"hello\", \"protocol\": " + std::string(depth, '[') +
                     std::string(depth, ']') + "}";
  nlohmann::json hello = nlohmann::json::parse(text);
  EXPECT_EQ(refusalReason(hello, "peer", "k", keyedWall()),
            "protocol version (an array) is not supported (this master speaks protocol " +
                std::to_string(kProtocolVersion) + ")");
  nlohmann::json wordy{{"type", "hello"}, {"protocol", std::string(1000, 'v')}};
  EXPECT_EQ(refusalReason(wordy, "peer", "k", keyedWall()),
            "protocol version \"" + std::string(40, 'v') +
                "...\" is not supported (this master speaks protocol " +
                std::to_string(kProtocolVersion) + ")");
}

TEST(HelloCheck, RefusesAWrongKeyUnknownOrInactiveNodeAndMalformedHellos) {
  EXPECT_EQ(refusalReason(nodeHello("guess"), "peer", "s3cret", keyedWall()), "wrong wall key");
  EXPECT_EQ(refusalReason(nodeHello("s3cret", "r9c9"), "peer", "s3cret", keyedWall()),
            "no node \"r9c9\" on wall 2x2-1080p (nodes: r0c0, r0c1, r1c0, r1c1)");
  EXPECT_EQ(refusalReason(nodeHello("s3cret", "r1c1"), "peer", "s3cret", keyedWall()),
            "node \"r1c1\" is inactive in wall 2x2-1080p");
  nlohmann::json noRole{{"type", "hello"}, {"protocol", kProtocolVersion}, {"key", "s3cret"}};
  EXPECT_EQ(refusalReason(noRole, "peer 1.2.3.4", "s3cret", keyedWall()),
            "malformed hello: peer 1.2.3.4: /role: required field is missing");
}

TEST(HelloCheck, RefusesNodeIdsThatCouldForgeLogLinesAndKeepsProtocolsShort) {
  EXPECT_EQ(
      refusalReason(nodeHello("s3cret", "r0c1\nmaster: node r0c0 joined"), "peer", "s3cret",
                    keyedWall()),
      "malformed hello: peer: /node: must not contain control characters (newlines, tabs, ...)");
  EXPECT_EQ(refusalReason(nodeHello("s3cret", std::string(65, 'r')), "peer", "s3cret", keyedWall()),
            "malformed hello: peer: /node: must be at most 64 bytes (got 65)");
  nlohmann::json hello = nodeHello("s3cret");
  hello["protocol"] = std::string(1 << 20, 'v');
  EXPECT_EQ(refusalReason(hello, "peer", "s3cret", keyedWall()),
            "protocol version \"" + std::string(40, 'v') +
                "...\" is not supported (this master speaks protocol " +
                std::to_string(kProtocolVersion) + ")");
  hello["protocol"] = nlohmann::json::array({nlohmann::json::array({2})});
  EXPECT_EQ(refusalReason(hello, "peer", "s3cret", keyedWall()),
            "protocol version (an array) is not supported (this master speaks protocol " +
                std::to_string(kProtocolVersion) + ")");
}

TEST(ShowStateJson, RoundTripsAndRejectsDisorder) {
  ShowState state{9, {PlaybackMode::Paused, 2, 1.25, 1.5, 1}, {{PlaybackCommand::Kind::Resume, 3, -1}, {PlaybackCommand::Kind::GoTo, 4, 0}}};
  ShowState back = showStateFromJson(showStateToJson(state), "t");
  EXPECT_EQ(back.sequence, 9u);
  EXPECT_EQ(back.base, state.base);
  ASSERT_EQ(back.pending.size(), 2u);
  EXPECT_EQ(back.pending[1].kind, PlaybackCommand::Kind::GoTo);
  EXPECT_DOUBLE_EQ(back.pending[1].at, 4);
  EXPECT_EQ(back.pending[1].cue, 0);
  nlohmann::json disorder = showStateToJson(state);
  std::swap(disorder["pending"][0], disorder["pending"][1]);
  try {
    showStateFromJson(disorder, "master");
    FAIL() << "accepted commands out of order";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "master: /state/pending/1/at: pending commands must be in order of time");
  }
  nlohmann::json unknown = showStateToJson(state);
  unknown["pending"][0]["command"] = "explode";
  EXPECT_THROW(showStateFromJson(unknown, "t"), InputError);
}

TEST(ShowStateJson, ASeekTravelsWithItsPositionAndOnlyASeekHasOne) {
  PlaybackCommand seek{PlaybackCommand::Kind::Seek, 5, -1, 83.5};
  ShowState state{3, {PlaybackMode::Playing, 1, 1.0, 0, 0}, {seek}};
  nlohmann::json wire = showStateToJson(state);
  EXPECT_EQ(wire["pending"][0]["command"], "seek");
  EXPECT_EQ(wire["pending"][0]["position"], 83.5);
  ShowState back = showStateFromJson(wire, "t");
  ASSERT_EQ(back.pending.size(), 1u);
  EXPECT_EQ(back.pending[0].kind, PlaybackCommand::Kind::Seek);
  EXPECT_DOUBLE_EQ(back.pending[0].position, 83.5);

  auto refusal = [](const nlohmann::json& bad) {
    try {
      showStateFromJson(bad, "master");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  nlohmann::json missing = wire;
  missing["pending"][0].erase("position");
  EXPECT_EQ(refusal(missing), "master: /state/pending/0/position: required field is missing");
  nlohmann::json negative = wire;
  negative["pending"][0]["position"] = -1;
  EXPECT_NE(refusal(negative).find("/state/pending/0/position"), std::string::npos)
      << refusal(negative);
  nlohmann::json text = wire;
  text["pending"][0]["position"] = "1:23";
  EXPECT_NE(refusal(text).find("/state/pending/0/position"), std::string::npos) << refusal(text);
  nlohmann::json onNext = wire;
  onNext["pending"][0]["command"] = "next";
  EXPECT_NE(refusal(onNext).find("unknown field \"position\""), std::string::npos)
      << refusal(onNext);
}

TEST(NodeShowDocument, IsAHwshowDocumentTheNodeParsesBackToWhatItDraws) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  const std::string asset = "asset:" + Sha256::ofText("pixels");
  Playlist playlist;
  playlist.metadata.title = "MABL-B";
  playlist.loop = false;
  Cue cue;
  cue.title = "Aerosols";
  cue.durationSeconds = 7.5;
  cue.transition = {TransitionType::Cut, 0};
  cue.background = {1, 2, 3};
  cue.hwshowUri = "/on/the/master/only.hwshow";
  LayoutItem item;
  // The master chose the 4K file for this wall; the other size stays home.
  item.media = {MediaKind::Image, asset, 3840, 2160, "", {{"/srv/a-1080.png", 1920, 1080}}, {}, {}};
  item.region = {1, 0, 2, 0};
  item.fit = FitMode::Fill;
  item.anchor = {0.25, 1};
  LayoutItem remote;
  remote.media = {MediaKind::Image, "https://svs.gsfc.nasa.gov/x.jpg", 5760, 3240, "", {}, {}, {}};
  cue.items = {item, remote};
  playlist.cues.push_back(cue);
  // A movie cue timed by its movie: nodes get the facts to time it before they have the file.
  Cue movie;
  movie.durationFromMovies = true;
  movie.loops = 2;
  LayoutItem clip;
  clip.media = {MediaKind::Movie, asset, 1920, 1080, "", {}, {{30000, 1001}, 300}, {}};
  movie.items = {clip};
  settleMovieCueDuration(movie);
  playlist.cues.push_back(movie);

  nlohmann::json document = showDocumentForNodes(playlist);
  EXPECT_EQ(document.at("hwshow"), 1);
  EXPECT_EQ(document.dump().find("/srv/"), std::string::npos);
  EXPECT_EQ(document.dump().find("only.hwshow"), std::string::npos);
  Playlist back = showFromDocument(document, wall, LocalMirror("/nonexistent"), "welcome");
  EXPECT_EQ(back.metadata.title, "MABL-B");
  EXPECT_FALSE(back.loop);
  ASSERT_EQ(back.cues.size(), 2u);
  EXPECT_EQ(back.cues[1].items[0].media.movie, (MovieFacts{{30000, 1001}, 300}));
  EXPECT_EQ(back.cues[1].loops, 2);
  EXPECT_DOUBLE_EQ(back.cues[1].durationSeconds, 20.02);
  EXPECT_EQ(back.cues[0].title, "Aerosols");
  EXPECT_DOUBLE_EQ(back.cues[0].durationSeconds, 7.5);
  EXPECT_EQ(back.cues[0].background, (Color{1, 2, 3}));
  EXPECT_EQ(back.cues[0].transition.type, TransitionType::Cut);
  ASSERT_EQ(back.cues[0].items.size(), 2u);
  EXPECT_EQ(back.cues[0].items[0].media.uri, asset);
  EXPECT_EQ(back.cues[0].items[0].media.width, 3840);
  EXPECT_EQ(back.cues[0].items[0].region, (Region{1, 0, 2, 0}));
  EXPECT_EQ(back.cues[0].items[0].fit, FitMode::Fill);
  EXPECT_DOUBLE_EQ(back.cues[0].items[0].anchor.x, 0.25);
  EXPECT_EQ(back.cues[0].items[1].media.uri, "https://svs.gsfc.nasa.gov/x.jpg");
  EXPECT_EQ(back.cues[0].items[1].media.height, 3240);
}

TEST(NodeShowDocument, NodeRefusesUnknownKeysAndLocalPathsItDoesNotHave) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  nlohmann::json document = {{"hwshow", 1}, {"cues", {{{"media", "asset:" + std::string(64, 'a')}}}}};
  EXPECT_NO_THROW(showFromDocument(document, wall, LocalMirror("/nonexistent"), "welcome"));
  nlohmann::json extra = document;
  extra["cues"][0]["path"] = "/etc/passwd";
  EXPECT_THROW(showFromDocument(extra, wall, LocalMirror("/nonexistent"), "welcome"), InputError);
  nlohmann::json local = {{"hwshow", 1}, {"cues", {{{"media", "/nonexistent/secret.png"}}}}};
  EXPECT_THROW(showFromDocument(local, wall, LocalMirror("/nonexistent"), "welcome"), InputError);
}

}  // namespace
}  // namespace hw
