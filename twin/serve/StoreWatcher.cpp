#include "twin/serve/StoreWatcher.hpp"

#include <chrono>

namespace magtwin {

StoreWatcher::StoreWatcher(StoreOpener open, int pollMs) : open_(std::move(open)), pollMs_(pollMs) {
    const auto store = open_();
    const std::string revision = storeRevision(*store);
    snapshot_ = std::make_shared<const ServeSnapshot>(readServeSnapshot(*store, revision));
    thread_ = std::thread([this] { poll(); });
}

StoreWatcher::~StoreWatcher() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::shared_ptr<const ServeSnapshot> StoreWatcher::snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return snapshot_;
}

std::string StoreWatcher::lastError() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lastError_;
}

void StoreWatcher::poll() {
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            if (wake_.wait_for(lock, std::chrono::milliseconds(pollMs_), [this] { return stop_; })) return;
        }
        try {
            const auto store = open_();
            const std::string revision = storeRevision(*store);
            if (revision == snapshot()->revision) continue;
            auto next = std::make_shared<const ServeSnapshot>(readServeSnapshot(*store, revision));
            std::lock_guard<std::mutex> lock(mutex_);
            snapshot_ = std::move(next);
            lastError_.clear();
        } catch (const std::exception& e) {  // keep serving the last snapshot; try again next poll
            std::lock_guard<std::mutex> lock(mutex_);
            lastError_ = e.what();
        }
    }
}

}  // namespace magtwin
