// TrackProfile: the shape of the ion flux across one racetrack track, as a function of
// the signed offset s (metres) from the track centre line; s > 0 points away from the
// area the closed loop encloses (outward). Peak value 1; the flux magnitude is set by
// RacetrackFlux from the discharge current.
//
// Shapes, by name:
//  - "gaussian":    g(s) = exp(-s^2 / (2 sigma^2)). The usual parametric racetrack shape:
//                   the erosion groove under a magnetron follows the magnetic-mirror
//                   confined plasma density, which is close to a Gaussian across the
//                   track (e.g. T. Nakano, S. Baba, Vacuum 80 (2006) 647; S. Ido,
//                   K. Nakamura, Jpn. J. Appl. Phys. 35 (1996) 4052).
//  - "asymmetric-gaussian": g(s) = exp(-s^2/(2 sigma_in^2)) for s < 0 and
//                   exp(-s^2/(2 sigma_out^2)) for s >= 0. The track is usually steeper on
//                   the side facing the loop's centre pole (same sources).
//  - "tabulated":   a measured groove cross-section (offset, depth) normalised to peak 1,
//                   linear between samples, 0 outside the table.
// Width scaling (groove narrowing): the shape at width scale k is g(s / k).
// Validity: shapes, not physics; the choice and parameters come from a measured groove
// (see tests/validation/RacetrackProfileFitTest.cpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

class TrackProfile {
public:
    virtual ~TrackProfile() = default;
    virtual std::string name() const = 0;
    /// Shape value at width scale 1, 0 <= g <= 1, max 1.
    virtual double value(double offsetM) const = 0;
    /// g = 0 outside [innerExtent, outerExtent] (Gaussians are cut at 6.5 sigma, 2e-10 of peak).
    virtual double innerExtent() const = 0;  ///< negative
    virtual double outerExtent() const = 0;  ///< positive
    /// Full width at half maximum (m) at width scale 1.
    double fwhm() const;
    /// M0 = integral g ds (m), M1 = integral s g ds (m^2), at width scale 1.
    double moment0() const { return moment0_; }
    double moment1() const { return moment1_; }
    /// Moments over offsets >= lower only (m, m^2): the part of a track that does not
    /// fold over the loop's centre. Simpson rule, relative error < 1e-9 for the shapes here.
    void partialMoments(double lower, double& m0, double& m1) const;
    /// Offsets (m) between which g >= `level` (the track's footprint for bounds checks).
    double innerReach(double level) const;
    double outerReach(double level) const;

protected:
    /// Derived constructors call this once their parameters are set.
    void computeMoments();

private:
    double moment0_ = 0.0;
    double moment1_ = 0.0;
};

class GaussianProfile : public TrackProfile {
public:
    explicit GaussianProfile(double sigmaM);
    std::string name() const override { return "gaussian"; }
    double value(double s) const override;
    double innerExtent() const override { return -6.5 * sigma_; }
    double outerExtent() const override { return 6.5 * sigma_; }
    double sigma() const { return sigma_; }

private:
    double sigma_;
};

class AsymmetricGaussianProfile : public TrackProfile {
public:
    AsymmetricGaussianProfile(double sigmaInnerM, double sigmaOuterM);
    std::string name() const override { return "asymmetric-gaussian"; }
    double value(double s) const override;
    double innerExtent() const override { return -6.5 * sigmaIn_; }
    double outerExtent() const override { return 6.5 * sigmaOut_; }

private:
    double sigmaIn_;
    double sigmaOut_;
};

class TabulatedProfile : public TrackProfile {
public:
    /// Offsets strictly increasing (m); values >= 0 with a positive maximum (any unit: the
    /// table is divided by its maximum). Throws std::invalid_argument otherwise.
    TabulatedProfile(std::vector<double> offsetsM, std::vector<double> values);
    std::string name() const override { return "tabulated"; }
    double value(double s) const override;
    double innerExtent() const override { return offsets_.front(); }
    double outerExtent() const override { return offsets_.back(); }

private:
    std::vector<double> offsets_;
    std::vector<double> values_;
};

/// Parameters of a profile as a config gives them (SI).
struct TrackProfileSpec {
    std::string shape = "gaussian";  ///< "gaussian" | "asymmetric-gaussian" | "tabulated"
    double sigmaM = 0.0;             ///< gaussian
    double sigmaInnerM = 0.0;        ///< asymmetric-gaussian
    double sigmaOuterM = 0.0;
    std::vector<double> tableOffsetsM;  ///< tabulated
    std::vector<double> tableValues;
};

std::vector<std::string> trackProfileNames();
/// Throws std::invalid_argument naming the problem (unknown shape lists the valid ones).
std::unique_ptr<TrackProfile> makeTrackProfile(const TrackProfileSpec& spec);

}  // namespace magtwin
