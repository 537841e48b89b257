// Hostile-input costs that must grow linearly: SVS description text (tags
// without '>', runs of '&') and the master's walk over pending commands.
// Each is timed at n and 4n: a ratio near 4 is linear, near 16 quadratic.
// Before the fix (issue #11): plan took 8.6 s / 18 s on 1 MiB, nextChange
// seconds per call at 8000 pending. See docs/performance.md.
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "engine/net/ShowState.h"
#include "hwshow/HtmlText.h"

namespace {

double secondsOf(const std::function<void()>& run) {
  auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void row(const char* what, const std::function<void(std::size_t)>& run, std::size_t n) {
  double small = secondsOf([&] { run(n); }), large = secondsOf([&] { run(4 * n); });
  std::printf("%-44s n=%-8zu %9.2f ms   4n: %9.2f ms   ratio %5.1f\n", what, n, small * 1e3,
              large * 1e3, large / small);
}

std::string repeated(const std::string& unit, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += unit;
  return text;
}

}  // namespace

int main() {
  using namespace hw;
  row(
      "htmlToText, tags without '>' (bytes)",
      [](std::size_t n) { htmlToText(repeated("<a <b/ x", n)); }, 1u << 20);
  row(
      "htmlToText, '&' (bytes)", [](std::size_t n) { htmlToText(std::string(n, '&')); }, 1u << 20);
  row(
      "nextChange, pending no-op commands",
      [](std::size_t n) {
        TimelineSpec spec;
        spec.cues = {{10, 0, true}, {5, 0, true}};
        Timeline timeline(spec);
        ShowState show{1, {PlaybackMode::Playing, 0, 100, 0, -1}, {}};
        for (std::size_t k = 1; k <= n; ++k)
          show.pending.push_back({PlaybackCommand::Kind::Resume, 100 + 9.0 * k / n, -1});
        if (!nextChange(show, timeline, 100.5)) std::puts("nextChange: no change found");
      },
      8000);
  return 0;
}
