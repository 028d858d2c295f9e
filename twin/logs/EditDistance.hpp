// EditDistance: Levenshtein distance (insertions, deletions, substitutions, each 1), the
// measure behind every "did you mean" / "closest names" message (config keys, log columns).
// Wagner & Fischer, J. ACM 21 (1974) 168, two-row form: O(|a| |b|) time, O(|b|) memory.
#pragma once

#include <cstddef>
#include <string>

namespace magtwin {

std::size_t editDistance(const std::string& a, const std::string& b);

}  // namespace magtwin
