// ReplaySeries: a tool's stored log as columns, read back through the store interface
// (TwinStore: sample blocks and text changes; no SQL). Numeric channels are in SI as the
// sync stored them (LogFormat: power W, voltage V, rate m/s, density kg/m^3, tooling as a
// fraction, usage counter J); text channels (target IDs, materials) are the value set at a
// line, looked up by time.
#pragma once

#include "twin/store/TwinStore.hpp"

#include <map>
#include <string>
#include <vector>

namespace magtwin {

class ReplaySeries {
public:
    /// Every file of `toolId`, concatenated in time order. Throws std::runtime_error when
    /// the tool has no samples.
    ReplaySeries(TwinStore& store, std::int64_t toolId);

    std::size_t rows() const { return times_.size(); }
    const std::vector<double>& times() const { return times_; }
    bool has(const std::string& key) const { return columns_.count(key) != 0; }
    /// The column `key`; throws std::out_of_range naming the key when it is not mapped.
    const std::vector<double>& column(const std::string& key) const;
    /// Value of `key` at row `row`, `fallback` when the channel is not mapped.
    double at(const std::string& key, std::size_t row, double fallback) const;
    /// The text channel's value in force at `time` ("" before its first change or unmapped).
    std::string textAt(const std::string& key, double time) const;
    /// The first row of each stored log file, ascending (the sync reads every file afresh).
    const std::vector<std::size_t>& fileStarts() const { return fileStarts_; }
    /// First row with time >= t (rows() when none).
    std::size_t rowAtOrAfter(double t) const;

private:
    std::vector<double> times_;
    std::vector<std::size_t> fileStarts_;
    std::map<std::string, std::vector<double>> columns_;
    std::map<std::string, std::vector<std::pair<double, std::string>>> text_;  ///< (time, value) ascending
};

}  // namespace magtwin
