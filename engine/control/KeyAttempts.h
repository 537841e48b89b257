#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hw {

// Wrong wall keys, counted per client address. The first few pass as typos;
// after that the address must wait before any key from it is checked again,
// twice as long after each further wrong key (capped). The wait is answered
// at once (429), so guessing costs the guesser time and holds no thread.
// Wrong keys are logged: the first from an address, then at most one line
// a minute per address carrying the count.
class KeyAttempts {
 public:
  using Clock = std::chrono::steady_clock;
  using Log = std::function<void(const std::string& line)>;

  static constexpr int kFreeFailures = 3;              // wrong keys before any wait
  static constexpr std::chrono::seconds kMaxWait{60};  // s, longest wait
  static constexpr std::chrono::minutes kForget{
      15};  // an address's record ends this long after its last wrong key
  static constexpr std::chrono::seconds kLogEvery{60};  // s, at most one log line per address
  static constexpr std::size_t kMaxAddresses = 4096;    // records kept; the stalest goes first

  explicit KeyAttempts(Log log = nullptr);  // nullptr: lines go to stderr

  // How long `address` must still wait before a key from it is checked; zero when it may try.
  std::chrono::seconds waitFor(const std::string& address, Clock::time_point now);
  // Counts a wrong key from `address` (`what`: the request, for the log).
  void failed(const std::string& address, const std::string& what, Clock::time_point now);
  // A right key ends the address's record.
  void succeeded(const std::string& address);

 private:
  struct Record {
    int failures = 0;
    int unlogged = 0;  // wrong keys since the last log line
    Clock::time_point last;
    Clock::time_point lockedUntil;
    Clock::time_point loggedAt;
  };

  std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
  Log log_;
};

}  // namespace hw
