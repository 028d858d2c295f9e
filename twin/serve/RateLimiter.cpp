#include "twin/serve/RateLimiter.hpp"

#include <algorithm>

namespace magtwin {

bool RateLimiter::allow(const std::string& key, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (now - lastPrune_ > std::chrono::seconds(60)) {
        for (auto it = buckets_.begin(); it != buckets_.end();)
            it = now - it->second.last > std::chrono::seconds(60) ? buckets_.erase(it) : std::next(it);
        lastPrune_ = now;
    }
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{rate_, now});
    Bucket& b = it->second;
    if (!fresh) {
        const double dt = std::chrono::duration<double>(now - b.last).count();
        b.tokens = std::min(rate_, b.tokens + dt * rate_);
        b.last = now;
    }
    if (b.tokens < 1.0) return false;
    b.tokens -= 1.0;
    return true;
}

}  // namespace magtwin
