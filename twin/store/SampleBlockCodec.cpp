#include "twin/store/SampleBlockCodec.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace magtwin {

namespace {

enum Tag : char { kConstant = 0, kRuns = 1, kRaw = 2 };

void put(std::string& out, const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }

/// One column (contiguous bit patterns; NaN payloads and -0.0 kept) as the smallest of a
/// constant, run-length pairs or raw values.
void encodeColumn(std::string& out, const std::uint64_t* col, std::size_t rows) {
    std::size_t runs = rows ? 1 : 0;
    for (std::size_t i = 1; i < rows; ++i) runs += col[i] != col[i - 1];
    if (runs <= 1) {
        out += kConstant;
        const std::uint64_t v = rows ? col[0] : 0;
        put(out, &v, 8);
    } else if (runs * 12 < rows * 8) {
        out += kRuns;
        const std::uint32_t n = static_cast<std::uint32_t>(runs);
        put(out, &n, 4);
        std::size_t start = 0;
        for (std::size_t i = 1; i <= rows; ++i)
            if (i == rows || col[i] != col[start]) {
                const std::uint32_t count = static_cast<std::uint32_t>(i - start);
                put(out, &count, 4);
                put(out, &col[start], 8);
                start = i;
            }
    } else {
        out += kRaw;
        put(out, col, rows * 8);
    }
}

struct Input {
    const std::string& s;
    std::size_t at = 0;
    void take(void* p, std::size_t n) {
        if (at + n > s.size()) throw std::runtime_error("sample block truncated");
        std::memcpy(p, s.data() + at, n);
        at += n;
    }
};

template <class Set>
void decodeColumn(Input& in, std::size_t rows, Set set) {
    char tag;
    in.take(&tag, 1);
    std::uint64_t v;
    if (tag == kConstant) {
        in.take(&v, 8);
        for (std::size_t i = 0; i < rows; ++i) set(i, v);
    } else if (tag == kRuns) {
        std::uint32_t runs;
        in.take(&runs, 4);
        std::size_t i = 0;
        for (std::uint32_t r = 0; r < runs; ++r) {
            std::uint32_t count;
            in.take(&count, 4);
            in.take(&v, 8);
            if (i + count > rows) throw std::runtime_error("sample block: runs exceed the row count");
            for (std::uint32_t k = 0; k < count; ++k) set(i++, v);
        }
        if (i != rows) throw std::runtime_error("sample block: runs do not cover the rows");
    } else if (tag == kRaw) {
        for (std::size_t i = 0; i < rows; ++i) in.take(&v, 8), set(i, v);
    } else {
        throw std::runtime_error("sample block: unknown column tag");
    }
}

}  // namespace

std::string encodeSamples(const std::vector<std::int64_t>& lines, const std::vector<double>& times,
                          const std::vector<double>& values, std::size_t channels) {
    const std::size_t rows = times.size();
    if (lines.size() != rows || values.size() != rows * channels)
        throw std::invalid_argument("encodeSamples: inconsistent sizes");
    // Transpose once, in tiles of 64 rows (cache-friendly), so every column is contiguous.
    thread_local std::vector<std::uint64_t> columns;  // reused: no fresh pages per block
    const std::size_t width = channels + 2;
    columns.resize(rows * width);
    for (std::size_t i = 0; i < rows; ++i) {
        columns[i] = static_cast<std::uint64_t>(lines[i]);
        std::memcpy(&columns[rows + i], &times[i], 8);
    }
    constexpr std::size_t kTile = 64;
    for (std::size_t i0 = 0; i0 < rows; i0 += kTile) {
        const std::size_t i1 = std::min(rows, i0 + kTile);
        for (std::size_t c = 0; c < channels; ++c)
            for (std::size_t i = i0; i < i1; ++i)
                std::memcpy(&columns[(c + 2) * rows + i], &values[i * channels + c], 8);
    }
    std::string out;
    out.reserve(16 + width * (1 + 8 * rows));
    const std::uint64_t header[2] = {rows, channels};
    put(out, header, 16);
    for (std::size_t c = 0; c < width; ++c) encodeColumn(out, columns.data() + c * rows, rows);
    return out;
}

DecodedSamples decodeSamples(const std::string& blob) {
    Input in{blob};
    std::uint64_t header[2];
    in.take(header, 16);
    DecodedSamples d;
    d.rows = header[0];
    d.channels = header[1];
    if (d.rows > (1u << 26) || d.channels > (1u << 20)) throw std::runtime_error("sample block: bad header");
    d.lines.resize(d.rows);
    d.times.resize(d.rows);
    d.values.resize(d.rows * d.channels);
    decodeColumn(in, d.rows, [&](std::size_t i, std::uint64_t v) { d.lines[i] = static_cast<std::int64_t>(v); });
    decodeColumn(in, d.rows, [&](std::size_t i, std::uint64_t v) { std::memcpy(&d.times[i], &v, 8); });
    for (std::size_t c = 0; c < d.channels; ++c)
        decodeColumn(in, d.rows,
                     [&](std::size_t i, std::uint64_t v) { std::memcpy(&d.values[i * d.channels + c], &v, 8); });
    return d;
}

}  // namespace magtwin
