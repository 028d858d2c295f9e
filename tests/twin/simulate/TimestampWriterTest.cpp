// The log simulator's timestamp writer (twin/simulate/TimestampWriter) against Python's datetime.strftime
// (reference strings computed with CPython 3's datetime, fixed offsets) and as the exact
// inverse of the log reader's TimestampParser (to the millisecond the writer prints).
#include "twin/logs/TimestampParser.hpp"
#include "twin/simulate/TimestampWriter.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {

TimestampFormat pattern(const std::string& p, int offsetS) {
    TimestampFormat f;
    f.kind = TimestampFormat::Kind::Pattern;
    f.pattern = p;
    f.utcOffsetSeconds = offsetS;
    return f;
}

}  // namespace

TEST(TimestampWriter, MatchesPythonStrftime) {
    // datetime.fromtimestamp(1772427600.25, timezone(timedelta(hours=1))).strftime(...)
    EXPECT_EQ(formatTimestamp(pattern("%d.%m.%Y %H:%M:%S.%f", 3600), 1772427600.25), "02.03.2026 06:00:00.250");
    // the DTU export's 12-hour stamps, +02:00
    EXPECT_EQ(formatTimestamp(pattern("%b-%d-%Y %I:%M:%S.%f %p", 7200), 1751894462.806), "Jul-07-2025 03:21:02.806 PM");
    TimestampFormat iso;
    iso.kind = TimestampFormat::Kind::Iso8601;
    EXPECT_EQ(formatTimestamp(iso, 951782400 + 43200 - 0.5), "2000-02-29T11:59:59.500");  // leap day, before noon
    TimestampFormat epoch;
    epoch.kind = TimestampFormat::Kind::EpochSeconds;
    EXPECT_EQ(formatTimestamp(epoch, 1772427600.125), "1772427600.125");
}

TEST(TimestampWriter, IsTheInverseOfTheParser) {
    // Across noon and midnight on the 12-hour clock, a year end and a leap day; times on
    // whole milliseconds (what the writer prints), compared to 1e-6 s (double rounding).
    const std::vector<TimestampFormat> formats = {pattern("%b-%d-%Y %I:%M:%S.%f %p", 7200),
                                                  pattern("%d.%m.%Y %H:%M:%S.%f", -18000),
                                                  pattern("%Y-%m-%d %H:%M:%S.%f", 0)};
    for (const auto& f : formats) {
        const TimestampParser parser(f);
        for (double t0 : {1751889600.0 /* 2025-07-07 12:00 UTC */, 1767225600.0 /* 2026-01-01 */, 951782400.0})
            for (int k = -7300; k <= 7300; k += 73) {
                const double t = t0 + k * 1.237;
                const double ms = std::round(t * 1000) / 1000;
                const auto back = parser.parse(formatTimestamp(f, t));
                ASSERT_TRUE(back) << formatTimestamp(f, t);
                EXPECT_NEAR(*back, ms, 1e-6) << formatTimestamp(f, t);
            }
    }
}
