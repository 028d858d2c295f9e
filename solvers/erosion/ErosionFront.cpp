#include "solvers/erosion/ErosionFront.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

constexpr double kSlopeMax = 16.0;      ///< table range of |grad d| (86.4 deg)
constexpr int kSlopeNodes = 16001;      ///< table spacing 1e-3 in slope
constexpr int kRadialOversampling = 8;  ///< rotating-magnet flux table: 8 samples per cell

double minmod(double a, double b) {
    if (a * b <= 0.0) return 0.0;
    return std::abs(a) < std::abs(b) ? a : b;
}

int angularCellsFor(const RacetrackFlux& flux, const ErosionSettings& s) {
    if (flux.kind() != CathodeKind::Rotary) return 1;
    if (s.rotaryAngularCells > 0) return s.rotaryAngularCells;
    if (!s.yieldMultiplier) return 1;
    return std::max(8, static_cast<int>(std::lround(2.0 * kPi * flux.target().radiusM / s.gridSpacingM)));
}

}  // namespace

ErosionFront::ErosionFront(const RacetrackFlux& flux, const ErosionRate& rate, const ErosionSettings& settings)
    : flux_(flux),
      rate_(rate),
      settings_(settings),
      grid_(flux.target(), settings.gridSpacingM, angularCellsFor(flux, settings), settings.origin) {
    if (!(settings_.maxDepthIncrementM > 0.0)) throw std::invalid_argument("max depth increment must be positive");
    if (!(settings_.cflNumber > 0.0 && settings_.cflNumber <= 1.0))
        throw std::invalid_argument("CFL number must be in (0, 1]");
    if (!(settings_.magnetTravelM >= 0.0) || settings_.magnetTravelSamples < 1)
        throw std::invalid_argument("magnet travel must be >= 0 with >= 1 average node");
    if (settings_.magnetTravelM > 0.0 && grid_.kind() != CathodeKind::PlanarRect)
        throw std::invalid_argument("magnet travel across the target: planar-rect targets only");
    travel_ = swingQuadrature(settings_.magnetTravelWaveform, settings_.magnetTravelDwellFraction,
                              settings_.magnetTravelSamples);
    if (settings_.grooveRedeposition) redeposition_ = std::make_shared<const GrooveRedeposition>(grid_);
    const std::size_t n = grid_.size();
    multiplier_.assign(n, 0.0);
    fluxK1_.assign(n, 0.0);
    ionFlux_.assign(n, 0.0);
    removed_.assign(n, 0.0);
    depth_.assign(n, 0.0);
    rate1_.assign(n, 0.0);
    rate2_.assign(n, 0.0);

    // F(s) = Y(E, atan s) and G(s) = max_{u <= s} |F'(u)| (the LLF dissipation bound).
    fTable_.resize(kSlopeNodes);
    gTable_.resize(kSlopeNodes);
    const double ds = kSlopeMax / (kSlopeNodes - 1);
    for (int i = 0; i < kSlopeNodes; ++i) fTable_[i] = rate_.yieldAtSlope(i * ds);
    double g = 0.0;
    gTable_[0] = 0.0;
    for (int i = 1; i < kSlopeNodes; ++i) {
        g = std::max(g, std::abs(fTable_[i] - fTable_[i - 1]) / ds);
        gTable_[i] = g;
    }
    gTail_ = g;
    for (double s = kSlopeMax; s < 1e4; s *= 1.01)  // beyond the table F' decays like 1/s^2
        gTail_ = std::max(gTail_, std::abs(rate_.yieldAtSlope(s * 1.01) - rate_.yieldAtSlope(s)) / (0.01 * s));

    const auto k1 = flux_.atScale(1.0);
    for (std::size_t j = 0; j < grid_.nv(); ++j)
        for (std::size_t i = 0; i < grid_.nu(); ++i) {
            const std::size_t c = grid_.index(i, j);
            if (!grid_.inside(c)) continue;
            const Eigen::Vector2d p = grid_.cathodePoint(i, j);
            const double m = settings_.yieldMultiplier ? settings_.yieldMultiplier(p) : 1.0;
            if (!(m >= 0.0) || !std::isfinite(m))
                throw std::invalid_argument("yield multiplier map: value must be >= 0");
            multiplier_[c] = m;
            fluxK1_[c] = travelAveragedFlux(k1, p);
            if (fluxK1_[c] > 0.0 && m > 0.0) active_.push_back(c);
        }
    baseMultiplier_ = multiplier_;
    updateFlux();
}

void ErosionFront::setRelativeFluxYieldFactor(const std::function<double(double)>& factor) {
    if (!factor) {
        multiplier_ = baseMultiplier_;
        return;
    }
    if (relativeFlux_.empty()) {
        relativeFlux_.assign(grid_.size(), 0.0);
        const auto k1 = flux_.atScale(1.0);
        double jMax = 0.0;
        for (std::size_t j = 0; j < grid_.nv(); ++j)
            for (std::size_t i = 0; i < grid_.nu(); ++i) {
                const std::size_t c = grid_.index(i, j);
                if (!grid_.inside(c)) continue;
                relativeFlux_[c] = k1.fluxDensity(grid_.cathodePoint(i, j));
                jMax = std::max(jMax, relativeFlux_[c]);
            }
        if (jMax > 0.0)
            for (double& u : relativeFlux_) u /= jMax;
    }
    std::vector<double> m(baseMultiplier_.size(), 0.0);
    for (std::size_t c = 0; c < m.size(); ++c) {
        if (!(baseMultiplier_[c] > 0.0)) continue;
        const double f = factor(relativeFlux_[c]);
        if (!(f >= 0.0) || !std::isfinite(f))
            throw std::invalid_argument("erosion: a state yield factor must be >= 0, not " + std::to_string(f));
        m[c] = baseMultiplier_[c] * f;
    }
    multiplier_ = std::move(m);
}

double ErosionFront::travelAveragedFlux(const RacetrackFlux::AtScale& at, const Eigen::Vector2d& p) const {
    const double A = settings_.magnetTravelM;
    if (A <= 0.0) return at.fluxDensity(p);
    return travel_.average(A, [&](double a) { return at.fluxDensity({p.x(), p.y() - a}); });  // header
}

double ErosionFront::tableF(double s) const {
    if (s >= kSlopeMax) return rate_.yieldAtSlope(s);
    const double u = s * ((kSlopeNodes - 1) / kSlopeMax);
    const int i = std::min(static_cast<int>(u), kSlopeNodes - 2);
    const double t = u - i;
    return fTable_[i] + t * (fTable_[i + 1] - fTable_[i]);
}

double ErosionFront::tableG(double s) const {
    if (s >= kSlopeMax) return gTail_;
    const int i = std::min(static_cast<int>(std::ceil(s * ((kSlopeNodes - 1) / kSlopeMax))), kSlopeNodes - 1);
    return gTable_[i];
}

void ErosionFront::updateFlux() {
    // Reference depth for narrowing: flux-weighted mean depth under the new-target track.
    double wSum = 0.0, wdSum = 0.0;
    for (std::size_t c : active_) {
        wSum += fluxK1_[c];
        wdSum += fluxK1_[c] * depth_[c];
    }
    const double k = settings_.narrowing.widthScale(wSum > 0.0 ? wdSum / wSum : 0.0);
    if (k == k_ && time_ > 0.0) return;
    k_ = k;
    const auto at = flux_.atScale(k_);
    const std::size_t nu = grid_.nu();
    if (grid_.kind() == CathodeKind::Rotary) {
        // The rotation average depends on x only: one evaluation per axial column.
        std::vector<double> column(nu);
        for (std::size_t i = 0; i < nu; ++i) column[i] = at.averagedFlux1D(grid_.u(i));
        for (std::size_t c : active_) ionFlux_[c] = column[c % nu];
    } else if (grid_.kind() == CathodeKind::PlanarCircular && flux_.track().magnetOffsetM > 0.0) {
        // Rotating magnet: tabulate the time average in r, linear in between.
        const double R = grid_.target().radiusM * std::sqrt(2.0);
        const double dr = grid_.du() / kRadialOversampling;
        const std::size_t nr = static_cast<std::size_t>(std::ceil(R / dr)) + 2;
        std::vector<double> table(nr);
        for (std::size_t r = 0; r < nr; ++r) table[r] = at.averagedFlux1D(r * dr);
        for (std::size_t c : active_) {
            const double u = grid_.cathodePoint(c % nu, c / nu).norm() / dr;
            const std::size_t r = std::min(static_cast<std::size_t>(u), nr - 2);
            ionFlux_[c] = table[r] + (u - r) * (table[r + 1] - table[r]);
        }
    } else {
        // With magnet travel, the straights (|x| <= L_s / 2, where the flux depends on y
        // only) take one travel average per row y (exact reuse; not with an along-track
        // profile, which makes the straights' flux depend on x too).
        const bool reuse = settings_.magnetTravelM > 0.0 && flux_.track().alongTrack.isUniform();
        std::vector<double> straight(reuse ? grid_.nv() : 0);
        for (std::size_t j = 0; j < straight.size(); ++j) straight[j] = travelAveragedFlux(at, {0.0, grid_.v(j)});
        const double halfStraight = 0.5 * flux_.track().straightLengthM;
        const long na = static_cast<long>(active_.size());
#pragma omp parallel for schedule(static)
        for (long a = 0; a < na; ++a) {
            const std::size_t c = active_[a];
            const Eigen::Vector2d p = grid_.cathodePoint(c % nu, c / nu);
            ionFlux_[c] = reuse && std::abs(p.x()) <= halfStraight ? straight[c / nu] : travelAveragedFlux(at, p);
        }
    }
}

ErosionFront::Slopes ErosionFront::slopesAt(std::size_t i, std::size_t j, const std::vector<double>& d) const {
    const std::size_t nu = grid_.nu(), nv = grid_.nv();
    const std::size_t c = grid_.index(i, j);
    const double d0 = d[c];
    // Neighbour value; outside the target (edge or disc mask) mirror the cell itself.
    auto at = [&](long ii, long jj) {
        if (ii < 0 || ii >= static_cast<long>(nu)) return d0;
        if (grid_.periodicV())
            jj = (jj % static_cast<long>(nv) + static_cast<long>(nv)) % static_cast<long>(nv);
        else if (jj < 0 || jj >= static_cast<long>(nv))
            return d0;
        const std::size_t cc = grid_.index(static_cast<std::size_t>(ii), static_cast<std::size_t>(jj));
        return grid_.inside(cc) ? d[cc] : d0;
    };
    auto eno2 = [](double m2, double m1, double z, double p1, double p2, double h, double& minus, double& plus) {
        const double a = m2 - 2 * m1 + z, b = m1 - 2 * z + p1, e = z - 2 * p1 + p2;
        minus = (z - m1 + 0.5 * minmod(a, b)) / h;
        plus = (p1 - z - 0.5 * minmod(b, e)) / h;
    };
    Slopes s{0, 0, 0, 0};
    const long I = static_cast<long>(i), J = static_cast<long>(j);
    eno2(at(I - 2, J), at(I - 1, J), d0, at(I + 1, J), at(I + 2, J), grid_.du(), s.uMinus, s.uPlus);
    if (nv > 1) eno2(at(I, J - 2), at(I, J - 1), d0, at(I, J + 1), at(I, J + 2), grid_.spacingV(d0), s.vMinus, s.vPlus);
    return s;
}

double ErosionFront::numericalYield(const Slopes& s, double& alpha) const {
    const double gu = 0.5 * (s.uMinus + s.uPlus), gv = 0.5 * (s.vMinus + s.vPlus);
    const double su = std::max(std::abs(s.uMinus), std::abs(s.uPlus));
    const double sv = std::max(std::abs(s.vMinus), std::abs(s.vPlus));
    alpha = tableG(std::sqrt(su * su + sv * sv));
    const double y = tableF(std::sqrt(gu * gu + gv * gv)) + 0.5 * alpha * ((s.uPlus - s.uMinus) + (s.vPlus - s.vMinus));
    return std::max(0.0, y);
}

void ErosionFront::evaluateRates(const std::vector<double>& d, std::vector<double>& rate, double& maxRate,
                                 double& maxAlphaC) const {
    grossRates(d, rate, maxRate, maxAlphaC);  // maxRate stays the gross one: a safe step bound
    if (!redeposition_) return;
    redeposition_->apply(d, rate, redeposited_);
    for (std::size_t c : active_) rate[c] -= redeposited_[c];
}

EmissionBalance ErosionFront::emissionBalance() const {
    std::vector<double> gross(grid_.size(), 0.0), escape;
    double unusedRate = 0.0, unusedAlpha = 0.0;
    grossRates(depth_, gross, unusedRate, unusedAlpha);
    const double toAtoms = rate_.atomicDensityPerM3() * grid_.cellArea();
    EmissionBalance b;
    for (std::size_t c : active_) b.sputtered += gross[c] * toAtoms;
    if (!redeposition_) {
        b.escaped = b.sputtered;
        return b;
    }
    std::vector<double> redeposited;
    redeposition_->apply(depth_, gross, redeposited, &escape);
    for (std::size_t c = 0; c < grid_.size(); ++c) {
        b.redeposited += redeposited[c] * toAtoms;
        b.escaped += gross[c] * escape[c] * toAtoms;
    }
    return b;
}

void ErosionFront::grossRates(const std::vector<double>& d, std::vector<double>& rate, double& maxRate,
                              double& maxAlphaC) const {
    const std::size_t nu = grid_.nu();
    const double invN = 1.0 / rate_.atomicDensityPerM3();
    const long na = static_cast<long>(active_.size());
    double mr = 0.0, ma = 0.0;
#pragma omp parallel for schedule(static) reduction(max : mr, ma)
    for (long a = 0; a < na; ++a) {
        const std::size_t c = active_[a];
        double alpha = 0.0;
        const double y = numericalYield(slopesAt(c % nu, c / nu, d), alpha);
        const double coeff = ionFlux_[c] * multiplier_[c] * invN;
        rate[c] = coeff * y;
        mr = std::max(mr, rate[c]);
        ma = std::max(ma, alpha * coeff);
    }
    maxRate = mr;
    maxAlphaC = ma;
}

double ErosionFront::maxDepth() const {
    double m = 0.0;
    for (std::size_t c : active_) m = std::max(m, depth_[c]);
    return m;
}

double ErosionFront::erodedVolume() const {
    double v = 0.0;
    for (std::size_t c : active_) v += removed_[c];
    return v * grid_.cellArea();
}

double ErosionFront::step(double dtLimit, double depthLimitM) {
    updateFlux();
    double maxRate = 0.0, maxAlphaC = 0.0;
    evaluateRates(depth_, rate1_, maxRate, maxAlphaC);
    if (!(maxRate > 0.0)) throw std::runtime_error("erosion front: no ion flux on the target grid");
    const double dMax = maxDepth();
    const double R = grid_.target().radiusM;
    // dd/dt = dV/dt * R/(R - d) on a tube; 1 on a plane.
    const double stretch = grid_.kind() == CathodeKind::Rotary ? R / (R - dMax) : 1.0;
    double dt = std::min(dtLimit, settings_.maxDepthIncrementM / (maxRate * stretch));
    if (maxAlphaC > 0.0) {
        const double invSpacing = 1.0 / grid_.du() + (grid_.nv() > 1 ? 1.0 / grid_.spacingV(dMax) : 0.0);
        dt = std::min(dt, settings_.cflNumber / (maxAlphaC * invSpacing));
    }
    dt = std::min(dt, std::max(0.0, depthLimitM - dMax) / (maxRate * stretch));
    if (!(dt > 0.0)) return 0.0;

    const double vCap = grid_.removedVolumeFromDepth(grid_.target().thicknessM);
    stage_ = removed_;
    stageDepth_ = depth_;
    for (std::size_t c : active_) {
        stage_[c] = std::clamp(removed_[c] + dt * rate1_[c], 0.0, vCap);
        stageDepth_[c] = grid_.depthFromRemovedVolume(stage_[c]);
    }
    double unusedRate = 0.0, unusedAlpha = 0.0;
    evaluateRates(stageDepth_, rate2_, unusedRate, unusedAlpha);
    for (std::size_t c : active_) {
        removed_[c] = std::clamp(0.5 * (removed_[c] + stage_[c] + dt * rate2_[c]), 0.0, vCap);
        depth_[c] = grid_.depthFromRemovedVolume(removed_[c]);
    }
    time_ += dt;
    return dt;
}

void ErosionFront::restore(const std::vector<double>& removedVolume, double timeS) {
    if (removedVolume.size() != grid_.size())
        throw std::invalid_argument("erosion front restore: " + std::to_string(removedVolume.size()) +
                                    " cells given, the grid has " + std::to_string(grid_.size()));
    if (!(timeS >= 0.0)) throw std::invalid_argument("erosion front restore: time must be >= 0");
    const double vCap = grid_.removedVolumeFromDepth(grid_.target().thicknessM);
    for (double v : removedVolume)
        if (!(v >= 0.0 && v <= vCap * (1 + 1e-9)))
            throw std::invalid_argument("erosion front restore: removed volume outside [0, target thickness]");
    removed_ = removedVolume;
    for (std::size_t c = 0; c < removed_.size(); ++c) {
        removed_[c] = std::min(removed_[c], vCap);
        depth_[c] = grid_.depthFromRemovedVolume(removed_[c]);
    }
    time_ = timeS;
    k_ = -1.0;  // forces updateFlux to take the width scale of the restored depth
    updateFlux();
}

GridSurface ErosionFront::surface(int outputAngularCells) const {
    const bool expand = grid_.kind() == CathodeKind::Rotary && grid_.nv() == 1;
    const ErosionGrid out =
        expand ? ErosionGrid(grid_.target(), settings_.gridSpacingM, std::max(1, outputAngularCells), settings_.origin)
               : grid_;
    GridSurface s;
    s.nu = out.nu();
    s.nv = out.nv();
    const std::size_t n = s.size();
    s.points.resize(n);
    std::vector<double> depthMm(n), remainingMm(n), ion(n), sputtered(n), angle(n);
    std::vector<Eigen::Vector3d> normal(n);
    const auto at = flux_.atScale(k_);
    const double T = grid_.target().thicknessM;
    // Groove redeposition: escape fraction and redeposited flux of the state cells.
    std::vector<double> stateEscape, stateRedeposited, gross, redeposited, escape;
    if (redeposition_) {
        std::vector<double> grossState(grid_.size(), 0.0);
        double unusedRate = 0.0, unusedAlpha = 0.0;
        grossRates(depth_, grossState, unusedRate, unusedAlpha);
        redeposition_->apply(depth_, grossState, stateRedeposited, &stateEscape);
        for (double& r : stateRedeposited) r *= rate_.atomicDensityPerM3();  // dV/dt -> atoms m^-2 s^-1
        gross.resize(n);
        redeposited.resize(n);
        escape.resize(n);
    }
    for (std::size_t j = 0; j < out.nv(); ++j)
        for (std::size_t i = 0; i < out.nu(); ++i) {
            const std::size_t o = out.index(i, j);
            const std::size_t c = expand ? i : o;  // state cell
            const Slopes sl = slopesAt(c % grid_.nu(), c / grid_.nu(), depth_);
            double alpha = 0.0;
            const double yHat = numericalYield(sl, alpha);
            const double gu = 0.5 * (sl.uMinus + sl.uPlus), gv = 0.5 * (sl.vMinus + sl.vPlus);
            const double d = depth_[c];
            s.points[o] = out.surfacePoint(i, j, d);
            normal[o] = out.surfaceNormal(i, j, d, gu, gv);
            depthMm[o] = d * 1e3;
            remainingMm[o] = grid_.inside(c) ? (T - d) * 1e3 : 0.0;
            angle[o] = std::atan(std::hypot(gu, gv)) * 180.0 / kPi;
            ion[o] = ionFlux_[c];
            double emitting = ionFlux_[c];
            if (grid_.kind() == CathodeKind::Rotary) {
                // Lab frame: the racetrack sits at arc length t = R phi from the line facing
                // the substrate; the tube surface is the rotation-averaged one.
                emitting = at.labFluxDensity({out.u(i), grid_.target().radiusM * out.v(j)});
            }
            sputtered[o] = emitting * multiplier_[c] * yHat;
            if (redeposition_) {
                gross[o] = sputtered[o];
                escape[o] = stateEscape[c];
                redeposited[o] = stateRedeposited[c];
                sputtered[o] *= stateEscape[c];
            }
        }
    s.setScalar("depth_mm", std::move(depthMm));
    s.setScalar("remaining_thickness_mm", std::move(remainingMm));
    s.setScalar("ion_flux_per_m2_s", std::move(ion));
    s.setScalar("sputtered_flux_per_m2_s", std::move(sputtered));
    s.setScalar("incidence_angle_deg", std::move(angle));
    s.setVector("surface_normal", std::move(normal));
    if (redeposition_) {
        s.setScalar("gross_sputtered_flux_per_m2_s", std::move(gross));
        s.setScalar("redeposited_flux_per_m2_s", std::move(redeposited));
        s.setScalar("escape_fraction", std::move(escape));
    }
    return s;
}

}  // namespace magtwin
