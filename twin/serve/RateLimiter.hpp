// RateLimiter: a per-client token bucket (a client = its remote address). Each client holds
// up to `perSecond` tokens (a one-second burst), refilled at `perSecond` tokens per second;
// a request takes one token or is refused (HTTP 429). Clients not seen for a minute are
// forgotten, so the table stays small under many addresses. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace magtwin {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    explicit RateLimiter(double perSecond) : rate_(perSecond) {}
    /// True when the client `key` may make a request at `now` (and takes its token).
    bool allow(const std::string& key, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens = 0.0;
        Clock::time_point last;
    };
    const double rate_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
    Clock::time_point lastPrune_{};
};

}  // namespace magtwin
