// Timestamp formats against Python's datetime (reference values computed with
// datetime.fromisoformat(...).replace(tzinfo=timezone(timedelta(hours=2))).timestamp()).
#include "twin/logs/TimestampParser.hpp"

#include <gtest/gtest.h>

using namespace magtwin;

namespace {
TimestampFormat pattern(const std::string& p, int offset = 7200) {
    TimestampFormat f;
    f.pattern = p;
    f.utcOffsetSeconds = offset;
    return f;
}
// Millisecond stamps near 1.75e9 s: a double resolves 2.4e-7 s, so 1e-6 s is exact enough.
constexpr double kTol = 1e-6;
}  // namespace

TEST(TimestampParser, DaysFromCivilKnownDates) {
    EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(daysFromCivil(2000, 3, 1), 11017);  // 2000-03-01 is day 11017 (POSIX)
    EXPECT_EQ(daysFromCivil(1969, 12, 31), -1);
}

TEST(TimestampParser, EklipseTwelveHourStamp) {
    TimestampParser p(pattern("%b-%d-%Y %I:%M:%S.%f %p"));
    EXPECT_NEAR(*p.parse("Jul-07-2025 03:31:02.806 PM"), 1751895062.806, kTol);
}

TEST(TimestampParser, TwelveHourClockAcrossNoonAndMidnight) {
    TimestampParser p(pattern("%b-%d-%Y %I:%M:%S %p"));
    EXPECT_NEAR(*p.parse("Jul-07-2025 11:59:59 AM"), 1751882399.0, kTol);
    EXPECT_NEAR(*p.parse("Jul-07-2025 12:00:00 PM"), 1751882400.0, kTol);  // noon is 12 PM
    EXPECT_NEAR(*p.parse("Jul-07-2025 11:59:59 PM"), 1751925599.0, kTol);
    EXPECT_NEAR(*p.parse("Jul-08-2025 12:00:00 AM"), 1751925600.0, kTol);  // midnight is 12 AM
    EXPECT_FALSE(p.parse("Jul-08-2025 13:00:00 PM"));
    EXPECT_FALSE(p.parse("Jul-08-2025 00:00:00 AM"));
}

TEST(TimestampParser, TwentyFourHourIsoAndEpoch) {
    EXPECT_NEAR(*TimestampParser(pattern("%d.%m.%Y %H:%M:%S")).parse("29.02.2024 00:30:00"), 1709159400.0, kTol);
    EXPECT_FALSE(TimestampParser(pattern("%d.%m.%Y %H:%M:%S")).parse("29.02.2023 00:30:00"));  // not a leap year
    TimestampFormat iso;
    iso.kind = TimestampFormat::Kind::Iso8601;
    iso.utcOffsetSeconds = 7200;
    EXPECT_NEAR(*TimestampParser(iso).parse("2025-07-07T15:31:02.806"), 1751895062.806, kTol);
    EXPECT_NEAR(*TimestampParser(iso).parse("2025-07-07T13:31:02.806Z"), 1751895062.806, kTol);
    EXPECT_NEAR(*TimestampParser(iso).parse("2025-07-07T14:31:02.806+01:00"), 1751895062.806, kTol);
    TimestampFormat epoch;
    epoch.kind = TimestampFormat::Kind::EpochSeconds;
    EXPECT_NEAR(*TimestampParser(epoch).parse("1751895062.806"), 1751895062.806, kTol);
    EXPECT_FALSE(TimestampParser(epoch).parse("17518x"));
}

TEST(TimestampParser, PatternChecks) {
    EXPECT_EQ(TimestampParser::checkPattern("%b-%d-%Y %I:%M:%S.%f %p"), "");
    EXPECT_NE(TimestampParser::checkPattern("%b-%d-%Y %I:%M:%S"), "");  // %I without %p
    EXPECT_NE(TimestampParser::checkPattern("%H:%M:%S"), "");           // no date
    EXPECT_NE(TimestampParser::checkPattern("%Y-%m-%d %q"), "");        // unknown token
    EXPECT_EQ(*parseUtcOffset("+02:00"), 7200);
    EXPECT_EQ(*parseUtcOffset("-0530"), -19800);
    EXPECT_FALSE(parseUtcOffset("Europe/Copenhagen"));
}
