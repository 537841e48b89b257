#include "engine/net/PendingHellos.h"

#include "config/JsonObjectReader.h"
#include "engine/net/HostClock.h"

namespace hw {

struct PendingHellos::Pending {
  std::shared_ptr<ControlChannel> channel;
  std::string group;  // addressGroup() of the peer
  asio::steady_timer deadline;
};

std::string addressGroup(const asio::ip::address& address) {
  if (address.is_v4()) return address.to_string();
  asio::ip::address_v6 v6 = address.to_v6();
  if (v6.is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_string();
  asio::ip::address_v6::bytes_type bytes = v6.to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return asio::ip::address_v6(bytes).to_string() + "/64";
}

PendingHellos::PendingHellos(asio::io_context& io, HelloLimits limits,
                             std::function<void(const std::string&)> writeLog)
    : io_(io), limits_(limits), writeLog_(std::move(writeLog)), flushTimer_(io) {}

PendingHellos::~PendingHellos() = default;

void PendingHellos::admit(asio::ip::tcp::socket socket, HelloHandler onHello) {
  auto channel = std::make_shared<ControlChannel>(std::move(socket));
  std::string group = addressGroup(channel->peerAddress());
  int& fromGroup = perAddress_[group];
  std::string over;
  if (static_cast<int>(pending_.size()) >= limits_.maxPending)
    over = std::to_string(pending_.size()) + " connections already wait for their hello (the most)";
  else if (fromGroup >= limits_.maxPendingPerAddress)
    over = std::to_string(fromGroup) + " connections from " + group +
           " already wait for their hello (the most from one address)";
  if (!over.empty()) {
    if (fromGroup == 0) perAddress_.erase(group);
    // No "refused" message: a node that gets one gives up, and it should retry.
    channel->close(over);
    logRefusal("refused " + channel->peer() + ": " + over);
    return;
  }
  ++fromGroup;
  ControlChannel* key = channel.get();
  auto& pending = pending_[key] =
      std::make_unique<Pending>(Pending{channel, group, asio::steady_timer(io_)});
  channel->setMaxIncomingBytes(limits_.maxBytes);
  pending->deadline.expires_after(std::chrono::duration_cast<asio::steady_timer::duration>(
      std::chrono::duration<double>(limits_.deadlineSeconds)));
  pending->deadline.async_wait([this, key](asio::error_code ec) {
    auto it = pending_.find(key);
    if (ec || it == pending_.end()) return;
    std::shared_ptr<ControlChannel> late = it->second->channel;
    release(key);
    std::string why = "no hello within " + formatJsonNumber(limits_.deadlineSeconds) + " s";
    logRefusal("refused " + late->peer() + ": " + why);
    late->close(why);
  });
  std::weak_ptr<ControlChannel> weak = channel;
  channel->start(
      [this, key, weak, onHello = std::move(onHello)](const nlohmann::json& message) {
        release(key);
        if (auto c = weak.lock()) onHello(c, message);
      },
      [this, key, weak](const std::string& why) {
        // Only a connection still waiting: later ones are the hello handler's.
        if (!pending_.count(key)) return;
        release(key);
        auto c = weak.lock();
        // A peer going away, or its connection failing, is no refusal.
        if (c && c->closedForBadMessage()) logRefusal("refused " + c->peer() + ": " + why);
      });
}

void PendingHellos::release(ControlChannel* channel) {
  auto it = pending_.find(channel);
  if (it == pending_.end()) return;
  if (--perAddress_[it->second->group] <= 0) perAddress_.erase(it->second->group);
  pending_.erase(it);
}

void PendingHellos::logRefusal(const std::string& line) {
  for (const std::string& written : refusals_.refuse(line, monotonicSeconds())) writeLog_(written);
  armFlush();
}

void PendingHellos::armFlush() {
  std::optional<double> due = refusals_.flushDue();
  if (!due) return;
  flushTimer_.expires_after(std::chrono::duration_cast<asio::steady_timer::duration>(
      std::chrono::duration<double>(*due - monotonicSeconds())));
  flushTimer_.async_wait([this](asio::error_code ec) {
    if (ec) return;
    if (auto told = refusals_.flush(monotonicSeconds())) writeLog_(*told);
    armFlush();
  });
}

}  // namespace hw
