#include "hwshow/NaturalSort.h"

#include <algorithm>
#include <cctype>

namespace hw {
namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

char folded(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// <0, 0, >0 like strcmp; digit runs compare by value, then by their zeros.
int naturalCompare(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  int zerosTieBreak = 0;
  while (i < a.size() && j < b.size()) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      std::size_t zi = i, zj = j;
      while (zi < a.size() && a[zi] == '0') ++zi;
      while (zj < b.size() && b[zj] == '0') ++zj;
      std::size_t ei = zi, ej = zj;
      while (ei < a.size() && isDigit(a[ei])) ++ei;
      while (ej < b.size() && isDigit(b[ej])) ++ej;
      std::string_view da = a.substr(zi, ei - zi), db = b.substr(zj, ej - zj);
      if (da.size() != db.size()) return da.size() < db.size() ? -1 : 1;
      if (int c = da.compare(db); c != 0) return c;
      if (zerosTieBreak == 0 && (zi - i) != (zj - j)) zerosTieBreak = (zi - i) < (zj - j) ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    char ca = folded(a[i]), cb = folded(b[j]);
    if (ca != cb) return ca < cb ? -1 : 1;
    ++i;
    ++j;
  }
  if (i < a.size() || j < b.size()) return i < a.size() ? 1 : -1;
  if (zerosTieBreak != 0) return zerosTieBreak;
  return a.compare(b);
}

}  // namespace

bool naturalLess(std::string_view a, std::string_view b) { return naturalCompare(a, b) < 0; }

void sortNaturally(std::vector<std::string>& names) {
  std::stable_sort(names.begin(), names.end(),
                   [](const std::string& a, const std::string& b) { return naturalLess(a, b); });
}

}  // namespace hw
