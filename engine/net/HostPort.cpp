#include "engine/net/HostPort.h"

#include "config/InputError.h"

namespace hw {

HostPort parseHostPort(const std::string& text, int defaultPort, const std::string& option) {
  HostPort result{text, defaultPort};
  bool hasPort = false;
  std::string portText;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string::npos) throw InputError(option, "", "unclosed [ in \"" + text + "\"");
    result.host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':')
        throw InputError(option, "", "expected :PORT after ] in \"" + text + "\"");
      hasPort = true;
      portText = text.substr(close + 2);
    }
  } else if (auto colon = text.rfind(':'); colon != std::string::npos && text.find(':') == colon) {
    result.host = text.substr(0, colon);
    hasPort = true;
    portText = text.substr(colon + 1);
  }
  if (result.host.empty()) throw InputError(option, "", "no host in \"" + text + "\"");
  if (hasPort) {
    bool digits = !portText.empty() && portText.size() <= 5 &&
                  portText.find_first_not_of("0123456789") == std::string::npos;
    int port = digits ? std::stoi(portText) : 0;
    if (port < 1 || port > 65535)
      throw InputError(option, "", "port must be 1..65535 (got \"" + portText + "\")");
    result.port = port;
  }
  return result;
}

}  // namespace hw
