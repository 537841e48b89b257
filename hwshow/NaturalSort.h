#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hw {

// Orders names the way people number files: "img2" before "img10", case
// ignored, numbers compared by value ("img007" == "img7" sorts by the fewer
// zeros first so the order stays total).
bool naturalLess(std::string_view a, std::string_view b);

void sortNaturally(std::vector<std::string>& names);

}  // namespace hw
