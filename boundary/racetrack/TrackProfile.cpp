#include "boundary/racetrack/TrackProfile.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {
void requirePositive(double v, const char* what) {
    if (!(v > 0.0) || !std::isfinite(v))
        throw std::invalid_argument(std::string("track profile: ") + what + " must be positive");
}
}  // namespace

void TrackProfile::partialMoments(double lower, double& m0, double& m1) const {
    // Composite Simpson rule on a fine grid over the support; the shapes are smooth or
    // piecewise linear with many more nodes than table rows, so the error is < 1e-9 relative.
    const int n = 20000;
    const double a = std::max(lower, innerExtent());
    const double b = outerExtent();
    m0 = 0.0;
    m1 = 0.0;
    if (!(b > a)) return;
    const double h = (b - a) / n;
    for (int i = 0; i <= n; ++i) {
        const double s = a + i * h;
        const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
        const double g = value(s);
        m0 += w * g;
        m1 += w * s * g;
    }
    m0 *= h / 3.0;
    m1 *= h / 3.0;
}

void TrackProfile::computeMoments() { partialMoments(innerExtent(), moment0_, moment1_); }

double TrackProfile::innerReach(double level) const {
    const int n = 20000;
    const double h = (outerExtent() - innerExtent()) / n;
    for (int i = 0; i <= n; ++i)
        if (value(innerExtent() + i * h) >= level) return innerExtent() + i * h;
    return 0.0;
}

double TrackProfile::outerReach(double level) const {
    const int n = 20000;
    const double h = (outerExtent() - innerExtent()) / n;
    for (int i = n; i >= 0; --i)
        if (value(innerExtent() + i * h) >= level) return innerExtent() + i * h;
    return 0.0;
}

double TrackProfile::fwhm() const {
    // Walk out from the maximum to the two half-maximum crossings.
    const int n = 20000;
    const double a = innerExtent();
    const double b = outerExtent();
    const double h = (b - a) / n;
    int iMax = 0;
    for (int i = 0; i <= n; ++i)
        if (value(a + i * h) > value(a + iMax * h)) iMax = i;
    int lo = iMax;
    while (lo > 0 && value(a + lo * h) >= 0.5) --lo;
    int hi = iMax;
    while (hi < n && value(a + hi * h) >= 0.5) ++hi;
    auto cross = [&](int i0, int i1) {
        const double s0 = a + i0 * h, s1 = a + i1 * h;
        const double g0 = value(s0), g1 = value(s1);
        return g1 == g0 ? s0 : s0 + (0.5 - g0) * (s1 - s0) / (g1 - g0);
    };
    return cross(hi - 1, hi) - cross(lo, lo + 1);
}

GaussianProfile::GaussianProfile(double sigmaM) : sigma_(sigmaM) {
    requirePositive(sigmaM, "gaussian sigma");
    computeMoments();
}

double GaussianProfile::value(double s) const {
    // Cut at the support used for the moments, so the flux normalisation is exact.
    if (s <= innerExtent() || s >= outerExtent()) return 0.0;
    const double u = s / sigma_;
    return std::exp(-0.5 * u * u);
}

AsymmetricGaussianProfile::AsymmetricGaussianProfile(double sigmaInnerM, double sigmaOuterM)
    : sigmaIn_(sigmaInnerM), sigmaOut_(sigmaOuterM) {
    requirePositive(sigmaInnerM, "asymmetric-gaussian sigma_inner");
    requirePositive(sigmaOuterM, "asymmetric-gaussian sigma_outer");
    computeMoments();
}

double AsymmetricGaussianProfile::value(double s) const {
    if (s <= innerExtent() || s >= outerExtent()) return 0.0;
    const double u = s / (s < 0.0 ? sigmaIn_ : sigmaOut_);
    return std::exp(-0.5 * u * u);
}

TabulatedProfile::TabulatedProfile(std::vector<double> offsetsM, std::vector<double> values)
    : offsets_(std::move(offsetsM)), values_(std::move(values)) {
    if (offsets_.size() != values_.size() || offsets_.size() < 3)
        throw std::invalid_argument("tabulated track profile: need >= 3 (offset, value) rows of equal length");
    double vmax = 0.0;
    for (std::size_t i = 0; i < offsets_.size(); ++i) {
        if (i > 0 && !(offsets_[i] > offsets_[i - 1]))
            throw std::invalid_argument("tabulated track profile: offsets must increase strictly (row " +
                                        std::to_string(i + 1) + ")");
        if (!(values_[i] >= 0.0) || !std::isfinite(values_[i]))
            throw std::invalid_argument("tabulated track profile: values must be >= 0 (row " + std::to_string(i + 1) +
                                        ")");
        vmax = std::max(vmax, values_[i]);
    }
    if (!(vmax > 0.0)) throw std::invalid_argument("tabulated track profile: all values are zero");
    for (double& v : values_) v /= vmax;
    computeMoments();
}

double TabulatedProfile::value(double s) const {
    if (s <= offsets_.front() || s >= offsets_.back()) return 0.0;
    const auto it = std::upper_bound(offsets_.begin(), offsets_.end(), s);
    const std::size_t i = static_cast<std::size_t>(it - offsets_.begin());
    const double t = (s - offsets_[i - 1]) / (offsets_[i] - offsets_[i - 1]);
    return values_[i - 1] + t * (values_[i] - values_[i - 1]);
}

std::vector<std::string> trackProfileNames() { return {"gaussian", "asymmetric-gaussian", "tabulated"}; }

std::unique_ptr<TrackProfile> makeTrackProfile(const TrackProfileSpec& spec) {
    if (spec.shape == "gaussian") return std::make_unique<GaussianProfile>(spec.sigmaM);
    if (spec.shape == "asymmetric-gaussian")
        return std::make_unique<AsymmetricGaussianProfile>(spec.sigmaInnerM, spec.sigmaOuterM);
    if (spec.shape == "tabulated") return std::make_unique<TabulatedProfile>(spec.tableOffsetsM, spec.tableValues);
    std::string valid;
    for (const auto& n : trackProfileNames()) valid += (valid.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown track profile shape '" + spec.shape + "'; valid: " + valid);
}

}  // namespace magtwin
