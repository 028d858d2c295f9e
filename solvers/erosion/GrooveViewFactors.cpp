#include "solvers/erosion/GrooveViewFactors.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

/// (B - A) x (C - A): < 0 when B lies strictly above the chord A-C (A left of C).
double turn(double ay, double az, double by, double bz, double cy, double cz) {
    return (by - ay) * (cz - az) - (bz - az) * (cy - ay);
}

}  // namespace

GrooveViewFactors::GrooveViewFactors(std::vector<double> y, std::vector<double> z)
    : y_(std::move(y)), z_(std::move(z)) {
    if (y_.size() < 2 || y_.size() != z_.size())
        throw std::invalid_argument("groove profile: needs >= 2 nodes with one height each");
    for (std::size_t k = 0; k + 1 < y_.size(); ++k) {
        if (!(y_[k + 1] > y_[k])) throw std::invalid_argument("groove profile: positions must increase strictly");
        length_.push_back(distance(k, k + 1));
    }
}

GrooveViewFactors GrooveViewFactors::fromCellDepths(const std::vector<double>& depths, double spacing) {
    const std::size_t n = depths.size();
    if (n == 0 || !(spacing > 0)) throw std::invalid_argument("groove profile: needs cells and a positive spacing");
    std::vector<double> y(n + 1), z(n + 1);
    for (std::size_t k = 0; k <= n; ++k) {
        y[k] = static_cast<double>(k) * spacing;
        if (k == 0)
            z[k] = -depths[0];
        else if (k == n)
            z[k] = -depths[n - 1];
        else
            z[k] = -0.5 * (depths[k - 1] + depths[k]);
    }
    return GrooveViewFactors(std::move(y), std::move(z));
}

double GrooveViewFactors::distance(std::size_t i, std::size_t j) const {
    const double dy = y_[j] - y_[i], dz = z_[j] - z_[i];
    return std::sqrt(dy * dy + dz * dz);  // no over/underflow at groove sizes; much faster than hypot
}

bool GrooveViewFactors::inFront(std::size_t a, std::size_t node) const {
    // Outward normal of A (left to right, outward up) is its direction turned by +90 deg.
    return turn(y_[a], z_[a], y_[a + 1], z_[a + 1], y_[node], z_[node]) > 0.0;
}

void GrooveViewFactors::tautStringsFrom(std::size_t i, std::vector<double>& out,
                                        std::vector<std::size_t>& stack) const {
    // Monotone-chain upper hull from P_i rightwards; out[j] = length of the hull chain to P_j.
    const std::size_t n = y_.size() - 1;
    stack.clear();
    stack.push_back(i);
    out[i] = 0.0;
    for (std::size_t j = i + 1; j <= n; ++j) {
        while (stack.size() >= 2) {
            const std::size_t a = stack[stack.size() - 2], b = stack.back();
            if (turn(y_[a], z_[a], y_[b], z_[b], y_[j], z_[j]) < 0.0) break;  // b above the chord: keep
            stack.pop_back();
        }
        const std::size_t t = stack.back();
        out[j] = out[t] + (t + 1 == j ? length_[t] : distance(t, j));
        stack.push_back(j);
    }
}

double GrooveViewFactors::tautString(std::size_t i, std::size_t j) const {
    if (i > j) std::swap(i, j);
    std::vector<double> row(y_.size());
    std::vector<std::size_t> stack;
    tautStringsFrom(i, row, stack);
    return row[j];
}

double GrooveViewFactors::viewFactor(std::size_t a, std::size_t b) const {
    if (a == b) return 0.0;  // a straight segment does not see itself
    const std::size_t lo = std::min(a, b), hi = std::max(a, b);
    if (!inFront(lo, hi) && !inFront(lo, hi + 1)) return 0.0;
    if (!inFront(hi, lo) && !inFront(hi, lo + 1)) return 0.0;
    const double g =
        0.5 * (tautString(lo, hi) + tautString(lo + 1, hi + 1) - tautString(lo, hi + 1) - tautString(lo + 1, hi));
    return std::max(0.0, g) / length_[a];
}

std::vector<double> GrooveViewFactors::escapeFractions() const {
    const std::size_t n = y_.size() - 1;
    std::vector<std::size_t> stack;
    std::vector<double> fromLeft(n + 1), toRight(n + 1);
    tautStringsFrom(0, fromLeft, stack);  // S(0, a)
    // S(a, n) for every a: the upper hull of P_a..P_n, swept leftwards.
    stack.clear();
    stack.push_back(n);
    toRight[n] = 0.0;
    for (std::size_t a = n; a-- > 0;) {
        while (stack.size() >= 2) {
            const std::size_t b = stack.back(), c = stack[stack.size() - 2];
            if (turn(y_[a], z_[a], y_[b], z_[b], y_[c], z_[c]) < 0.0) break;
            stack.pop_back();
        }
        const std::size_t t = stack.back();
        toRight[a] = toRight[t] + (a + 1 == t ? length_[a] : distance(a, t));
        stack.push_back(a);
    }
    std::vector<double> escape(n);
    for (std::size_t a = 0; a < n; ++a)
        escape[a] = (toRight[a] - toRight[a + 1] + fromLeft[a + 1] - fromLeft[a]) / (2.0 * length_[a]);
    return escape;
}

std::vector<double> GrooveViewFactors::redeposit(const std::vector<double>& emitted,
                                                 std::vector<double>* redepositedFraction) const {
    const std::size_t n = segments();
    if (emitted.size() != n) throw std::invalid_argument("groove profile: one emitted value per segment");
    std::vector<double> received(n, 0.0), fraction(n, 0.0);
    std::vector<double> rowA(n + 1), rowA1(n + 1);  // S(a, .), S(a + 1, .)
    std::vector<std::size_t> stack;
    tautStringsFrom(n, rowA1, stack);
    for (std::size_t a = n; a-- > 0;) {
        tautStringsFrom(a, rowA, stack);
        for (std::size_t b = a + 1; b < n; ++b) {
            // Mutual visibility: each segment has an end strictly on the other's outward side
            // (exactly 0 for a flat or convex profile, whatever the rounding).
            if (!(inFront(a, b) || inFront(a, b + 1)) || !(inFront(b, a) || inFront(b, a + 1))) continue;
            const double s11 = rowA1[b];  // S(a + 1, b), 0 for adjacent segments
            const double g = 0.5 * (rowA[b] + rowA1[b + 1] - rowA[b + 1] - s11);
            if (!(g > 0.0)) continue;
            const double fAB = g / length_[a], fBA = g / length_[b];
            received[b] += emitted[a] * fAB;
            received[a] += emitted[b] * fBA;
            fraction[a] += fAB;
            fraction[b] += fBA;
        }
        std::swap(rowA, rowA1);
    }
    if (redepositedFraction) *redepositedFraction = std::move(fraction);
    return received;
}

}  // namespace magtwin
