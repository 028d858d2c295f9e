#include "solvers/erosion/ErosionLife.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr double kJoulePerKWh = 3.6e6;
/// Stop within this fraction of the maximum depth increment of the end-of-life depth.
constexpr double kEndTolerance = 1e-3;

const std::vector<double>& field(const ProfileLine& p, const std::string& name) {
    for (const auto& f : p.scalars)
        if (f.first == name) return f.second;
    throw std::out_of_range("profile has no field " + name);
}

}  // namespace

double fullWidthHalfMax(const std::vector<double>& x, const std::vector<double>& d) {
    if (x.size() != d.size() || x.size() < 2) return 0.0;
    const std::size_t m = static_cast<std::size_t>(std::max_element(d.begin(), d.end()) - d.begin());
    const double half = 0.5 * d[m];
    if (!(d[m] > 0.0)) return 0.0;
    auto cross = [&](std::size_t a, std::size_t b) {  // d[a] >= half > d[b]
        return x[a] + (half - d[a]) * (x[b] - x[a]) / (d[b] - d[a]);
    };
    std::size_t lo = m;
    while (lo > 0 && d[lo - 1] >= half) --lo;
    std::size_t hi = m;
    while (hi + 1 < d.size() && d[hi + 1] >= half) ++hi;
    const double left = lo > 0 ? cross(lo, lo - 1) : x[lo];
    const double right = hi + 1 < d.size() ? cross(hi, hi + 1) : x[hi];
    return std::abs(right - left);
}

ProfileLine grooveCrossSection(const ErosionFront& front, const GridSurface& s) {
    const ErosionGrid& g = front.grid();
    const auto& depth = s.scalar("depth_mm");
    const auto& emitted = s.scalar("sputtered_flux_per_m2_s");
    ProfileLine line;
    std::vector<double> pos, dep, emi;
    auto add = [&](std::size_t o, double coordinate) {
        line.points.push_back(s.points[o]);
        pos.push_back(coordinate * 1e3);
        dep.push_back(depth[o]);
        emi.push_back(emitted[o]);
    };
    if (g.kind() == CathodeKind::PlanarRect) {
        const std::size_t i = s.nu / 2;
        for (std::size_t j = 0; j < s.nv; ++j) add(s.index(i, j), g.v(j));
    } else if (g.kind() == CathodeKind::PlanarCircular) {
        const std::size_t j = s.nv / 2;
        for (std::size_t i = 0; i < s.nu; ++i) add(s.index(i, j), g.u(i));
    } else {
        for (std::size_t i = 0; i < s.nu; ++i) add(s.index(i, 0), g.u(i));
    }
    line.scalars = {{"position_mm", pos}, {"depth_mm", dep}, {"sputtered_flux_per_m2_s", emi}};
    return line;
}

namespace {

double grooveFwhm(const ErosionFront& front, const ProfileLine& line) {
    const auto& pos = field(line, "position_mm");
    const auto& dep = field(line, "depth_mm");
    std::vector<double> x, d;
    const bool halfOnly = front.grid().kind() != CathodeKind::Rotary;  // one groove of the pair
    for (std::size_t k = 0; k < pos.size(); ++k)
        if (pos[k] >= 0.0) {
            x.push_back(pos[k] * 1e-3);
            d.push_back(dep[k] * 1e-3);
        }
    if (!halfOnly && !d.empty()) {
        // Rotary: the end-zone groove is what stands above the uniform middle erosion.
        const double middle = d.front();
        for (double& v : d) v = std::max(0.0, v - middle);
    }
    return fullWidthHalfMax(x, d);
}

LifeSnapshot snapshot(const ErosionFront& front, double powerW, int angularCells) {
    LifeSnapshot s;
    s.timeS = front.time();
    s.lifeKWh = powerW * front.time() / kJoulePerKWh;
    s.maxDepthM = front.maxDepth();
    s.widthScale = front.widthScale();
    s.erodedVolumeM3 = front.erodedVolume();
    s.surface = front.surface(angularCells);
    s.crossSection = grooveCrossSection(front, s.surface);
    s.grooveFwhmM = grooveFwhm(front, s.crossSection);
    return s;
}

}  // namespace

LifeResult runToEndOfLife(ErosionFront& front, double powerW, const LifeSettings& settings,
                          const LifeProgress& progress) {
    if (!(powerW > 0.0)) throw std::invalid_argument("end of life: power must be positive");
    const double T = front.grid().target().thicknessM;
    if (!(settings.minRemainingThicknessM >= 0.0 && settings.minRemainingThicknessM < T))
        throw std::invalid_argument("minimum remaining thickness must be in [0, target thickness)");
    const double depthLimit = T - settings.minRemainingThicknessM;
    const double tLimit = settings.lifeLimitKWh ? *settings.lifeLimitKWh * kJoulePerKWh / powerW
                                                : std::numeric_limits<double>::infinity();
    std::vector<double> outTimes;
    for (double kwh : settings.outputLifeKWh) {
        if (!(kwh >= 0.0)) throw std::invalid_argument("output life points must be >= 0 kWh");
        outTimes.push_back(kwh * kJoulePerKWh / powerW);
    }
    std::sort(outTimes.begin(), outTimes.end());

    LifeResult r;
    std::size_t nextOut = 0;
    const double tolerance = kEndTolerance * 1e-4;  // metres: 0.1 um
    while (true) {
        while (nextOut < outTimes.size() && outTimes[nextOut] <= front.time() * (1 + 1e-12)) {
            if (settings.snapshots) r.snapshots.push_back(snapshot(front, powerW, settings.outputAngularCells));
            ++nextOut;
        }
        const double dMax = front.maxDepth();
        if (dMax >= depthLimit - tolerance) {
            r.endReason = "min-thickness";
            break;
        }
        if (front.time() >= tLimit * (1 - 1e-12)) {
            r.endReason = "kWh-limit";
            break;
        }
        double dtLimit = tLimit - front.time();
        if (nextOut < outTimes.size()) dtLimit = std::min(dtLimit, outTimes[nextOut] - front.time());
        const double dt = front.step(dtLimit, depthLimit);
        if (!(dt > 0.0)) {
            r.endReason = "min-thickness";
            break;
        }
        ++r.steps;
        if (progress)
            progress(std::max(dMax / depthLimit, front.time() / tLimit), powerW * front.time() / kJoulePerKWh);
    }
    r.lifeKWh = powerW * front.time() / kJoulePerKWh;
    r.maxDepthM = front.maxDepth();
    r.erodedVolumeM3 = front.erodedVolume();
    r.utilization = r.erodedVolumeM3 / front.grid().targetVolume();
    if (settings.snapshots && (r.snapshots.empty() || r.snapshots.back().timeS < front.time()))
        r.snapshots.push_back(snapshot(front, powerW, settings.outputAngularCells));
    return r;
}

GridSurface emissionMapAtLife(ErosionFront& front, double powerW, double lifeKWh, double minRemainingThicknessM,
                              int outputAngularCells) {
    if (!(lifeKWh >= 0.0)) throw std::invalid_argument("life point must be >= 0 kWh");
    if (lifeKWh == 0.0 && front.time() == 0.0) return front.surface(outputAngularCells);
    LifeSettings life;
    life.minRemainingThicknessM = minRemainingThicknessM;
    life.lifeLimitKWh = lifeKWh;
    life.outputAngularCells = outputAngularCells;
    LifeResult r = runToEndOfLife(front, powerW, life);
    if (r.endReason != "kWh-limit")
        throw std::invalid_argument("life point " + std::to_string(lifeKWh) +
                                    " kWh is beyond the end of life of this target (" + std::to_string(r.lifeKWh) +
                                    " kWh)");
    return std::move(r.snapshots.back().surface);
}

}  // namespace magtwin
