#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/control/ControlApi.h"
#include "tests/control/TestImages.h"
#include "tests/control/TestWall.h"

namespace hw::test {
namespace {

using nlohmann::json;

json bodyOf(const httplib::Result& result) {
  EXPECT_TRUE(result) << "no reply";
  if (!result) return json();
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json") << result->body;
  return json::parse(result->body);
}

json statusOf(TestWall& wall) { return bodyOf(wall.client(false)->Get("/api/status")); }

httplib::Result post(TestWall& wall, const std::string& path, const std::string& body = "",
                     bool keyed = true) {
  return wall.client(keyed)->Post(path.c_str(), body, "application/json");
}

TEST(ControlApi, StatusDescribesTheWallAndTheShow) {
  TestWall wall;
  json status = statusOf(wall);
  EXPECT_EQ(status["cueCount"], 3);
  EXPECT_EQ(status["cue"], 0);
  EXPECT_EQ(status["state"], "stopped");
  EXPECT_EQ(status["show"]["title"], "three");
  EXPECT_EQ(status["wall"]["cols"], 3);
  ASSERT_EQ(status["nodes"].size(), 9u);
  EXPECT_EQ(status["nodes"][4]["col"], 1);
  EXPECT_EQ(status["nodes"][4]["row"], 1);
  EXPECT_EQ(status["nodes"][4]["cacheProgress"], 1.0);  // every image is a local file
}

TEST(ControlApi, CommandsDriveTheTimeline) {
  TestWall wall;
  auto play = post(wall, "/api/play");
  ASSERT_EQ(play->status, 200) << play->body;
  EXPECT_EQ(bodyOf(play)["state"], "playing");
  EXPECT_EQ(bodyOf(post(wall, "/api/next"))["cue"], 2);
  EXPECT_EQ(bodyOf(post(wall, "/api/previous"))["cue"], 1);
  EXPECT_EQ(bodyOf(post(wall, "/api/goto", R"({"cue": 3})"))["cueTitle"], "3-blue.png");
  EXPECT_EQ(bodyOf(post(wall, "/api/pause"))["state"], "paused");
  EXPECT_EQ(bodyOf(post(wall, "/api/resume"))["state"], "playing");
  EXPECT_EQ(bodyOf(post(wall, "/api/pattern", R"({"on": true})"))["testPattern"], true);
  EXPECT_EQ(bodyOf(post(wall, "/api/blank", R"({"on": true})"))["blank"], true);
  json stopped = bodyOf(post(wall, "/api/stop"));
  EXPECT_EQ(stopped["state"], "stopped");
  EXPECT_EQ(stopped["cue"], 0);
  EXPECT_EQ(statusOf(wall)["state"], "stopped");
}

TEST(ControlApi, CommandsWithoutTheRightKeyAreRefusedAndChangeNothing) {
  TestWall wall;
  auto unkeyed = post(wall, "/api/play", "", false);
  EXPECT_EQ(unkeyed->status, 401);
  EXPECT_EQ(unkeyed->get_header_value("WWW-Authenticate"), "Bearer realm=\"hyperwall\"");
  EXPECT_EQ(bodyOf(unkeyed)["error"], "wrong or missing wall key");

  for (const char* header : {"Bearer wrong", "Bearer test-key-6b1f0c9d2e7a4f3",
                             "Basic dGVzdA==", "Bearer test-key-6b1f0c9d2e7a4f35x", "Bearer"}) {
    auto client = wall.client(false);
    auto result = client->Post("/api/next", {{"Authorization", header}}, "", "application/json");
    EXPECT_EQ(result->status, 401) << header;
  }
  EXPECT_EQ(statusOf(wall)["state"], "stopped");
  EXPECT_EQ(statusOf(wall)["cue"], 0);
}

TEST(ControlApi, StatusCanBeKeyedToo) {
  ControlSettings settings = TestWall::defaultSettings();
  settings.statusNeedsKey = true;
  TestWall wall(settings);
  EXPECT_EQ(wall.client(false)->Get("/api/status")->status, 401);
  EXPECT_EQ(wall.client(false)->Get("/api/screenshot.png")->status, 401);
  EXPECT_EQ(wall.client(false)->Get("/api/events")->status, 401);
  EXPECT_EQ(wall.client(true)->Get("/api/status")->status, 200);
}

struct BadRequest {
  const char* path;
  const char* body;
  int status;
  const char* errorPart;
};

void PrintTo(const BadRequest& bad, std::ostream* out) {
  *out << "POST " << bad.path << " " << bad.body;
}

class ControlApiBadRequest : public ::testing::TestWithParam<BadRequest> {};

TEST_P(ControlApiBadRequest, IsRefusedWithAJsonErrorAndChangesNothing) {
  TestWall wall;
  ASSERT_EQ(post(wall, "/api/goto", R"({"cue": 2})")->status, 200);
  ASSERT_EQ(post(wall, "/api/pause")->status, 200);
  json before = statusOf(wall);

  const BadRequest& bad = GetParam();
  auto result = post(wall, bad.path, bad.body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, bad.status) << result->body;
  json error = bodyOf(result);
  ASSERT_TRUE(error.contains("error")) << result->body;
  EXPECT_NE(error["error"].get<std::string>().find(bad.errorPart), std::string::npos)
      << error["error"];

  json after = statusOf(wall);
  EXPECT_EQ(after["cue"], before["cue"]);
  EXPECT_EQ(after["state"], before["state"]);
  EXPECT_EQ(after["elapsedSeconds"], before["elapsedSeconds"]);  // paused: no time runs
  EXPECT_EQ(after["show"], before["show"]);
}

INSTANTIATE_TEST_SUITE_P(
    Each, ControlApiBadRequest,
    ::testing::Values(
        BadRequest{"/api/goto", R"({"cue": 4})", 400, "out of range: the show has 3 cues"},
        BadRequest{"/api/goto", R"({"cue": 0})", 400, "/cue"},
        BadRequest{"/api/goto", R"({"cue": "two"})", 400, "/cue"},
        BadRequest{"/api/goto", R"({})", 400, "/cue"},
        BadRequest{"/api/goto", R"({"cue": 2, "cues": 3})", 400, "/cues"},
        BadRequest{"/api/goto", R"({"cue": 2)", 400, "malformed JSON"},
        BadRequest{"/api/next", R"([1, 2])", 400, "expected an object"},
        BadRequest{"/api/pattern", R"({"on": "yes"})", 400, "/on"},
        BadRequest{"/api/blank", R"({})", 400, "/on"},
        BadRequest{"/api/play", R"({"now": true})", 400, "/now"},
        BadRequest{"/api/pause", "", 409, "nothing is playing"},
        BadRequest{"/api/load", R"({"source": "../elsewhere/secret"})", 403, "outside"},
        BadRequest{"/api/load", R"({"source": "/etc"})", 403, "outside"},
        BadRequest{"/api/load", R"({"source": "missing-show"})", 404, "no such show"},
        BadRequest{"/api/load", R"({"source": "ftp://example.org/x.hwshow"})", 400, "URL"},
        BadRequest{"/api/load", R"({"source": "https://example.org/page.html"})", 400, "URL"},
        BadRequest{"/api/load", R"({"source": ""})", 400, "empty"},
        BadRequest{"/api/load", R"({"source": 31382})", 400, "/source"},
        BadRequest{"/api/seek", R"({"seconds": 600})", 400,
                   "cannot seek to 600 s: cue 2 is 600 s long"},
        BadRequest{"/api/seek", R"({"seconds": 7200.5})", 400, "cue 2 is 600 s long"},
        BadRequest{"/api/seek", R"({"seconds": -1})", 400, "/seconds"},
        BadRequest{"/api/seek", R"({"seconds": 1e300})", 400, "/seconds"},
        BadRequest{"/api/seek", R"({"seconds": 1e400})", 400, "number overflow"},
        BadRequest{"/api/seek", R"({"seconds": NaN})", 400, "malformed JSON"},
        BadRequest{"/api/seek", R"({"seconds": "1:23"})", 400, "/seconds"},
        BadRequest{"/api/seek", R"({"seconds": null})", 400, "/seconds"},
        BadRequest{"/api/seek", R"({})", 400, "/seconds"},
        BadRequest{"/api/seek", "", 400, "/seconds"},
        BadRequest{"/api/seek", R"({"seconds": 5, "cue": 1})", 400, "/cue"},
        BadRequest{"/api/teleport", "", 404, "no such route: POST /api/teleport"}),
    [](const auto& info) {
      return std::string(info.param.path).substr(5) + std::to_string(info.index);
    });

TEST(ControlApi, SeekMovesTheCueOnTheWallWhetherPlayingOrPaused) {
  TestWall wall;
  ASSERT_EQ(post(wall, "/api/goto", R"({"cue": 2})")->status, 200);
  json sought = bodyOf(post(wall, "/api/seek", R"({"seconds": 83.5})"));
  EXPECT_EQ(sought["cue"], 2);
  EXPECT_EQ(sought["state"], "playing");
  EXPECT_GE(sought["elapsedSeconds"].get<double>(), 83.5);
  EXPECT_LT(sought["elapsedSeconds"].get<double>(), 90.0);
  EXPECT_NEAR(sought["elapsedSeconds"].get<double>() + sought["timeLeftSeconds"].get<double>(),
              600.0, 1e-6);

  // Paused, it stays paused on the position; resume runs on from it.
  ASSERT_EQ(post(wall, "/api/pause")->status, 200);
  json frozen = bodyOf(post(wall, "/api/seek", R"({"seconds": 0})"));
  EXPECT_EQ(frozen["state"], "paused");
  // Clock times are large: at - position rounds by far less than a microsecond.
  EXPECT_NEAR(frozen["elapsedSeconds"].get<double>(), 0.0, 1e-6);
  json late = bodyOf(post(wall, "/api/seek", R"({"seconds": 599.9})"));
  EXPECT_NEAR(late["elapsedSeconds"].get<double>(), 599.9, 1e-6);
  EXPECT_EQ(statusOf(wall)["elapsedSeconds"], late["elapsedSeconds"]);  // frozen
  json resumed = bodyOf(post(wall, "/api/resume"));
  EXPECT_EQ(resumed["state"], "playing");
  EXPECT_GE(resumed["elapsedSeconds"].get<double>(), late["elapsedSeconds"].get<double>());

  // Nothing on the wall, nothing to seek in.
  ASSERT_EQ(post(wall, "/api/stop")->status, 200);
  auto stopped = post(wall, "/api/seek", R"({"seconds": 5})");
  EXPECT_EQ(stopped->status, 409);
  EXPECT_EQ(bodyOf(stopped)["error"], "nothing is on the wall: play or go to a cue first");
  EXPECT_EQ(post(wall, "/api/seek", R"({"seconds": 5})", false)->status, 401);
  EXPECT_EQ(statusOf(wall)["state"], "stopped");
}

TEST(ControlApi, ResumeOnlyResumesAPausedShow) {
  TestWall wall;
  auto refused = post(wall, "/api/resume");
  EXPECT_EQ(refused->status, 409);
  EXPECT_EQ(bodyOf(refused)["error"], "the show is not paused");
  EXPECT_EQ(statusOf(wall)["state"], "stopped");
}

TEST(ControlApi, LoadingAShowThatDoesNotParseChangesNothing) {
  TestWall wall;
  std::filesystem::create_directories(wall.showFolder() / "empty");
  auto result = post(wall, "/api/load", R"({"source": "empty"})");
  EXPECT_EQ(result->status, 400);
  EXPECT_NE(bodyOf(result)["error"].get<std::string>().find("no images ("), std::string::npos);
  EXPECT_EQ(statusOf(wall)["show"]["title"], "three");
}

TEST(ControlApi, LoadingThroughASymlinkOutOfTheShowFoldersIsForbidden) {
  TestWall wall;
  std::filesystem::create_directory_symlink(wall.outsideFolder() / "secret",
                                            wall.showFolder() / "innocent");
  auto result = post(wall, "/api/load", R"({"source": "innocent"})");
  EXPECT_EQ(result->status, 403);
  EXPECT_EQ(statusOf(wall)["show"]["title"], "three");
}

TEST(ControlApi, LoadReplacesTheShowAndBumpsTheGeneration) {
  TestWall wall;
  int generation = statusOf(wall)["show"]["generation"];
  json loaded = bodyOf(post(wall, "/api/load", R"({"source": "two"})"));
  EXPECT_EQ(loaded["show"]["title"], "two");
  EXPECT_EQ(loaded["cueCount"], 2);
  EXPECT_EQ(loaded["show"]["generation"], generation + 1);
  json playlist = bodyOf(wall.client(false)->Get("/api/playlist"));
  ASSERT_EQ(playlist["cues"].size(), 2u);
  EXPECT_EQ(playlist["cues"][1]["title"], "2-grey.png");
  EXPECT_EQ(playlist["cues"][1]["cue"], 2);
}

TEST(ControlApi, TooLargeABodyIsRefusedWith413) {
  TestWall wall;
  std::string huge = R"({"source": ")" + std::string(8000, 'a') + R"("})";
  auto result = post(wall, "/api/load", huge);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(bodyOf(result)["error"], "request body is larger than 4096 bytes");
  EXPECT_EQ(statusOf(wall)["show"]["title"], "three");
}

TEST(ControlApi, WrongMethodsAndUnknownRoutesGetJsonErrors) {
  TestWall wall;
  auto get = wall.client()->Get("/api/next");
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  auto getSeek = wall.client()->Get("/api/seek");
  EXPECT_EQ(getSeek->status, 405);
  EXPECT_EQ(bodyOf(getSeek)["error"], "/api/seek changes the wall: use POST");
  EXPECT_EQ(post(wall, "/api/status")->status, 405);
  auto unknown = wall.client()->Get("/api/nothing");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(bodyOf(unknown)["error"], "no such route: GET /api/nothing");
}

TEST(ControlApi, ScreenshotShowsTheCueAndTheTestPattern) {
  TestWall wall;
  post(wall, "/api/goto", R"({"cue": 1})");
  auto shot = wall.client(false)->Get("/api/screenshot.png");
  ASSERT_EQ(shot->status, 200);
  EXPECT_EQ(shot->get_header_value("Content-Type"), "image/png");
  // The middle of the top-left display shows the red first cue.
  Color red = pixelOfPng(shot->body, 100, 50);
  EXPECT_EQ(red, (Color{255, 0, 0}));

  post(wall, "/api/goto", R"({"cue": 3})");
  EXPECT_EQ(pixelOfPng(wall.client(false)->Get("/api/screenshot.png")->body, 100, 50),
            (Color{0, 0, 255}));
  post(wall, "/api/blank", R"({"on": true})");
  EXPECT_EQ(pixelOfPng(wall.client(false)->Get("/api/screenshot.png")->body, 100, 50),
            (Color{0, 0, 0}));
}

TEST(ControlApi, ADeadPanelIsMarkedInStatusAndCrossedOutInTheScreenshot) {
  WallConfig wall = TestWall::defaultWall();
  wall.nodes[4].active = false;  // the middle display
  TestWall withDeadPanel(TestWall::defaultSettings(), wall);
  post(withDeadPanel, "/api/goto", R"({"cue": 3})");
  json status = statusOf(withDeadPanel);
  EXPECT_EQ(status["nodes"][4]["active"], false);
  EXPECT_EQ(status["nodes"][4]["connected"], false);
  EXPECT_EQ(status["nodes"][3]["active"], true);
  std::string shot = withDeadPanel.client(false)->Get("/api/screenshot.png")->body;
  EXPECT_EQ(pixelOfPng(shot, 100, 50), (Color{0, 0, 255}));  // a live display shows the cue
  Color dead = pixelOfPng(shot, 480 + 20, 270);              // the middle display, off its cross
  EXPECT_GT(dead.r, dead.b) << int(dead.r) << "," << int(dead.g) << "," << int(dead.b);
}

TEST(ControlApi, CueThumbnailsExistForEveryCueAndNoOther) {
  TestWall wall;
  auto thumb = wall.client(false)->Get("/api/cues/2/thumbnail.png");
  ASSERT_EQ(thumb->status, 200);
  EXPECT_EQ(pixelOfPng(thumb->body, 30, 15), (Color{0, 255, 0}));
  EXPECT_EQ(wall.client(false)->Get("/api/cues/4/thumbnail.png")->status, 404);
  EXPECT_EQ(wall.client(false)->Get("/api/cues/0/thumbnail.png")->status, 404);
  EXPECT_EQ(wall.client(false)->Get("/api/cues/99999999999/thumbnail.png")->status, 404);
}

TEST(ControlApi, AWallInOneProcessHasNoNodeFrames) {
  TestWall wall;
  auto frame = wall.client(false)->Get("/api/nodes/r0c0/frame.png");
  ASSERT_TRUE(frame);
  EXPECT_EQ(frame->status, 404);
  EXPECT_NE(frame->body.find("r0c0"), std::string::npos) << frame->body;
}

TEST(ControlApi, ServesTheWebRemote) {
  TestWall wall;
  auto page = wall.client(false)->Get("/");
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("remote.js"), std::string::npos);
  EXPECT_EQ(wall.client(false)->Get("/remote/remote.js")->status, 200);
  EXPECT_EQ(wall.client(false)->Get("/remote/nothing.js")->status, 404);
}

}  // namespace
}  // namespace hw::test
