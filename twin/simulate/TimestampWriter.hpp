// TimestampWriter: UTC seconds -> a log's timestamp text in its TimestampFormat (the
// inverse of twin/logs/TimestampParser, for simulated logs). Calendar: civil_from_days of
// H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (howardhinnant.github.io/date_algorithms.html), exact for the proleptic Gregorian calendar.
// Milliseconds are written (%f: three digits; ISO 8601 and epoch: .mmm).
#pragma once

#include "twin/logs/LogFormat.hpp"

#include <string>

namespace magtwin {

std::string formatTimestamp(const TimestampFormat& format, double utcSeconds);

}  // namespace magtwin
