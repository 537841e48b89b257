#include "hwshow/HtmlEntityTable.h"

#include <unordered_map>

namespace hw {

// The HTML 4 set (what editors and CMSs emit) minus the rarely seen maths
// symbols; anything else still arrives as a numeric reference.
char32_t htmlEntityCodePoint(std::string_view name) {
  // One line per family reads better than one entity per line.
  // clang-format off
  static const std::unordered_map<std::string_view, char32_t> table = {
      // markup and spacing
      {"amp", 0x26}, {"lt", 0x3C}, {"gt", 0x3E}, {"quot", 0x22}, {"apos", 0x27}, {"nbsp", 0xA0},
      {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D},
      {"lrm", 0x200E}, {"rlm", 0x200F}, {"shy", 0xAD},
      // punctuation
      {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C},
      {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"lsaquo", 0x2039},
      {"rsaquo", 0x203A}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026},
      {"bull", 0x2022}, {"middot", 0xB7}, {"prime", 0x2032}, {"Prime", 0x2033}, {"dagger", 0x2020},
      {"Dagger", 0x2021}, {"permil", 0x2030}, {"iexcl", 0xA1}, {"iquest", 0xBF}, {"sect", 0xA7},
      {"para", 0xB6}, {"brvbar", 0xA6}, {"uml", 0xA8}, {"acute", 0xB4}, {"cedil", 0xB8},
      {"macr", 0xAF}, {"circ", 0x2C6}, {"tilde", 0x2DC}, {"oline", 0x203E}, {"frasl", 0x2044},
      // signs and currency
      {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0}, {"plusmn", 0xB1},
      {"times", 0xD7}, {"divide", 0xF7}, {"micro", 0xB5}, {"not", 0xAC}, {"ordf", 0xAA},
      {"ordm", 0xBA}, {"cent", 0xA2}, {"pound", 0xA3}, {"euro", 0x20AC}, {"yen", 0xA5},
      {"curren", 0xA4}, {"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3}, {"frac14", 0xBC},
      {"frac12", 0xBD}, {"frac34", 0xBE},
      // maths and arrows common in science captions
      {"minus", 0x2212}, {"le", 0x2264}, {"ge", 0x2265}, {"ne", 0x2260}, {"asymp", 0x2248},
      {"equiv", 0x2261}, {"infin", 0x221E}, {"sum", 0x2211}, {"radic", 0x221A}, {"part", 0x2202},
      {"nabla", 0x2207}, {"isin", 0x2208}, {"prop", 0x221D}, {"larr", 0x2190}, {"uarr", 0x2191},
      {"rarr", 0x2192}, {"darr", 0x2193}, {"harr", 0x2194}, {"rArr", 0x21D2}, {"lArr", 0x21D0},
      {"hArr", 0x21D4},
      // Greek
      {"Alpha", 0x391}, {"Beta", 0x392}, {"Gamma", 0x393}, {"Delta", 0x394}, {"Theta", 0x398},
      {"Lambda", 0x39B}, {"Pi", 0x3A0}, {"Sigma", 0x3A3}, {"Phi", 0x3A6}, {"Psi", 0x3A8},
      {"Omega", 0x3A9}, {"alpha", 0x3B1}, {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4},
      {"epsilon", 0x3B5}, {"zeta", 0x3B6}, {"eta", 0x3B7}, {"theta", 0x3B8}, {"iota", 0x3B9},
      {"kappa", 0x3BA}, {"lambda", 0x3BB}, {"mu", 0x3BC}, {"nu", 0x3BD}, {"xi", 0x3BE},
      {"pi", 0x3C0}, {"rho", 0x3C1}, {"sigma", 0x3C3}, {"tau", 0x3C4}, {"upsilon", 0x3C5},
      {"phi", 0x3C6}, {"chi", 0x3C7}, {"psi", 0x3C8}, {"omega", 0x3C9},
      // Latin-1 letters
      {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Atilde", 0xC3}, {"Auml", 0xC4},
      {"Aring", 0xC5}, {"AElig", 0xC6}, {"Ccedil", 0xC7}, {"Egrave", 0xC8}, {"Eacute", 0xC9},
      {"Ecirc", 0xCA}, {"Euml", 0xCB}, {"Igrave", 0xCC}, {"Iacute", 0xCD}, {"Icirc", 0xCE},
      {"Iuml", 0xCF}, {"ETH", 0xD0}, {"Ntilde", 0xD1}, {"Ograve", 0xD2}, {"Oacute", 0xD3},
      {"Ocirc", 0xD4}, {"Otilde", 0xD5}, {"Ouml", 0xD6}, {"Oslash", 0xD8}, {"Ugrave", 0xD9},
      {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Uuml", 0xDC}, {"Yacute", 0xDD}, {"THORN", 0xDE},
      {"szlig", 0xDF}, {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2}, {"atilde", 0xE3},
      {"auml", 0xE4}, {"aring", 0xE5}, {"aelig", 0xE6}, {"ccedil", 0xE7}, {"egrave", 0xE8},
      {"eacute", 0xE9}, {"ecirc", 0xEA}, {"euml", 0xEB}, {"igrave", 0xEC}, {"iacute", 0xED},
      {"icirc", 0xEE}, {"iuml", 0xEF}, {"eth", 0xF0}, {"ntilde", 0xF1}, {"ograve", 0xF2},
      {"oacute", 0xF3}, {"ocirc", 0xF4}, {"otilde", 0xF5}, {"ouml", 0xF6}, {"oslash", 0xF8},
      {"ugrave", 0xF9}, {"uacute", 0xFA}, {"ucirc", 0xFB}, {"uuml", 0xFC}, {"yacute", 0xFD},
      {"thorn", 0xFE}, {"yuml", 0xFF}, {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160},
      {"scaron", 0x161}, {"Yuml", 0x178}, {"fnof", 0x192},
  };
  // clang-format on
  auto it = table.find(name);
  return it == table.end() ? 0 : it->second;
}

}  // namespace hw
