#include "engine/control/WallScheduler.h"

#include <stdexcept>

namespace hw {
namespace {

constexpr const char* kLocalDateTime = "%a %F %R %Z";  // "Mon 2026-03-30 09:00 CEST"

SysSeconds hostNow() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

WallScheduler::WallScheduler(WallController& wall, WallSchedule schedule, Log log,
                             std::optional<SysSeconds> manualStart)
    : wall_(wall),
      calendar_(std::move(schedule)),
      log_(std::move(log)),
      manual_(manualStart.has_value()),
      manualNow_(manualStart.value_or(SysSeconds{})) {}

WallScheduler::~WallScheduler() { stop(); }

void WallScheduler::start() {
  thread_ = std::thread([this] { run(); });
}

void WallScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

SysSeconds WallScheduler::nowLocked() const { return manual_ ? manualNow_ : hostNow(); }

void WallScheduler::setManualTime(SysSeconds t) {
  if (!manual_) throw std::logic_error("the schedule reads the host's clock, not a manual one");
  {
    std::lock_guard lock(mutex_);
    manualNow_ = t;
    ++clockSets_;
  }
  wake_.notify_all();
}

std::string WallScheduler::whenText(const std::optional<SysSeconds>& at) const {
  return at ? calendar_.localText(*at, kLocalDateTime) : "no change within a week";
}

bool WallScheduler::apply(const ScheduleMoment& moment) {
  try {
    if (!moment.open) {
      log_("schedule: closed until " + whenText(moment.nextChange) + ": blanking the wall");
      wall_.stop();
      wall_.setBlank(true);
    } else {
      const ScheduleSlot& slot = *moment.open->slot;
      log_("schedule: playing " + slot.showGiven + " from its first cue until " +
           whenText(moment.nextChange));
      wall_.load(slot.show);  // stopped at its start: play starts cue 1
      wall_.play();
      wall_.setBlank(false);
    }
    lastFailure_.clear();
    return true;
  } catch (const std::exception& e) {
    std::string failure = e.what();
    if (failure != lastFailure_)
      log_("schedule: the wall refused (" + failure + "); trying again every " +
           std::to_string(kLongestWait.count()) + " s");
    lastFailure_ = failure;
    return false;
  }
}

void WallScheduler::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    SysSeconds now = nowLocked();
    ScheduleMoment moment = calendar_.at(now);
    Wanted wanted;
    if (moment.open) wanted = {true, moment.open->start, moment.open->slot->show};
    bool applied = applied_ == wanted;
    if (!applied) {
      std::uint64_t sets = clockSets_;
      lock.unlock();
      applied = apply(moment);
      lock.lock();
      if (applied) applied_ = wanted;
      if (applied && clockSets_ != sets) continue;  // the clock moved meanwhile
    }
    std::uint64_t sets = clockSets_;
    auto woken = [&] { return stopping_ || clockSets_ != sets; };
    if (manual_ || !applied || !moment.nextChange) {
      wake_.wait_for(lock, kLongestWait, woken);
    } else {
      auto due = std::min(std::chrono::system_clock::time_point(*moment.nextChange),
                          std::chrono::system_clock::now() + kLongestWait);
      wake_.wait_until(lock, due, woken);
    }
  }
}

ScheduleReport WallScheduler::report() const {
  SysSeconds now;
  {
    std::lock_guard lock(mutex_);
    now = nowLocked();
  }
  const WallSchedule& schedule = calendar_.schedule();
  ScheduleMoment moment = calendar_.at(now);
  ScheduleReport r;
  r.file = schedule.file;
  r.timeZone = schedule.timeZone;
  r.now = calendar_.localText(now, "%a %F %T %Z");
  r.manualClock = manual_;
  r.open = moment.open.has_value();
  if (moment.open) r.show = moment.open->slot->showGiven;
  for (const ScheduleInterval& interval : calendar_.dayOf(now))
    r.today.push_back({minuteText(interval.slot->fromMinute), minuteText(interval.slot->toMinute),
                       interval.slot->showGiven, interval.start <= now && now < interval.end});
  if (moment.nextChange)
    r.next = ScheduleNextChange{calendar_.localText(*moment.nextChange, kLocalDateTime),
                                std::chrono::duration<double>(*moment.nextChange - now).count(),
                                moment.nextSlot ? moment.nextSlot->showGiven : ""};
  return r;
}

}  // namespace hw
