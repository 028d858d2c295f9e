// StoreText: small text encodings the store back ends share (channel lists as lines).
#pragma once

#include <string>
#include <vector>

namespace magtwin {

std::string joinLines(const std::vector<std::string>& items);
std::vector<std::string> splitLines(const std::string& text);

}  // namespace magtwin
