#pragma once

namespace hw {

// The two host clocks the network layer reads, in seconds.
// Monotonic never steps (it may be slewed by NTP) and is shared by every
// process of one machine; realtime is the wall clock PTP/chrony discipline.
double monotonicSeconds();
double realtimeSeconds();

}  // namespace hw
