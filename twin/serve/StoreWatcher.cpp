#include "twin/serve/StoreWatcher.hpp"

#include <chrono>

namespace magtwin {

StoreWatcher::StoreWatcher(StoreOpener open, int pollMs, bool reopenEachPoll)
    : open_(std::move(open)), pollMs_(pollMs), reopenEachPoll_(reopenEachPoll) {
    auto store = open_();
    const std::string revision = storeRevision(*store);
    snapshot_ = std::make_shared<const ServeSnapshot>(readServeSnapshot(*store, revision));
    if (!reopenEachPoll_) kept_ = std::move(store);
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
            std::unique_ptr<TwinStore> fresh = reopenEachPoll_ || !kept_ ? open_() : nullptr;
            TwinStore& store = fresh ? *fresh : *kept_;
            const std::string revision = storeRevision(store);
            auto next = revision == snapshot()->revision
                            ? nullptr
                            : std::make_shared<const ServeSnapshot>(readServeSnapshot(store, revision));
            if (!reopenEachPoll_ && fresh) kept_ = std::move(fresh);
            if (!next) continue;
            std::lock_guard<std::mutex> lock(mutex_);
            snapshot_ = std::move(next);
            lastError_.clear();
        } catch (const std::exception& e) {  // keep serving the last snapshot; reopen and try again next poll
            kept_.reset();
            std::lock_guard<std::mutex> lock(mutex_);
            lastError_ = e.what();
        }
    }
}

}  // namespace magtwin
