#pragma once

namespace hw {

// How long a node waits before it tries again after failures (a file it
// could not fetch, a master it could not join):
// `first` after the first failure, doubling with each further one, never
// more than `most` apart. Bounded so that a file the master puts right is
// picked up (and a master that comes back joined) within `most` seconds, while
// something that keeps failing costs one attempt per `most` seconds.
struct RetrySchedule {
  double first = 0.25;  // s, wait after the first failure
  double most = 5.0;    // s, longest wait between two attempts

  // s to wait after `failures` consecutive failures (0: none, ask now).
  double delayAfter(int failures) const;
};

}  // namespace hw
