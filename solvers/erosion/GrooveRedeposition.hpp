// GrooveRedeposition: atoms sputtered from a groove wall that hit the target again stick
// there (sticking 1). Applied per cross-section of the erosion grid across the groove,
// with the exact 2-D view factors of a long straight groove (GrooveViewFactors):
//  - planar-rect: every grid line of constant x (across the width, y): the two straights'
//    cross-section. On the straights all such lines are equal (the flux does not depend on
//    x there), so one is computed and reused (exactly: lines are compared value for value).
//  - rotary: every grid line of constant phi along the axis x: the state is the rotation
//    average, so the groove of a tube is the end-zone ring (and the uniform middle);
//    the tube's curvature across the ring is neglected (ring width << R).
// Approximation: the turnarounds (planar) are treated as their local cross-section along
// the grid line, i.e. as a long straight groove of the same profile. Valid where the
// groove's radius of curvature in plan (the turnaround radius, separation / 2 = 50 mm on
// the Gen-10.5 cathode) is large against its depth and width: there the 3-D view factor
// differs from the 2-D one by terms of order (depth / radius); on the straights (the bulk
// of the eroded volume on a long cathode) it is exact. 3-D end effects at the ends of the
// straights are treated the same way. Planar-circular targets (ring grooves) are not
// covered (the constructor refuses them).
// Units: `emitted` per cell in any per-original-face-area unit (atoms m^-2 s^-1, or the
// solver's dV/dt); the redeposited flux comes back in the same unit, per cell.
#pragma once

#include "solvers/erosion/ErosionGrid.hpp"

#include <cstddef>
#include <vector>

namespace magtwin {

class GrooveRedeposition {
public:
    /// Throws std::invalid_argument for a planar-circular grid.
    explicit GrooveRedeposition(const ErosionGrid& grid);

    /// Redeposited flux per cell (size grid.size()) for the state `depth` emitting
    /// `emitted`; `escapeFraction` (when not null) the fraction of each cell's atoms that
    /// leave the target. Lines whose depth is constant redeposit nothing (escape 1).
    void apply(const std::vector<double>& depth, const std::vector<double>& emitted, std::vector<double>& redeposited,
               std::vector<double>* escapeFraction = nullptr) const;

    /// Grid lines across the groove and the cells of line `l` in profile order.
    std::size_t lineCount() const { return lines_; }
    std::size_t cellOf(std::size_t line, std::size_t k) const { return alongV_ ? line + nu_ * k : k + nu_ * line; }
    std::size_t lineLength() const { return length_; }

private:
    std::size_t nu_, lines_, length_;
    bool alongV_;
    double spacing_;
};

}  // namespace magtwin
