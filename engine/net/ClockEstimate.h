#pragma once

namespace hw {

// The node's best idea of the master clock as a line through local time:
// master = local + offset + rate * (local - referenceLocal).
struct ClockEstimate {
  bool synced = false;        // true once the estimate is good enough to present by
  double offset = 0;          // s, master minus local at referenceLocal
  double rate = 0;            // master seconds per local second minus 1 (1e-4 = 100 ppm)
  double referenceLocal = 0;  // s, local time the offset is stated at
  double roundTrip = 0;       // s, lowest round trip in the window
  int samples = 0;            // exchanges in the window
  int fitted = 0;             // exchanges the line was fitted to
  double error = 0;           // s, one standard error of toMaster at the latest exchange
  double rateError = 0;       // standard error of the fitted rate before shrinking (1e-6 = 1 ppm)

  double toMaster(double local) const { return local + offset + rate * (local - referenceLocal); }
  double toLocal(double master) const {
    return (master - offset + rate * referenceLocal) / (1 + rate);
  }
};

}  // namespace hw
