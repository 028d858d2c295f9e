// CathodeResponses: the fluence each cathode deposits at trim 1, computed once per array
// instead of once per cathode, and any trimmed combination of them. The cathodes of one
// group (a rotary-tube array, a row of planar targets) are copies of one source translated
// along x by multiples of the pitch, and the transport and a static exposure, an in-line
// scan along x or an oscillation along x are translation-invariant, so
//   F_i(x, y) = F_0(x - (o_i - o_0), y),
// F_0 computed once on the substrate grid extended in x by the array's span. A shift that is
// a whole number of grid pitches is exact (the Gen-10.5 arrays: 270 and 300 mm pitches on
// 2 and 10 mm grids); otherwise it is interpolated with 4-point Lagrange cubics in x (error
// ~1.7 (dx/h)^4 of the peak, as the fast transport's own interpolation,
// FastConvolutionTransport.hpp). Wafer rotation is not translation-invariant: there, and
// for single cathodes, each cathode's fluence is computed on its own.
// The film is linear in the trims: F(t) = sum_i t_i F_i, so the power-trim optimiser
// (PowerTrimOptimizer.hpp) and the maps of several recipes at one life point (the life
// sweep's fixed and re-trimmed recipes) share one transport per group.
#pragma once

#include "solvers/deposition/CathodeLayout.hpp"
#include "solvers/deposition/SubstrateMotion.hpp"

#include <vector>

namespace magtwin {

class CathodeResponses {
public:
    /// `layout` built from `groups` with the trims `trims` (empty = 1; each > 0); the
    /// responses are per unit trim.
    CathodeResponses(const std::vector<CathodeGroup>& groups, const EmissionLayout& layout,
                     const std::vector<double>& trims, const SubstrateGrid& grid, const SubstrateMotion& motion,
                     TransportMethod method, const GasAttenuation& gas = GasAttenuation{});
    std::size_t cathodes() const { return cathodes_.size(); }
    /// Cathode k's fluence at trim 1 (atoms m^-2) on the substrate grid.
    std::vector<double> cathode(std::size_t k) const;
    /// sum_k trims[k] F_k (one weight per cathode: its trim, or its trim times a species'
    /// atom fraction in FilmComposition; a weight of 0 skips the cathode).
    std::vector<double> combined(const std::vector<double>& trims) const;
    /// Every cathode's fluence at the points of `coarse` when each of them is a point of
    /// this grid (same origin, pitches whole multiples: the optimiser's 10 mm copy of a 2 mm
    /// grid); empty otherwise.
    std::vector<std::vector<double>> sampledOn(const SubstrateGrid& coarse) const;

private:
    struct Cathode {
        std::size_t field;  ///< index into fields_
        double shiftM;      ///< x offset from the field's own cathode (0: the field is on the grid)
    };
    void addShifted(std::size_t k, double weight, std::vector<double>& out) const;
    SubstrateGrid grid_;
    std::vector<SubstrateGrid> fieldGrids_;
    std::vector<std::vector<double>> fields_;
    std::vector<Cathode> cathodes_;
};

/// One fluence map per cathode (CathodeResponses::cathode for every k).
std::vector<std::vector<double>> cathodeResponses(const std::vector<CathodeGroup>& groups, const EmissionLayout& layout,
                                                  const std::vector<double>& trims, const SubstrateGrid& grid,
                                                  const SubstrateMotion& motion, TransportMethod method,
                                                  const GasAttenuation& gas = GasAttenuation{});

}  // namespace magtwin
