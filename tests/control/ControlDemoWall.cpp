// A wall in one process behind the control API, for the browser test
// (web/tests/): prints "URL KEY" on one line, then serves until SIGTERM or SIGINT.
#include <signal.h>

#include <iostream>

#include "tests/control/TestWall.h"

int main() {
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGTERM);
  sigaddset(&stopSignals, SIGINT);
  // Blocked before any thread starts, so every thread leaves them to sigwait.
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  hw::test::TestWall wall;
  std::cout << wall.url() << " " << hw::test::TestWall::kKey << std::endl;
  int received = 0;
  sigwait(&stopSignals, &received);
  return 0;
}
