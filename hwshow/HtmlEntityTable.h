#pragma once

#include <string_view>

namespace hw {

// The code point of a named HTML character reference ("rsquo" -> U+2019),
// or 0 when the name is not one hyperwall knows. Names are case-sensitive.
char32_t htmlEntityCodePoint(std::string_view name);

}  // namespace hw
