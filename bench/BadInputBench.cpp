// Hostile-input costs that must grow linearly: SVS description text (tags
// without '>', runs of '&') and the walk over a show's pending commands.
// Each is timed at n and 4n (CPU time, best of 3, so a busy machine matters
// less): a ratio near 4 is linear, near 16 quadratic. Before the fix (issue
// #11): plan took 8.6 s / 18 s on 1 MiB, nextChange 2 s at 8000 pending.
// See docs/performance.md.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>

#include "engine/net/ShowState.h"
#include "hwshow/HtmlText.h"

namespace {

using Run = std::function<void()>;

double cpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double bestOfThree(const Run& run) {
  double best = 1e300;
  for (int i = 0; i < 3; ++i) {
    double start = cpuSeconds();
    run();
    best = std::min(best, cpuSeconds() - start);
  }
  return best;
}

// `prepare(n)` builds the input of size n and returns the call to time.
void row(const char* what, std::size_t n, const std::function<Run(std::size_t)>& prepare) {
  double small = bestOfThree(prepare(n)), large = bestOfThree(prepare(4 * n));
  std::printf("%-40s n=%-8zu %9.2f ms   4n: %9.2f ms   ratio %5.1f\n", what, n, small * 1e3,
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
  row("htmlToText, tags without '>' (bytes)", 4u << 20, [](std::size_t n) -> Run {
    return [text = repeated("<a <b/ x", n)] { hw::htmlToText(text); };
  });
  row("htmlToText, '&' (bytes)", 4u << 20,
      [](std::size_t n) -> Run { return [text = std::string(n, '&')] { hw::htmlToText(text); }; });
  row("nextChange, pending no-op commands", 8000, [](std::size_t n) -> Run {
    TimelineSpec spec;
    spec.cues = {{10, 0, true}, {5, 0, true}};
    ShowState show{1, {PlaybackMode::Playing, 0, 100, 0, -1}, {}};
    for (std::size_t k = 1; k <= n; ++k)
      show.pending.push_back({PlaybackCommand::Kind::Resume, 100 + 9.0 * k / n, -1});
    return [show, timeline = Timeline(spec)] {
      if (!nextChange(show, timeline, 100.5)) std::puts("nextChange: no change found");
    };
  });
  return 0;
}
