#pragma once
// Seconds since 1970-01-01 UTC as ISO 8601 text, whole seconds: "2025-07-07T14:10:05Z".

#include <cmath>
#include <ctime>
#include <string>

namespace magtwin {

inline std::string isoUtcText(double utcS) {
    const std::time_t t = static_cast<std::time_t>(std::floor(utcS));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace magtwin
