// Thickness and uniformity of a deposited film.
//
// Thickness from the arriving atom flux: t = s * Phi * time / n_film, with s the
// sticking coefficient (default 1) and n_film the atomic density of the film material
// (bulk density: the atomic volume 1/n of the element data; real sputtered films can be
// a few % less dense, a documented simplification).
//
// Uniformity over the points inside the edge exclusion (display/semiconductor practice):
//   U_range = (max - min) / (max + min),   U_sigma = sigma / mean  (population sigma);
// a map passes when U_range <= target (default 3 %, the Gen-10.5 requirement of the
// project's source review).
#pragma once

#include <vector>

namespace magtwin {

/// Film thickness rate in nm/s from atom flux (atoms m^-2 s^-1).
std::vector<double> thicknessRateNmPerS(const std::vector<double>& fluxAtomsM2S, double atomicDensityPerM3,
                                        double stickingCoefficient = 1.0);
/// Film thickness in nm from a time-integrated fluence (atoms m^-2); same conversion.
inline std::vector<double> thicknessNm(const std::vector<double>& fluenceAtomsM2, double atomicDensityPerM3,
                                       double stickingCoefficient = 1.0) {
    return thicknessRateNmPerS(fluenceAtomsM2, atomicDensityPerM3, stickingCoefficient);
}

struct UniformityReport {
    double meanNm = 0, minNm = 0, maxNm = 0;
    double rangePct = 0;  ///< 100 (max-min)/(max+min)
    double sigmaPct = 0;  ///< 100 sigma/mean
    double targetPct = 3.0;
    bool pass = false;
    std::size_t points = 0;
};

/// Over the points with mask[k] != 0. Throws std::invalid_argument if none or sizes differ.
UniformityReport uniformity(const std::vector<double>& thicknessNm, const std::vector<char>& mask,
                            double targetPct = 3.0);

}  // namespace magtwin
