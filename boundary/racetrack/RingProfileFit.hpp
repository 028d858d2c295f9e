// RingProfileFit: calibrates the parametric racetrack of a circular planar cathode from a
// measured erosion groove (radial depth profile of a used target).
//
// Model: a static ring racetrack (RacetrackFlux, planar-circular, magnet offset 0) with an
// asymmetric-Gaussian cross-track profile (AsymmetricGaussianProfile); its flux is
// Gamma(r) ~ g(r - a), and for a shallow groove the depth is proportional to the flux
// (ErosionRate with theta ~ 0), so
//     depth(r) = A * g(r - a; sigma_in, sigma_out)
// Fitted: ring radius a, sigma_in, sigma_out (Nelder-Mead simplex in (a, ln sigma_in,
// ln sigma_out); J. A. Nelder, R. Mead, Comput. J. 7 (1965) 308) with the amplitude A
// solved in closed form (linear least squares) at every simplex point.
// Reported errors are relative to the measured peak depth.
#pragma once

#include <vector>

namespace magtwin {

struct RingProfileFit {
    double ringRadiusM = 0.0;
    double sigmaInnerM = 0.0;
    double sigmaOuterM = 0.0;
    double amplitude = 0.0;
    double fittedPeakRadiusM = 0.0;    ///< argmax of the fitted profile (= a)
    double measuredPeakRadiusM = 0.0;  ///< argmax of the data, parabolic interpolation
    double rmsError = 0.0;             ///< RMS(model - data) / max(data)
    double maxError = 0.0;             ///< max|model - data| / max(data)
    int iterations = 0;
};

/// `radiusM` increasing, `depth` >= 0 with a positive peak, targetRadiusM >= max radius.
/// Throws std::invalid_argument for unusable data.
RingProfileFit fitRingProfile(const std::vector<double>& radiusM, const std::vector<double>& depth,
                              double targetRadiusM);

}  // namespace magtwin
