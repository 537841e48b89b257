#include "engine/net/NetemRelay.h"

#include <deque>
#include <map>
#include <vector>

namespace hw {
namespace {

using asio::ip::tcp;
using asio::ip::udp;
using Clock = std::chrono::steady_clock;

}  // namespace

struct NetemRelay::Impl {
  asio::io_context io;
  NetemSettings settings;
  std::mt19937 random;
  udp::endpoint master;
  tcp::endpoint masterControl;
  tcp::endpoint masterAssets;
  udp::socket front;  // what nodes talk to
  std::array<std::uint8_t, 2048> buffer{};
  udp::endpoint sender;
  std::map<udp::endpoint, std::shared_ptr<udp::socket>> backs;  // one per node, towards the master
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;

  Impl(const std::string& listen, const std::string& masterAddress, int port, NetemSettings s,
       unsigned seed)
      : settings(s), random(seed),
        master(asio::ip::make_address(masterAddress), static_cast<unsigned short>(port)),
        masterControl(master.address(), static_cast<unsigned short>(port)),
        masterAssets(master.address(), static_cast<unsigned short>(port + 1)),
        front(io, udp::endpoint(asio::ip::make_address(listen), static_cast<unsigned short>(port))) {
    for (int p : {port, port + 1}) {
      auto acceptor = std::make_unique<tcp::acceptor>(io);
      tcp::endpoint at(asio::ip::make_address(listen), static_cast<unsigned short>(p));
      acceptor->open(at.protocol());
      acceptor->set_option(tcp::acceptor::reuse_address(true));
      acceptor->bind(at);
      acceptor->listen();
      accept(*acceptor, p == port ? masterControl : masterAssets);
      acceptors.push_back(std::move(acceptor));
    }
    receiveFront();
  }

  Clock::duration delay(bool extraHold) {
    std::uniform_real_distribution<double> jitter(-settings.jitter, settings.jitter);
    double seconds = std::max(0.0, settings.delay + jitter(random));
    if (extraHold) seconds += 3 * settings.delay;
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; }

  // Sends a datagram later, maybe twice, maybe not at all.
  void impair(std::shared_ptr<udp::socket> socket, udp::endpoint to, std::vector<std::uint8_t> bytes) {
    if (chance(settings.loss)) return;
    int copies = chance(settings.duplicate) ? 2 : 1;
    auto data = std::make_shared<std::vector<std::uint8_t>>(std::move(bytes));
    for (int i = 0; i < copies; ++i) {
      auto timer = std::make_shared<asio::steady_timer>(io, delay(chance(settings.reorder)));
      timer->async_wait([timer, socket, to, data](asio::error_code ec) {
        if (ec) return;
        asio::error_code ignored;
        socket->send_to(asio::buffer(*data), to, 0, ignored);
      });
    }
  }

  void receiveFront() {
    front.async_receive_from(asio::buffer(buffer), sender, [this](asio::error_code ec, std::size_t n) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        auto& back = backs[sender];
        if (!back) {
          back = std::make_shared<udp::socket>(io, udp::endpoint(udp::v4(), 0));
          receiveBack(back, sender);
        }
        impair(back, master, {buffer.begin(), buffer.begin() + static_cast<long>(n)});
      }
      receiveFront();
    });
  }

  void receiveBack(std::shared_ptr<udp::socket> back, udp::endpoint node) {
    auto data = std::make_shared<std::array<std::uint8_t, 2048>>();
    auto from = std::make_shared<udp::endpoint>();
    back->async_receive_from(asio::buffer(*data), *from, [this, back, node, data, from](asio::error_code ec, std::size_t n) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        std::shared_ptr<udp::socket> frontSocket(&front, [](udp::socket*) {});
        impair(frontSocket, node, {data->begin(), data->begin() + static_cast<long>(n)});
      }
      receiveBack(back, node);
    });
  }

  // One direction of a TCP stream: chunks keep their order, each delayed,
  // and the far side is shut only once everything read has been written.
  // One timer per pipe, for the oldest chunk only: timers due at one
  // instant need not fire in the order they were set.
  struct Pipe : std::enable_shared_from_this<Pipe> {
    struct Held {
      Clock::time_point at;  // when it may go on
      std::string bytes;
    };
    Impl* relay;
    std::shared_ptr<tcp::socket> from, to;
    asio::steady_timer timer;
    std::array<char, 1 << 15> chunk{};
    Clock::time_point lastDelivery{};
    std::deque<Held> held;        // read, not yet due, in stream order
    std::deque<std::string> due;  // written in order, one write at a time
    bool writing = false;
    bool ended = false;  // `from` has nothing more to give

    Pipe(Impl* r, std::shared_ptr<tcp::socket> a, std::shared_ptr<tcp::socket> b)
        : relay(r), from(std::move(a)), to(std::move(b)), timer(r->io) {}

    void writeNext() {
      if (writing) return;
      if (due.empty()) {
        if (ended && held.empty()) {
          asio::error_code ignored;
          to->shutdown(tcp::socket::shutdown_send, ignored);
        }
        return;
      }
      writing = true;
      auto self = shared_from_this();
      asio::async_write(*to, asio::buffer(due.front()), [self](asio::error_code ec, std::size_t) {
        self->writing = false;
        self->due.pop_front();
        if (!ec) self->writeNext();
      });
    }
    void releaseWhenDue() {
      auto self = shared_from_this();
      timer.expires_at(held.front().at);
      timer.async_wait([self](asio::error_code ec) {
        if (ec) return;
        self->due.push_back(std::move(self->held.front().bytes));
        self->held.pop_front();
        if (!self->held.empty()) self->releaseWhenDue();
        self->writeNext();
      });
    }
    void pump() {
      auto self = shared_from_this();
      from->async_read_some(asio::buffer(chunk), [self](asio::error_code ec, std::size_t n) {
        if (ec) {
          self->ended = true;
          self->writeNext();
          return;
        }
        self->lastDelivery = std::max(self->lastDelivery, Clock::now() + self->relay->delay(false));
        self->held.push_back({self->lastDelivery, std::string(self->chunk.data(), n)});
        if (self->held.size() == 1) self->releaseWhenDue();
        self->pump();
      });
    }
  };

  void accept(tcp::acceptor& acceptor, tcp::endpoint upstream) {
    acceptor.async_accept([this, &acceptor, upstream](asio::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        auto near = std::make_shared<tcp::socket>(std::move(socket));
        auto far = std::make_shared<tcp::socket>(io);
        far->async_connect(upstream, [this, near, far](asio::error_code connectError) {
          if (connectError) {
            asio::error_code ignored;
            near->close(ignored);
            return;
          }
          for (auto [a, b] : {std::pair{near, far}, std::pair{far, near}}) {
            std::make_shared<Pipe>(this, a, b)->pump();
          }
        });
      }
      accept(acceptor, upstream);
    });
  }
};

NetemRelay::NetemRelay(const std::string& listenAddress, const std::string& masterAddress, int port,
                       NetemSettings settings, unsigned seed)
    : impl_(std::make_unique<Impl>(listenAddress, masterAddress, port, settings, seed)) {
  thread_ = std::thread([this] { impl_->io.run(); });
}

NetemRelay::~NetemRelay() {
  impl_->io.stop();
  thread_.join();
}

}  // namespace hw
