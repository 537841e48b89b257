#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace hw::test {

// A bad input and the exact one-line error it must produce. Fixtures live as
// NAME.EXT beside NAME.err; the .err text names the file relative to its folder.
struct BadInputCase {
  std::string name;      // file name without the folder
  std::string path;      // full path to hand to the parser
  std::string expected;  // the exact error, with the folder prefixed like the real one
};

inline std::vector<BadInputCase> badInputCases(const std::string& folder) {
  std::vector<BadInputCase> cases;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".err") continue;
    std::filesystem::path errFile = entry.path();
    errFile.replace_extension(".err");
    std::ifstream in(errFile);
    std::string expected;
    std::getline(in, expected);
    cases.push_back({entry.path().filename().string(), entry.path().string(),
                     folder + "/" + expected});
  }
  std::sort(cases.begin(), cases.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return cases;
}

}  // namespace hw::test
