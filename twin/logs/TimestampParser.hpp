// TimestampParser: log timestamps -> seconds since 1970-01-01 UTC (double), without
// locale, streams or strtod: a hand-written scanner per TimestampFormat (see LogFormat.hpp).
// Calendar arithmetic: days_from_civil of H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms" (howardhinnant.github.io/date_algorithms.html), exact for the proleptic
// Gregorian calendar.
#pragma once

#include "twin/logs/LogFormat.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace magtwin {

/// Days since 1970-01-01 of a Gregorian date (month 1..12).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);

class TimestampParser {
public:
    explicit TimestampParser(TimestampFormat format);
    /// UTC seconds, or nullopt when `text` does not match the format (the caller reports it).
    std::optional<double> parse(std::string_view text) const;
    /// Checks the pattern itself; "" when valid, else what is wrong.
    static std::string checkPattern(const std::string& pattern);

private:
    std::optional<double> parsePattern(std::string_view text) const;
    std::optional<double> parseIso(std::string_view text) const;
    std::optional<double> parseEpoch(std::string_view text) const;
    TimestampFormat format_;
};

/// "+02:00", "-0530", "UTC", "Z" -> offset seconds; nullopt otherwise.
std::optional<int> parseUtcOffset(const std::string& text);

}  // namespace magtwin
