#pragma once

namespace hw {

// The wire protocol of docs/protocol.md. Bump on any incompatible change:
// master and node refuse each other, with a message on both sides, when
// their versions differ.
// 2: the master may send "show" (another show loaded while running).
// 3: a pending command in the show state may be "seek", with its "position".
// 4: the master may send "capture" (the picture on a display at an instant).
// 5: a cue may carry per-display movies ("display_movies") and "skip" (not ready yet).
// 6: the master may send "identify"; node_status carries host, version, uptime_s, identifying.
constexpr int kProtocolVersion = 6;

// One port number serves the wall: TCP control and UDP clock share it, HTTP
// assets use the next one.
constexpr int kDefaultPort = 7400;
constexpr int kAssetPortOffset = 1;
// `hyperwall master --http-port` by default: control API, web remote, assets.
constexpr int kDefaultHttpPort = 8700;

}  // namespace hw
