#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace hw {

// How `hyperwall fetch` talks to the SVS site (or a mirror of it).
struct FetchSettings {
  std::string baseUrl = "https://svs.gsfc.nasa.gov";   // replaces this prefix for the API and media
  std::filesystem::path cacheRoot;                     // LocalMirror root the files land in
  int parallel = 4;                                    // transfers at once
  int attempts = 5;                                    // tries per file before it counts as missing
  std::chrono::milliseconds firstRetryDelay{500};      // ms before the 2nd try; doubles per try
  std::chrono::milliseconds longestRetryDelay{8000};   // ms, the doubling stops here
  std::chrono::seconds connectTimeout{10};             // s to open a connection
  std::chrono::seconds stallTimeout{30};               // s without a byte before a try is abandoned
  std::uint64_t largestFile = std::uint64_t{4} << 30;  // bytes; larger files are refused
};

}  // namespace hw
