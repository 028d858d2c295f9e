#include "twin/simulate/TimestampWriter.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace magtwin {

namespace {

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {std::int64_t(yoe) + era * 400 + (m <= 2), m, d};
}

std::string twoDigits(unsigned v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02u", v % 100);
    return b;
}

}  // namespace

std::string formatTimestamp(const TimestampFormat& format, double utcSeconds) {
    if (format.kind == TimestampFormat::Kind::EpochSeconds) {
        char b[40];
        std::snprintf(b, sizeof b, "%.3f", utcSeconds);
        return b;
    }
    const std::int64_t ms = std::llround((utcSeconds + format.utcOffsetSeconds) * 1000.0);
    std::int64_t days = ms / 86400000, rest = ms % 86400000;
    if (rest < 0) rest += 86400000, --days;
    const Civil c = civilFromDays(days);
    const unsigned hour = unsigned(rest / 3600000), minute = unsigned(rest / 60000 % 60),
                   second = unsigned(rest / 1000 % 60);
    char frac[8];
    std::snprintf(frac, sizeof frac, "%03u", unsigned(rest % 1000));
    const std::string year = std::to_string(c.year);
    if (format.kind == TimestampFormat::Kind::Iso8601)
        return year + "-" + twoDigits(c.month) + "-" + twoDigits(c.day) + "T" + twoDigits(hour) + ":" +
               twoDigits(minute) + ":" + twoDigits(second) + "." + frac;
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string out;
    const std::string& p = format.pattern;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] != '%' || i + 1 == p.size()) {
            out += p[i];
            continue;
        }
        switch (p[++i]) {
            case 'Y':
                out += year;
                break;
            case 'm':
                out += twoDigits(c.month);
                break;
            case 'd':
                out += twoDigits(c.day);
                break;
            case 'b':
                out += kMonths[c.month - 1];
                break;
            case 'H':
                out += twoDigits(hour);
                break;
            case 'I':
                out += twoDigits(hour % 12 == 0 ? 12 : hour % 12);
                break;
            case 'p':
                out += hour < 12 ? "AM" : "PM";
                break;
            case 'M':
                out += twoDigits(minute);
                break;
            case 'S':
                out += twoDigits(second);
                break;
            case 'f':
                out += frac;
                break;
            default:
                out += '%', out += p[i];
        }
    }
    return out;
}

}  // namespace magtwin
