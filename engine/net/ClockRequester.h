#pragma once

#include <asio.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>

#include "engine/net/ClockEstimator.h"
#include "engine/net/ClockExchangeTracker.h"
#include "engine/net/NodeClock.h"

namespace hw {

// The node's side of clock exchanges: a fast phase at start (40 Hz for
// 2.5 s) so the estimate is usable within a fraction of a second and its
// rate is fitted within a few, then a steady low rate. Every completed
// exchange updates the estimator and is handed to `onSample`.
class ClockRequester {
 public:
  struct Rates {
    int burstCount = 100;          // exchanges sent quickly after (re)start
    double burstInterval = 0.025;  // s between burst exchanges
    double steadyInterval = 0.25;  // s between exchanges afterwards (4 Hz)
  };
  using SampleHandler = std::function<void(const ClockSample& sample, const ClockEstimate& estimate)>;

  ClockRequester(asio::io_context& io, const NodeClock& clock, SampleHandler onSample,
                 Rates rates);

  // Starts exchanging with the master at `endpoint` under session `token`.
  // `freshMaster`: a different master process: forget what was learnt.
  void start(const asio::ip::udp::endpoint& endpoint, std::uint64_t token, bool freshMaster);
  void stop();
  const ClockEstimate& estimate() const { return estimator_.estimate(); }
  std::optional<ClockSample> lastSample() const { return last_; }

 private:
  void sendNext();
  void receive();

  asio::ip::udp::socket socket_;
  asio::steady_timer timer_;
  const NodeClock& clock_;
  SampleHandler onSample_;
  Rates rates_;
  ClockEstimator estimator_;
  ClockExchangeTracker tracker_;
  std::mt19937_64 random_;
  asio::ip::udp::endpoint master_;
  asio::ip::udp::endpoint sender_;
  std::array<std::uint8_t, 512> buffer_{};
  std::uint64_t token_ = 0;
  int burstLeft_ = 0;
  bool running_ = false;
  std::optional<ClockSample> last_;  // latest exchange, for the naive baseline
};

}  // namespace hw
