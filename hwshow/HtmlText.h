#pragma once

#include <string>

namespace hw {

// Replaces HTML character references with UTF-8: numeric (&#8217; &#x2019;)
// and the named ones SVS pages use (&amp; &nbsp; &rsquo; &mdash; ...).
// Unknown names are kept as written; invalid code points become U+FFFD.
std::string decodeHtmlEntities(const std::string& text);

// Text from a web page as plain text: tags dropped (<br> and block tags
// become line breaks), entities decoded, \r\n and \r turned into \n, runs of
// blank lines collapsed to one, and the ends trimmed.
std::string htmlToText(const std::string& html);

}  // namespace hw
