#pragma once

namespace hw {

// How long a node waits before it asks for a file again after failures:
// `first` after the first failure, doubling with each further one, never
// more than `most` apart. Bounded so that a file the master puts right is
// picked up within `most` seconds, while a file that keeps failing costs one
// request per `most` seconds.
struct RetrySchedule {
  double first = 0.25;  // s, wait after the first failure
  double most = 5.0;    // s, longest wait between two attempts

  // s to wait after `failures` consecutive failures (0: none, ask now).
  double delayAfter(int failures) const;
};

}  // namespace hw
