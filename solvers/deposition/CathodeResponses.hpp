// CathodeResponses: the fluence each cathode deposits at trim 1 (the basis of the power-trim
// optimiser, PowerTrimOptimizer.hpp), computed once per array instead of once per cathode.
// The cathodes of one group (a rotary-tube array, a row of planar targets) are copies of one
// source translated along x by multiples of the pitch, and the transport and a static
// exposure or an in-line scan along x are translation-invariant, so
//   F_i(x, y) = F_0(x - (o_i - o_0), y),
// F_0 computed on the substrate grid extended in x by the array's span. A shift that is a
// whole number of grid pitches is exact; otherwise it is interpolated with 4-point Lagrange
// cubics in x (error ~1.7 (dx/h)^4 of the peak, as the fast transport's own interpolation,
// FastConvolutionTransport.hpp). Wafer rotation is not translation-invariant: there, and for
// single cathodes, each cathode's fluence is computed on its own.
#pragma once

#include "deposition/CathodeLayout.hpp"
#include "deposition/SubstrateMotion.hpp"

#include <vector>

namespace magtwin {

/// One fluence map per cathode of `layout` (atoms m^-2 at trim 1, i.e. the source scaled
/// back by its trim), in the order of layout.sources. `trims`: the trims layout was built
/// with (empty = 1).
std::vector<std::vector<double>> cathodeResponses(const std::vector<CathodeGroup>& groups, const EmissionLayout& layout,
                                                  const std::vector<double>& trims, const SubstrateGrid& grid,
                                                  const SubstrateMotion& motion, TransportMethod method,
                                                  const GasAttenuation& gas = GasAttenuation{});

}  // namespace magtwin
