#pragma once

#include <httplib.h>

#include <chrono>
#include <string>

#include "engine/control/KeyAttempts.h"

namespace hw {

// What a request's key is worth, wrong keys counted per address (KeyAttempts).
struct KeyCheck {
  enum class Verdict { Granted, Missing, Wrong, Waiting };
  Verdict verdict = Verdict::Missing;
  std::chrono::seconds wait{0};  // Waiting: how long before the address may try again

  bool granted() const { return verdict == Verdict::Granted; }
};

// Checks `given` (the key as sent in `headerName`, empty when absent) against `key`.
KeyCheck checkWallKey(KeyAttempts& attempts, const httplib::Request& req, const std::string& given,
                      const std::string& key);

// The key of "Authorization: Bearer KEY", empty when there is none.
std::string bearerKeyOf(const httplib::Request& req);

// 429 with Retry-After for Waiting, else 401 with a Bearer challenge.
void refuseKey(httplib::Response& res, const KeyCheck& check);

}  // namespace hw
