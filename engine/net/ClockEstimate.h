#pragma once

namespace hw {

// The node's best idea of the master clock as a line through local time:
// master = local + offset + rate * (local - referenceLocal).
struct ClockEstimate {
  bool synced = false;        // true once enough good exchanges were fitted
  double offset = 0;          // s, master minus local at referenceLocal
  double rate = 0;            // master seconds per local second minus 1 (1e-4 = 100 ppm)
  double referenceLocal = 0;  // s, local time the offset is stated at
  double roundTrip = 0;       // s, lowest round trip in the window
  int samples = 0;            // exchanges in the window
  int fitted = 0;             // exchanges the line was fitted to

  double toMaster(double local) const { return local + offset + rate * (local - referenceLocal); }
  double toLocal(double master) const {
    return (master - offset + rate * referenceLocal) / (1 + rate);
  }
};

}  // namespace hw
