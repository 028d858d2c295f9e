// GrooveViewFactors: where the atoms sputtered from a groove wall go, for a long straight
// groove: the view factors of a 2-D height profile onto itself.
//
// A surface element emitting with a cosine (Lambertian) angular distribution, on a surface
// that is infinitely long in the third direction, sends the fraction F_AB of its atoms to
// the strip B given by Hottel's crossed-strings rule (exact for infinitely long geometry;
// H. C. Hottel, A. F. Sarofim, "Radiative Transfer", McGraw-Hill 1967, ch. 2; also
// J. R. Howell, M. P. Menguc, R. Siegel, "Thermal Radiation Heat Transfer", 6th ed. 2016,
// sec. 4.3.4):
//     F_AB L_A = [(crossed strings) - (uncrossed strings)] / 2,
// the strings stretched taut between the segment ends over (outside) the surface. For a
// height profile z(y) the taut string between two surface points is the upper convex hull
// of the profile between them. With nodes P_0..P_n left to right (outward side up) and
// segments A = [P_a, P_a+1], B = [P_b, P_b+1], a < b:
//     G_AB = F_AB L_A = F_BA L_B = [S(a, b) + S(a+1, b+1) - S(a, b+1) - S(a+1, b)] / 2,
// S(i, j) the taut-string length from P_i to P_j (S(i, i) = 0).
// Summing over all B to the right telescopes (horizon sweeps, O(n) for every segment):
//     sum_{B right of A} G_AB = [L_A + S(a+1, n) - S(a, n)] / 2,
//     sum_{B left of A}  G_AB = [L_A + S(0, a) - S(0, a+1)] / 2,
// so the escape fraction (atoms that pass over both ends of the profile) is
//     f_esc(A) = [S(a, n) - S(a+1, n) + S(0, a+1) - S(0, a)] / (2 L_A).
// The profile's end nodes are its horizon: what passes over them leaves the target (for an
// infinite V groove cut in a flat face, f_esc of a wall = sin(alpha / 2), alpha the opening
// angle). Redeposited atoms stick where they land (sticking coefficient 1).
//
// Validity: cosine emission (the distribution of sputtered atoms at the energies of a DC
// magnetron is close to it, under-cosine at low energy); straight, infinitely long groove
// (a real racetrack's turnarounds and ends are treated as their local cross-section, see
// ErosionFront); ballistic flight (mean free path >> groove depth: at 0.3-0.5 Pa argon it
// is ~20 mm for a sputtered metal atom against the ~10 mm of a deep groove, so gas
// scattering inside the groove is neglected); no re-emission (sticking 1).
#pragma once

#include <cstddef>
#include <vector>

namespace magtwin {

class GrooveViewFactors {
public:
    /// Profile nodes: y strictly increasing, z the height on the outward side (toward the
    /// plasma). At least 2 nodes; throws std::invalid_argument otherwise.
    GrooveViewFactors(std::vector<double> y, std::vector<double> z);
    /// Profile of a row of `depths` (cells of width `spacing`, outward height -depth): nodes
    /// on the cell faces at the mean depth of the two cells, the end faces at the end cell's.
    static GrooveViewFactors fromCellDepths(const std::vector<double>& depths, double spacing);

    std::size_t segments() const { return y_.size() - 1; }
    double segmentLength(std::size_t a) const { return length_[a]; }
    /// Taut-string length between nodes i <= j (upper convex hull of P_i..P_j).
    double tautString(std::size_t i, std::size_t j) const;
    /// View factor F_AB (fraction of A's atoms landing on B), from the crossed strings.
    double viewFactor(std::size_t a, std::size_t b) const;

    /// Escape fraction of every segment from the two horizon sweeps (telescoped sum).
    std::vector<double> escapeFractions() const;
    /// Atoms landing on every segment (same unit as `emitted`, per segment), from the pair
    /// view factors G_AB, each pair once (reciprocity). Also returns sum_B F_AB per segment
    /// in `redepositedFraction` when not null. O(n^2) time, O(n) memory.
    std::vector<double> redeposit(const std::vector<double>& emitted,
                                  std::vector<double>* redepositedFraction = nullptr) const;

private:
    /// S(i, j) for j = i..n (upper hull swept from P_i to the right), into `out` (size n + 1).
    void tautStringsFrom(std::size_t i, std::vector<double>& out, std::vector<std::size_t>& stack) const;
    bool inFront(std::size_t a, std::size_t node) const;  ///< P_node strictly on A's outward side
    double distance(std::size_t i, std::size_t j) const;

    std::vector<double> y_, z_, length_;
};

}  // namespace magtwin
