// Json: the one way magtwin writes JSON text (every summary.json, report.json, compare.json,
// design.json and every --json print goes through these two functions).
//
//  - jsonNumber(v): the shortest decimal that reads back to exactly v (printf "%.15g",
//    "%.16g" or "%.17g", whichever is first to round-trip through strtod; 17 significant
//    digits always suffice for an IEEE 754 double: D. W. Matula, Proc. AMS 19 (1968) 716;
//    IEEE 754-2008 section 5.12.2). So at least 15 significant digits are kept and a reader
//    gets the double that was computed. JSON has no NaN or infinity (RFC 8259 section 6):
//    a non-finite value is written as null.
//  - jsonString(s): a string literal per RFC 8259 section 7: '"' and '\' escaped, the
//    control characters U+0000..U+001F written as \b \f \n \r \t or \u00XX, valid UTF-8
//    passed through unchanged (RFC 3629), and each byte that is not part of a valid UTF-8
//    sequence (a file name in another encoding) written as U+FFFD, so the text is always
//    valid JSON (RFC 8259 section 8.1: JSON text is UTF-8).
// Standard library only (its own library, magtwin_json): any layer (boundary, solvers, twin,
// postprocessing, cli) can use it. Numbers in human-readable text: util/TextNumber.hpp.
#pragma once

#include <string>
#include <string_view>

namespace magtwin {

/// `v` as a JSON number that reads back exactly; "null" when not finite.
std::string jsonNumber(double v);

/// `s` as a JSON string literal, quotes included.
std::string jsonString(std::string_view s);

/// "true" / "false".
inline const char* jsonBool(bool b) { return b ? "true" : "false"; }

}  // namespace magtwin
