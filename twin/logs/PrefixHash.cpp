#include "twin/logs/PrefixHash.hpp"

#include <cstring>

namespace magtwin {

namespace {
constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ull;
std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
}  // namespace

void PrefixHash::round(std::uint64_t word) {
    h_ ^= rotl(word * kPrime2, 31) * kPrime1;
    h_ = rotl(h_, 27) * kPrime1 + kPrime3;
}

void PrefixHash::update(const char* data, std::size_t n) {
    length_ += n;
    while (n > 0 && pendingBytes_ != 0) {
        pending_ |= static_cast<std::uint64_t>(static_cast<unsigned char>(*data++)) << (8 * pendingBytes_++);
        --n;
        if (pendingBytes_ == 8) round(pending_), pending_ = 0, pendingBytes_ = 0;
    }
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, data, 8);  // little-endian machines (x86-64, arm64)
        round(w);
        data += 8;
        n -= 8;
    }
    while (n > 0) {
        pending_ |= static_cast<std::uint64_t>(static_cast<unsigned char>(*data++)) << (8 * pendingBytes_++);
        --n;
    }
}

std::uint64_t PrefixHash::digest() const {
    std::uint64_t h = h_ ^ length_;
    if (pendingBytes_) h ^= rotl(pending_ * kPrime2, 31) * kPrime1;
    h ^= h >> 33;
    h *= kPrime2;
    h ^= h >> 29;
    h *= kPrime3;
    h ^= h >> 32;
    return h;
}

}  // namespace magtwin
