#include "engine/control/ScheduleReport.h"

namespace hw {

nlohmann::json toJson(const ScheduleReport& r) {
  nlohmann::json today = nlohmann::json::array();
  for (const ScheduleSlotReport& slot : r.today)
    today.push_back({{"from", slot.from}, {"to", slot.to}, {"show", slot.show}, {"now", slot.now}});
  nlohmann::json next = nullptr;
  if (r.next) next = {{"at", r.next->at}, {"inSeconds", r.next->inSeconds}, {"show", r.next->show}};
  return {
      {"file", r.file}, {"timeZone", r.timeZone}, {"now", r.now},   {"manualClock", r.manualClock},
      {"open", r.open}, {"show", r.show},         {"today", today}, {"next", next}};
}

ScheduleReport scheduleReportFromJson(const nlohmann::json& j) {
  ScheduleReport r;
  r.file = j.at("file").get<std::string>();
  r.timeZone = j.at("timeZone").get<std::string>();
  r.now = j.at("now").get<std::string>();
  r.manualClock = j.at("manualClock").get<bool>();
  r.open = j.at("open").get<bool>();
  r.show = j.at("show").get<std::string>();
  for (const nlohmann::json& slot : j.at("today"))
    r.today.push_back({slot.at("from").get<std::string>(), slot.at("to").get<std::string>(),
                       slot.at("show").get<std::string>(), slot.at("now").get<bool>()});
  const nlohmann::json& next = j.at("next");
  if (!next.is_null())
    r.next =
        ScheduleNextChange{next.at("at").get<std::string>(), next.at("inSeconds").get<double>(),
                           next.at("show").get<std::string>()};
  return r;
}

}  // namespace hw
