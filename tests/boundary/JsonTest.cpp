// The one JSON writer (util/Json.hpp):
//  - numbers read back to exactly the double written (strtod round trip, the property that
//    defines the format), over values across the whole exponent range and awkward ones
//    (0.1, 1/3, subnormals, the largest double); non-finite values are null (RFC 8259 s. 6);
//  - strings follow RFC 8259 s. 7: the escapes of '"', '\' and every control character
//    U+0000..U+001F are checked one by one; valid UTF-8 (2-, 3- and 4-byte forms) passes
//    through unchanged; invalid bytes (overlong forms, surrogates, stray continuation bytes,
//    a truncated sequence) become \ufffd, so the output is always valid UTF-8 (RFC 3629).
#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

using namespace magtwin;

namespace {

double readBack(const std::string& s) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    EXPECT_EQ(*end, '\0') << s;
    return v;
}

}  // namespace

TEST(Json, NumbersReadBackExactly) {
    const double special[] = {0.0,
                              -0.0,
                              1.0,
                              -1.0,
                              0.1,
                              1.0 / 3.0,
                              2.0 / 3.0,
                              1e-300,
                              1e300,
                              123456789.123456789,
                              std::numeric_limits<double>::max(),
                              std::numeric_limits<double>::min(),
                              std::numeric_limits<double>::denorm_min(),
                              std::numeric_limits<double>::epsilon(),
                              7174.123456789012,
                              8697.0000000001};
    for (double v : special) EXPECT_EQ(readBack(jsonNumber(v)), v) << jsonNumber(v);
    std::mt19937_64 rng(18);
    std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
    std::uniform_int_distribution<int> exponent(-300, 300);
    for (int i = 0; i < 20000; ++i) {
        const double v = std::ldexp(mantissa(rng), exponent(rng));
        ASSERT_EQ(readBack(jsonNumber(v)), v) << jsonNumber(v);
    }
}

TEST(Json, NumbersKeepAtLeastFifteenDigitsAndAreShortWhenExact) {
    EXPECT_EQ(jsonNumber(0.1), "0.1");
    EXPECT_EQ(jsonNumber(7174.0), "7174");
    EXPECT_EQ(jsonNumber(-2.5e-7), "-2.5e-07");
    EXPECT_EQ(jsonNumber(1.0 / 3.0), "0.3333333333333333");   // 16 digits round-trip
    EXPECT_EQ(jsonNumber(0.1 + 0.2), "0.30000000000000004");  // needs all 17
}

TEST(Json, NonFiniteNumbersAreNull) {
    EXPECT_EQ(jsonNumber(std::nan("")), "null");
    EXPECT_EQ(jsonNumber(std::numeric_limits<double>::infinity()), "null");
    EXPECT_EQ(jsonNumber(-std::numeric_limits<double>::infinity()), "null");
}

TEST(Json, StringsEscapeQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(jsonString(""), "\"\"");
    EXPECT_EQ(jsonString("out \"q\" \\b"), "\"out \\\"q\\\" \\\\b\"");
    EXPECT_EQ(jsonString("/"), "\"/\"");  // solidus needs no escape
    EXPECT_EQ(jsonString("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
    const char* hex = "0123456789abcdef";
    for (int c = 0; c < 0x20; ++c) {
        const std::string out = jsonString(std::string(1, char(c)));
        if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
            EXPECT_EQ(out.size(), 4u) << c;
        } else {
            EXPECT_EQ(out, std::string("\"\\u00") + hex[c >> 4] + hex[c & 15] + "\"") << c;
        }
    }
    EXPECT_EQ(jsonString(std::string("a\0b", 3)), "\"a\\u0000b\"");
    EXPECT_EQ(jsonString("\x7f"), "\"\x7f\"");  // DEL is not a control character for JSON
}

TEST(Json, ValidUtf8PassesThroughUnchanged) {
    const std::string text = "\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xe4\xb8\xad \xef\xbf\xbd";  // é € 😀 中 U+FFFD
    EXPECT_EQ(jsonString(text), "\"" + text + "\"");
    EXPECT_EQ(jsonString("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\"");  // U+10FFFF, the largest code point
}

TEST(Json, InvalidUtf8BecomesTheReplacementCharacter) {
    EXPECT_EQ(jsonString("a\xff"
                         "b"),
              "\"a\\ufffdb\"");                                                     // never valid in UTF-8
    EXPECT_EQ(jsonString("\x80"), "\"\\ufffd\"");                                   // stray continuation byte
    EXPECT_EQ(jsonString("\xc0\xaf"), "\"\\ufffd\\ufffd\"");                        // overlong '/'
    EXPECT_EQ(jsonString("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");             // surrogate U+D800
    EXPECT_EQ(jsonString("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");  // above U+10FFFF
    EXPECT_EQ(jsonString("\xe2\x82"), "\"\\ufffd\\ufffd\"");                        // truncated at the end
    EXPECT_EQ(jsonString("\xc3"
                         "A"),
              "\"\\ufffdA\"");                                  // lead byte without its continuation
    EXPECT_EQ(jsonString("\xe9t\xe9"), "\"\\ufffdt\\ufffd\"");  // Latin-1 "été" minus the first byte
}

TEST(TextNumber, SignificantDigitsForPrintedText) {
    EXPECT_EQ(textNumber(7174.123, 5), "7174.1");
    EXPECT_EQ(textNumber(0.000123456, 3), "0.000123");
}
