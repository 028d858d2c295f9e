#include "twin/logs/TimestampParser.hpp"

#include <fast_float/fast_float.h>

#include <array>
#include <cctype>

namespace magtwin {

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool digits(int count, int& out) {
        if (i + count > s.size()) return false;
        int v = 0;
        for (int k = 0; k < count; ++k) {
            const char c = s[i + k];
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        i += count;
        out = v;
        return true;
    }
    /// 1..max digits (months and hours are sometimes not zero-padded).
    bool upTo(int max, int& out) {
        int n = 0, v = 0;
        while (n < max && i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0'), ++n;
        out = v;
        return n > 0;
    }
    bool fraction(double& out) {
        double scale = 0.1, v = 0.0;
        std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') v += (s[i++] - '0') * scale, scale *= 0.1;
        out = v;
        return i > start;
    }
    bool literal(char c) {
        if (i < s.size() && s[i] == c) return ++i, true;
        return false;
    }
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool monthName(Cursor& c, int& month) {
    static const std::array<const char*, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    if (c.i + 3 > c.s.size()) return false;
    for (int m = 0; m < 12; ++m)
        if (lower(c.s[c.i]) == names[m][0] && lower(c.s[c.i + 1]) == names[m][1] &&
            lower(c.s[c.i + 2]) == names[m][2]) {
            c.i += 3;
            month = m + 1;
            return true;
        }
    return false;
}

bool validDate(int y, int m, int d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    if (d > days[m - 1]) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

double toUtc(int y, int mo, int d, int h, int mi, double sec, int offsetSeconds) {
    return static_cast<double>(daysFromCivil(y, mo, d)) * 86400.0 + h * 3600.0 + mi * 60.0 + sec - offsetSeconds;
}

}  // namespace

std::optional<int> parseUtcOffset(const std::string& text) {
    if (text == "UTC" || text == "Z" || text == "GMT") return 0;
    Cursor c{text};
    const int sign = c.literal('+') ? 1 : (c.literal('-') ? -1 : 0);
    int h = 0, m = 0;
    if (sign == 0 || !c.digits(2, h)) return std::nullopt;
    c.literal(':');
    if (!c.digits(2, m) || c.i != text.size() || h > 14 || m > 59) return std::nullopt;
    return sign * (h * 3600 + m * 60);
}

TimestampParser::TimestampParser(TimestampFormat format) : format_(std::move(format)) {}

std::string TimestampParser::checkPattern(const std::string& p) {
    bool year = false, month = false, day = false, hour24 = false, hour12 = false, ampm = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] != '%') continue;
        if (i + 1 >= p.size()) return "pattern ends with '%'";
        switch (p[++i]) {
            case 'Y':
                year = true;
                break;
            case 'm':
            case 'b':
                month = true;
                break;
            case 'd':
                day = true;
                break;
            case 'H':
                hour24 = true;
                break;
            case 'I':
                hour12 = true;
                break;
            case 'p':
                ampm = true;
                break;
            case 'M':
            case 'S':
            case 'f':
                break;
            default:
                return std::string("unknown token '%") + p[i] + "' (use %Y %m %b %d %H %I %p %M %S %f)";
        }
    }
    if (!year || !month || !day) return "pattern needs a date (%Y, %m or %b, %d)";
    if (hour12 != ampm) return "a 12-hour clock needs both %I and %p";
    if (hour12 == hour24) return "pattern needs exactly one of %H (24-hour) or %I with %p (12-hour)";
    return "";
}

std::optional<double> TimestampParser::parse(std::string_view text) const {
    while (!text.empty() && (text.front() == ' ' || text.front() == '"')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '"')) text.remove_suffix(1);
    switch (format_.kind) {
        case TimestampFormat::Kind::Pattern:
            return parsePattern(text);
        case TimestampFormat::Kind::Iso8601:
            return parseIso(text);
        case TimestampFormat::Kind::EpochSeconds:
            return parseEpoch(text);
    }
    return std::nullopt;
}

std::optional<double> TimestampParser::parsePattern(std::string_view text) const {
    Cursor c{text};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    double frac = 0.0;
    int pm = -1;  // -1: 24-hour; 0 AM; 1 PM
    const std::string& p = format_.pattern;
    for (std::size_t k = 0; k < p.size(); ++k) {
        if (p[k] != '%') {
            if (!c.literal(p[k])) return std::nullopt;
            continue;
        }
        bool ok = false;
        switch (p[++k]) {
            case 'Y':
                ok = c.digits(4, y);
                break;
            case 'm':
                ok = c.upTo(2, mo);
                break;
            case 'b':
                ok = monthName(c, mo);
                break;
            case 'd':
                ok = c.upTo(2, d);
                break;
            case 'H':
            case 'I':
                ok = c.upTo(2, h);
                break;
            case 'M':
                ok = c.digits(2, mi);
                break;
            case 'S':
                ok = c.digits(2, s);
                break;
            case 'f':
                ok = c.fraction(frac);
                break;
            case 'p':
                if (c.i + 2 <= text.size()) {
                    const char a = lower(text[c.i]), b = lower(text[c.i + 1]);
                    if ((a == 'a' || a == 'p') && b == 'm') pm = a == 'p', c.i += 2, ok = true;
                }
                break;
            default:
                return std::nullopt;
        }
        if (!ok) return std::nullopt;
    }
    if (c.i != text.size() || !validDate(y, mo, d) || mi > 59 || s > 60) return std::nullopt;
    if (pm >= 0) {
        if (h < 1 || h > 12) return std::nullopt;
        h = (h % 12) + (pm == 1 ? 12 : 0);  // 12 AM -> 0 h, 12 PM -> 12 h
    } else if (h > 23) {
        return std::nullopt;
    }
    return toUtc(y, mo, d, h, mi, s + frac, format_.utcOffsetSeconds);
}

std::optional<double> TimestampParser::parseIso(std::string_view text) const {
    Cursor c{text};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    double frac = 0.0;
    if (!c.digits(4, y) || !c.literal('-') || !c.digits(2, mo) || !c.literal('-') || !c.digits(2, d))
        return std::nullopt;
    if (!c.literal('T') && !c.literal(' ')) return std::nullopt;
    if (!c.digits(2, h) || !c.literal(':') || !c.digits(2, mi)) return std::nullopt;
    if (c.literal(':')) {
        if (!c.digits(2, s)) return std::nullopt;
        if ((c.literal('.') || c.literal(',')) && !c.fraction(frac)) return std::nullopt;
    }
    int offset = format_.utcOffsetSeconds;
    if (c.i < text.size()) {
        const auto parsed = parseUtcOffset(std::string(text.substr(c.i)));
        if (!parsed) return std::nullopt;
        offset = *parsed;
        c.i = text.size();
    }
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return toUtc(y, mo, d, h, mi, s + frac, offset);
}

std::optional<double> TimestampParser::parseEpoch(std::string_view text) const {
    double v = 0.0;
    const auto r = fast_float::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
    return v;
}

}  // namespace magtwin
