// PrefixHash: a streaming 64-bit hash of a file's consumed bytes, so a sync can tell a log
// that grew (same prefix) from one replaced under the same name (different prefix).
// Not cryptographic: it guards against accidents (a re-saved or rotated file), not attacks.
// Construction: 64-bit words folded with the MurmurHash3/xxHash64 multiply-rotate round
// (constants of xxHash64, Y. Collet, github.com/Cyan4973/xxHash, BSD-2) and a final avalanche;
// the result depends only on the bytes, not on how they were split into update() calls.
#pragma once

#include <cstddef>
#include <cstdint>

namespace magtwin {

class PrefixHash {
public:
    void update(const char* data, std::size_t n);
    std::uint64_t digest() const;
    std::uint64_t bytes() const { return length_; }

private:
    void round(std::uint64_t word);
    std::uint64_t h_ = 0x9E3779B97F4A7C15ull;
    std::uint64_t pending_ = 0;
    unsigned pendingBytes_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace magtwin
