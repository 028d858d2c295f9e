// TextNumber: a number in human-readable text (progress lines, messages, tables printed to
// the terminal) with a chosen number of significant digits. Not for JSON: JSON numbers are
// written at full precision by util/Json.hpp.
#pragma once

#include <cstdio>
#include <string>

namespace magtwin {

/// `v` with `significantDigits` significant digits ("%.*g"; "nan" / "inf" when not finite).
inline std::string textNumber(double v, int significantDigits) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", significantDigits, v);
    return buf;
}

}  // namespace magtwin
