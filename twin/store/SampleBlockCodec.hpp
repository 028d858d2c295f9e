// SampleBlockCodec: a batch of samples as one columnar blob. Per column (line numbers,
// times, then each numeric channel) the smaller of: a constant (8 bytes), run-length pairs
// (uint32 count + value) or the raw values; doubles are stored bit-exactly, so a decoded
// block equals what was read. Most tool channels (setpoints, switches, counters, IDs) change
// rarely, which keeps a 1 Hz, 100-channel log small.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace magtwin {

struct DecodedSamples {
    std::size_t rows = 0, channels = 0;
    std::vector<std::int64_t> lines;
    std::vector<double> times;
    std::vector<double> values;  ///< rows x channels
};

/// `values` is rows x channels (row-major), as LogRowBatch::values.
std::string encodeSamples(const std::vector<std::int64_t>& lines, const std::vector<double>& times,
                          const std::vector<double>& values, std::size_t channels);
/// Throws std::runtime_error on a malformed blob.
DecodedSamples decodeSamples(const std::string& blob);

}  // namespace magtwin
