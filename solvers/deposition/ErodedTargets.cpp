#include "deposition/ErodedTargets.hpp"

#include "elements/ElementTable.hpp"
#include "erosion/ErosionFront.hpp"
#include "erosion/ErosionLife.hpp"
#include "erosion/ErosionRate.hpp"
#include "racetrack/IonSupply.hpp"
#include "racetrack/RacetrackFlux.hpp"
#include "yield/SputterYield.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

/// Minimum remaining target thickness at end of life (ErosionLife's default).
constexpr double kMinRemainingThicknessM = 1e-3;

struct ErosionModel {
    TargetGeometry geometry;
    RacetrackSpec spec;
    double sigmaM = 0.0;
    std::shared_ptr<const TrackProfile> profile;  ///< null: the Gaussian of sigmaM
    double gridSpacingM = 0.0;
    Eigen::Vector3d origin = Eigen::Vector3d::Zero();
    int angularCells = 72;
};

ErosionModel erosionModelOf(const CathodeGroup& g) {
    ErosionModel m;
    m.geometry.thicknessM = g.targetThicknessM;
    auto stadium = [&m](const RacetrackShape& r) {
        m.spec.straightLengthM = r.loopLengthM - r.separationM;
        m.spec.trackSeparationM = r.separationM;
        m.spec.turnaroundEnhancement = r.turnaroundEnhancement;
        m.sigmaM = r.sigmaM;
        m.profile = r.profile;
    };
    switch (g.type) {
        case CathodeGroup::Type::RotaryArray:
            m.geometry.kind = CathodeKind::Rotary;
            m.geometry.lengthM = g.tube.lengthM;
            m.geometry.radiusM = g.tube.outerRadiusM;
            stadium(g.tube.track);
            m.gridSpacingM = g.tube.axialPitchM;
            m.origin = {0.0, 0.0, g.tube.axisZ};
            m.angularCells = std::max(8, int(std::round(2 * M_PI / g.tube.angularPitchRad)));
            break;
        case CathodeGroup::Type::PlanarRect:
            if (g.rect.wobbleAmplitudeM > 0)
                throw std::invalid_argument(g.name + ": an eroded planar-rect target with magnet wobble is not modelled "
                                                     "(the erosion engine has no magnet sweep); set wobble_amplitude: 0 mm");
            m.geometry.kind = CathodeKind::PlanarRect;
            m.geometry.lengthM = g.rect.lengthM;
            m.geometry.widthM = g.rect.widthM;
            stadium(g.rect.track);
            m.gridSpacingM = g.rect.pitchM;
            m.origin = {0.0, 0.0, g.rect.centre.z()};
            break;
        case CathodeGroup::Type::PlanarCircular:
            if (!(g.circular.trackRadiusM > 0))
                throw std::invalid_argument(g.name + ": an eroded planar-circular target needs track_radius > 0");
            m.geometry.kind = CathodeKind::PlanarCircular;
            m.geometry.radiusM = g.circular.radiusM;
            m.spec.ringRadiusM = g.circular.trackRadiusM;
            m.spec.magnetOffsetM = g.circular.magnetOffsetM;
            m.spec.magnetAngleSamples = g.circular.magnetAngleSamples;
            m.sigmaM = g.circular.sigmaM;
            m.profile = g.circular.profile;
            m.gridSpacingM = g.circular.pitchM;
            m.origin = {0.0, 0.0, g.circular.centre.z()};
            break;
    }
    return m;
}

/// Rotary wobble: average of the flux field turned by a_k = A cos((2k-1) pi / 2n) around
/// the tube (periodic, linear between angular cells). Exact for an axisymmetric tube.
void wobbleAverageRotary(GridSurface& map, double amplitudeRad, int samples) {
    if (amplitudeRad <= 0) return;
    const std::string field = "sputtered_flux_per_m2_s";
    const std::vector<double> flux = map.scalar(field);
    std::vector<double> out(flux.size(), 0.0);
    const double cellsPerRad = double(map.nv) / (2 * M_PI);
    for (int k = 1; k <= samples; ++k) {
        const double shift = amplitudeRad * std::cos((2 * k - 1) * M_PI / (2 * samples)) * cellsPerRad;
        const double base = std::floor(shift);
        const double w = shift - base;
        for (std::size_t j = 0; j < map.nv; ++j) {
            const long n = long(map.nv);
            const std::size_t j0 = std::size_t(((long(j) - long(base)) % n + n) % n);
            const std::size_t j1 = std::size_t(((long(j) - long(base) - 1) % n + n) % n);
            for (std::size_t i = 0; i < map.nu; ++i)
                out[map.index(i, j)] += ((1 - w) * flux[map.index(i, j0)] + w * flux[map.index(i, j1)]) / samples;
        }
    }
    map.setScalar(field, std::move(out));
}

}  // namespace

double groupLifeKWh(const CathodeGroup& g, double runLifeKWh) { return g.lifeKWh >= 0 ? g.lifeKWh : runLifeKWh; }

GridSurface erodedEmissionMap(const CathodeGroup& g, double lifeKWh) {
    if (!(g.targetThicknessM > 0))
        throw std::invalid_argument(g.name + ": a used target (life " + std::to_string(lifeKWh) +
                                    " kWh) needs its target_thickness for the erosion engine");
    if (!(g.powerW > 0)) throw std::invalid_argument(g.name + ": a used target needs power > 0");
    const ErosionModel m = erosionModelOf(g);
    const ElementTable& t = ElementTable::builtin();
    const Element& ion = t.get(g.discharge.gas);
    const Element& target = t.get(g.discharge.targetMaterial);
    DischargeOperatingPoint op;
    op.powerW = g.powerW;
    op.voltageV = g.discharge.voltageV;
    op.secondaryElectronYield = g.discharge.secondaryElectronYield;
    const IonSupply supply = ionSupplyFrom(op, ion, target);
    // The erosion engine's default angular factor (Yamamura 1983, cli/ErosionConfig).
    const SputterYield yield(g.discharge.yieldModel, "yamamura1983", ion, target);
    const ErosionRate rate(yield, supply.ionEnergyEv, target.atomicDensityPerM3());
    const RacetrackFlux flux(m.geometry, m.spec, m.profile ? m.profile : std::make_shared<GaussianProfile>(m.sigmaM),
                             supply.ionsPerSecond);
    ErosionSettings settings;
    settings.gridSpacingM = m.gridSpacingM;
    settings.origin = m.origin;
    settings.narrowing.magnetDistanceM = g.magnetDistanceM;  // groove narrowing, exponent 1 (TrackNarrowing)
    ErosionFront front(flux, rate, settings);
    GridSurface map = emissionMapAtLife(front, supply.powerW, lifeKWh, kMinRemainingThicknessM, m.angularCells);
    if (g.type == CathodeGroup::Type::RotaryArray) wobbleAverageRotary(map, g.tube.wobbleAmplitudeRad, g.tube.wobbleSamples);
    return map;
}

EmissionSource erodedEmissionSource(const CathodeGroup& g, const GridSurface& map,
                                    std::shared_ptr<const EmissionAngularDistribution> angular) {
    EmissionSource s = emissionSourceFromGrid(map, std::move(angular), "sputtered_flux_per_m2_s", "surface_normal",
                                              g.type == CathodeGroup::Type::RotaryArray);
    // Into the deposition frame: long axis along y, centred on the group's (x, y).
    const Eigen::Vector2d centre = g.type == CathodeGroup::Type::RotaryArray ? Eigen::Vector2d(g.tube.axisX, g.tube.centreY)
                                   : g.type == CathodeGroup::Type::PlanarCircular
                                       ? Eigen::Vector2d(g.circular.centre.x(), g.circular.centre.y())
                                       : Eigen::Vector2d(g.rect.centre.x(), g.rect.centre.y());
    // Heights snapped to 0.1 mm and normals to 1e-3 per component: the eroded surface has a
    // different height and normal at nearly every element, and the fast transport costs one
    // FFT per (height, normal) class. Error (FastConvolutionTransport.hpp): at most
    // 2 dh/h + dn tan(theta) with dh = 0.05 mm, dn = 5e-4: ~1e-3 at the far edge of the glass
    // for h ~ 0.17 m, where these elements contribute little; the groove (millimetres) and
    // its wall tilt (0.1-0.5 rad) are resolved.
    constexpr double kHeightStepM = 1e-4, kNormalStep = 1e-3;
    auto snap = [](double v, double step) { return step * std::round(v / step); };
    for (auto& el : s.elements) {
        const Eigen::Vector3d p = el.position, n = el.normal;
        el.position = {centre.x() - p.y(), centre.y() + p.x(), snap(p.z(), kHeightStepM)};
        el.normal = Eigen::Vector3d(snap(-n.y(), kNormalStep), snap(n.x(), kNormalStep), snap(n.z(), kNormalStep)).normalized();
    }
    return s;
}

std::vector<ErodedGroup> erodeCathodeGroups(const std::vector<CathodeGroup>& groups,
                                            std::shared_ptr<const EmissionAngularDistribution> angular,
                                            double runLifeKWh) {
    std::vector<ErodedGroup> out(groups.size());
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const CathodeGroup& g = groups[k];
        ErodedGroup& e = out[k];
        e.lifeKWh = groupLifeKWh(g, runLifeKWh);
        if (!(e.lifeKWh >= 0)) throw std::invalid_argument(g.name + ": target life must be >= 0 kWh");
        if (e.lifeKWh == 0) continue;
        const GridSurface map = erodedEmissionMap(g, e.lifeKWh);
        const auto& depth = map.scalar("depth_mm");
        e.maxDepthM = 1e-3 * *std::max_element(depth.begin(), depth.end());
        e.prototype = erodedEmissionSource(g, map, angular);
        e.eroded = true;
    }
    return out;
}

}  // namespace magtwin
