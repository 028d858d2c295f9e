#include "twin/replay/ReplaySeries.hpp"

#include "twin/store/SampleBlockCodec.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

ReplaySeries::ReplaySeries(TwinStore& store, std::int64_t toolId) {
    std::vector<LogFileState> files = store.files(toolId);
    std::sort(files.begin(), files.end(),
              [](const LogFileState& a, const LogFileState& b) { return a.firstTime < b.firstTime; });
    std::vector<std::string> keys;
    for (const auto& f : files)
        for (const auto& k : f.channels)
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    for (const auto& k : keys) columns_[k];
    for (const auto& f : files) {
        fileStarts_.push_back(times_.size());
        for (const auto& block : store.sampleBlocks(f.fileId)) {
            const DecodedSamples d = decodeSamples(block.data);
            if (d.channels != f.channels.size())
                throw std::runtime_error("store: a sample block of '" + f.path + "' has " + std::to_string(d.channels) +
                                         " channels, the file record " + std::to_string(f.channels.size()));
            times_.insert(times_.end(), d.times.begin(), d.times.end());
            for (const auto& k : keys) {
                auto& col = columns_[k];
                const auto it = std::find(f.channels.begin(), f.channels.end(), k);
                if (it == f.channels.end()) {
                    col.insert(col.end(), d.rows, std::nan(""));
                    continue;
                }
                const std::size_t c = static_cast<std::size_t>(it - f.channels.begin());
                for (std::size_t r = 0; r < d.rows; ++r) col.push_back(d.values[r * d.channels + c]);
            }
        }
        for (const auto& t : store.textChanges(f.fileId)) text_[t.channel].emplace_back(t.time, t.value);
    }
    if (times_.empty())
        throw std::runtime_error("store: the tool has no stored samples (run `magtwin twin sync` first)");
    for (auto& [key, changes] : text_)
        std::stable_sort(changes.begin(), changes.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
}

const std::vector<double>& ReplaySeries::column(const std::string& key) const {
    const auto it = columns_.find(key);
    if (it == columns_.end())
        throw std::out_of_range("log channel '" + key + "' is not mapped in the tool file's logs: section");
    return it->second;
}

double ReplaySeries::at(const std::string& key, std::size_t row, double fallback) const {
    const auto it = columns_.find(key);
    if (it == columns_.end()) return fallback;
    const double v = it->second[row];
    return std::isfinite(v) ? v : fallback;
}

std::string ReplaySeries::textAt(const std::string& key, double time) const {
    const auto it = text_.find(key);
    if (it == text_.end()) return "";
    const auto& changes = it->second;
    auto after = std::upper_bound(changes.begin(), changes.end(), time,
                                  [](double t, const std::pair<double, std::string>& c) { return t < c.first; });
    if (after == changes.begin()) return "";
    return std::prev(after)->second;
}

std::size_t ReplaySeries::rowAtOrAfter(double t) const {
    return static_cast<std::size_t>(std::lower_bound(times_.begin(), times_.end(), t) - times_.begin());
}

}  // namespace magtwin
