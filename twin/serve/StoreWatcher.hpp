// StoreWatcher: reads the store of `twin serve` and keeps the newest ServeSnapshot.
// One thread reads the store: every poll interval it opens it (read-only), asks for its
// revision (storeRevision) and, when that changed (a `twin follow` commit, a replay, a
// calibration), rebuilds the snapshot from the same opening; request threads only copy a
// shared pointer to the finished snapshot, so a slow rebuild never blocks a request and the
// store sees one reader. SQLite is opened afresh per poll, which sees every commit made since
// (a connection whose cached statements stay open would keep reading its old snapshot);
// PostgreSQL keeps its connection (each read its own transaction) until an error.
// A rebuild that fails (the store busy past its timeout) keeps the previous snapshot and is
// tried again at the next poll; lastError() tells what went wrong.
#pragma once

#include "twin/serve/ServeSnapshot.hpp"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace magtwin {

class StoreWatcher {
public:
    using StoreOpener = std::function<std::unique_ptr<TwinStore>()>;
    /// Reads the first snapshot at once (errors propagate: a store that cannot be opened or
    /// read is a start-up error) and starts polling every `pollMs` milliseconds.
    /// `reopenEachPoll`: a fresh opening per poll (SQLite); false keeps one opening while it
    /// works (PostgreSQL: each read is its own transaction and sees every commit, and a
    /// connection per poll would load the server), reopened after an error.
    StoreWatcher(StoreOpener open, int pollMs, bool reopenEachPoll = true);
    ~StoreWatcher();
    StoreWatcher(const StoreWatcher&) = delete;
    StoreWatcher& operator=(const StoreWatcher&) = delete;

    std::shared_ptr<const ServeSnapshot> snapshot() const;
    std::string lastError() const;

private:
    void poll();

    StoreOpener open_;
    const bool reopenEachPoll_;
    std::unique_ptr<TwinStore> kept_;  ///< the opening kept between polls (!reopenEachPoll_)
    const int pollMs_;
    mutable std::mutex mutex_;
    std::shared_ptr<const ServeSnapshot> snapshot_;
    std::string lastError_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace magtwin
