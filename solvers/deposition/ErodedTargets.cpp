#include "deposition/ErodedTargets.hpp"

#include "elements/ElementTable.hpp"
#include "erosion/ErosionFront.hpp"
#include "erosion/ErosionLife.hpp"
#include "erosion/ErosionRate.hpp"
#include "racetrack/IonSupply.hpp"
#include "racetrack/RacetrackFlux.hpp"
#include "yield/SputterYield.hpp"

#include <algorithm>
#include <map>
#include <sstream>
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
        m.spec.alongTrack = r.alongTrack;
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

/// Rotary wobble: average of the flux field turned by a_k = A s_k around the tube with the
/// weights of the tube's swing (motion/SwingAverage; periodic, linear between angular cells).
/// Exact for an axisymmetric tube.
void wobbleAverageRotary(GridSurface& map, const RotaryTube& tube) {
    const double amplitudeRad = tube.wobbleAmplitudeRad;
    if (amplitudeRad <= 0) return;
    const SwingQuadrature swing = swingQuadrature(tube.wobbleWaveform, tube.wobbleDwellFraction, tube.wobbleSamples);
    const std::string field = "sputtered_flux_per_m2_s";
    const std::vector<double> flux = map.scalar(field);
    std::vector<double> out(flux.size(), 0.0);
    const double cellsPerRad = double(map.nv) / (2 * M_PI);
    for (std::size_t k = 0; k < swing.nodes.size(); ++k) {
        const double shift = amplitudeRad * swing.nodes[k] * cellsPerRad;
        const double base = std::floor(shift);
        const double w = shift - base;
        for (std::size_t j = 0; j < map.nv; ++j) {
            const long n = long(map.nv);
            const std::size_t j0 = std::size_t(((long(j) - long(base)) % n + n) % n);
            const std::size_t j1 = std::size_t(((long(j) - long(base) - 1) % n + n) % n);
            for (std::size_t i = 0; i < map.nu; ++i)
                out[map.index(i, j)] +=
                    ((1 - w) * flux[map.index(i, j0)] + w * flux[map.index(i, j1)]) * swing.weights[k] / swing.weightSum;
        }
    }
    map.setScalar(field, std::move(out));
}

}  // namespace

double groupLifeKWh(const CathodeGroup& g, double runLifeKWh) { return g.lifeKWh >= 0 ? g.lifeKWh : runLifeKWh; }

/// Everything the erosion engine needs for one group's target, owned together (the front
/// references the flux and the rate).
struct GroupErosion::Engine {
    ErosionModel model;
    std::unique_ptr<SputterYield> yield;
    std::unique_ptr<ErosionRate> rate;
    std::unique_ptr<RacetrackFlux> flux;
    std::unique_ptr<ErosionFront> front;
    double powerW = 0;
};

GroupErosion::GroupErosion(const CathodeGroup& g) : group_(g), engine_(std::make_unique<Engine>()) {
    if (!(g.targetThicknessM > 0))
        throw std::invalid_argument(g.name + ": a used target needs its target_thickness for the erosion engine");
    if (!(g.powerW > 0)) throw std::invalid_argument(g.name + ": a used target needs power > 0");
    Engine& e = *engine_;
    e.model = erosionModelOf(g);
    const ElementTable& t = ElementTable::builtin();
    const Element& ion = t.get(g.discharge.gas);
    const Element& target = t.get(g.discharge.targetMaterial);
    DischargeOperatingPoint op;
    op.powerW = g.powerW;
    op.voltageV = g.discharge.voltageV;
    op.secondaryElectronYield = g.discharge.secondaryElectronYield;
    const IonSupply supply = ionSupplyFrom(op, ion, target);
    e.powerW = supply.powerW;
    // The erosion engine's default angular factor (Yamamura 1983, cli/ErosionConfig).
    e.yield = std::make_unique<SputterYield>(g.discharge.yieldModel, "yamamura1983", ion, target);
    e.rate = std::make_unique<ErosionRate>(*e.yield, supply.ionEnergyEv, target.atomicDensityPerM3());
    e.flux = std::make_unique<RacetrackFlux>(e.model.geometry, e.model.spec,
                                             e.model.profile ? e.model.profile
                                                              : std::make_shared<GaussianProfile>(e.model.sigmaM),
                                             supply.ionsPerSecond);
    ErosionSettings settings;
    settings.gridSpacingM = e.model.gridSpacingM;
    settings.origin = e.model.origin;
    settings.narrowing.magnetDistanceM = g.magnetDistanceM;  // groove narrowing, exponent 1 (TrackNarrowing)
    settings.grooveRedeposition = g.grooveRedeposition;
    if (g.type == CathodeGroup::Type::PlanarRect) {  // magnet travel: the erosion engine's time average
        settings.magnetTravelM = g.rect.wobbleAmplitudeM;
        settings.magnetTravelSamples = g.rect.wobbleSamples;
        settings.magnetTravelWaveform = g.rect.wobbleWaveform;
        settings.magnetTravelDwellFraction = g.rect.wobbleDwellFraction;
    }
    e.front = std::make_unique<ErosionFront>(*e.flux, *e.rate, settings);
}

GroupErosion::~GroupErosion() = default;

double GroupErosion::lifeKWh() const { return engine_->powerW * engine_->front->time() / 3.6e6; }

GridSurface GroupErosion::mapAt(double lifeKWh) {
    if (lifeKWh < this->lifeKWh() * (1 - 1e-12))
        throw std::invalid_argument(group_.name + ": erosion state is at " + std::to_string(this->lifeKWh()) +
                                    " kWh, cannot go back to " + std::to_string(lifeKWh));
    return emissionMapAtLife(*engine_->front, engine_->powerW, lifeKWh, kMinRemainingThicknessM,
                             engine_->model.angularCells);
}

double GroupErosion::erodedVolumeM3() const { return engine_->front->erodedVolume(); }

double GroupErosion::endOfLifeKWh() const { return endOfLife().lifeKWh; }

TargetEndOfLife GroupErosion::endOfLife() const {
    ErosionFront copy = *engine_->front;
    LifeSettings life;
    life.minRemainingThicknessM = kMinRemainingThicknessM;
    life.outputAngularCells = 8;
    const LifeResult r = runToEndOfLife(copy, engine_->powerW, life);
    return {r.lifeKWh, r.erodedVolumeM3, copy.grid().targetVolume()};
}

std::string erosionKey(const CathodeGroup& g) {
    std::ostringstream k;
    k.precision(17);
    const CathodeGroup::Type t = g.type;
    k << int(t) << '|' << g.powerW << '|' << g.targetThicknessM << '|' << g.magnetDistanceM << '|' << g.discharge.gas
      << '|' << g.discharge.targetMaterial << '|' << g.discharge.voltageV << '|' << g.discharge.secondaryElectronYield
      << '|' << g.discharge.yieldModel << '|' << g.grooveRedeposition << '|';
    const auto track = [&k](const RacetrackShape& r) {
        // A profile object is keyed by its address: one array shares one profile; two groups
        // with separately read, equal profiles erode separately (correct, only slower).
        k << r.separationM << ',' << r.sigmaM << ',' << r.loopLengthM << ',' << r.turnaroundEnhancement << ','
          << r.profile.get() << ',' << r.alongTrack.key() << '|';
    };
    if (t == CathodeGroup::Type::RotaryArray) {
        k << g.tube.lengthM << ',' << g.tube.outerRadiusM << ',' << g.tube.axialPitchM << ',' << g.tube.angularPitchRad
          << ',' << g.tube.axisZ << '|';
        track(g.tube.track);
    } else if (t == CathodeGroup::Type::PlanarRect) {
        k << g.rect.lengthM << ',' << g.rect.widthM << ',' << g.rect.pitchM << ',' << g.rect.centre.z() << ','
          << g.rect.wobbleAmplitudeM << ',' << g.rect.wobbleSamples << ',' << swingWaveformName(g.rect.wobbleWaveform)
          << ',' << g.rect.wobbleDwellFraction << '|';
        track(g.rect.track);
    } else {
        k << g.circular.radiusM << ',' << g.circular.trackRadiusM << ',' << g.circular.sigmaM << ','
          << g.circular.pitchM << ',' << g.circular.centre.z() << ',' << g.circular.magnetOffsetM << ','
          << g.circular.magnetAngleSamples << ',' << g.circular.profile.get() << '|';
    }
    return k.str();
}

TargetErosionState::TargetErosionState(const std::vector<CathodeGroup>& groups) : groups_(groups) {
    for (const CathodeGroup& g : groups_) {
        const std::string key = erosionKey(g);
        shared_.push_back(key);
        if (!engines_.count(key)) engines_.emplace(key, nullptr);
    }
}

std::vector<ErodedGroup> TargetErosionState::at(double runLifeKWh,
                                                std::shared_ptr<const EmissionAngularDistribution> angular) {
    std::vector<ErodedGroup> out(groups_.size());
    std::map<std::string, GridSurface> maps;  // one erosion per distinct key and life point
    std::map<std::string, double> volumes;    // the removed volume at that point
    for (std::size_t k = 0; k < groups_.size(); ++k) {
        const CathodeGroup& g = groups_[k];
        ErodedGroup& e = out[k];
        e.lifeKWh = groupLifeKWh(g, runLifeKWh);
        if (!(e.lifeKWh >= 0)) throw std::invalid_argument(g.name + ": target life must be >= 0 kWh");
        if (e.lifeKWh == 0) continue;
        const std::string key = shared_[k] + std::to_string(e.lifeKWh);
        auto it = maps.find(key);
        if (it == maps.end()) {
            auto& engine = engines_[shared_[k]];
            if (!engine || engine->lifeKWh() > e.lifeKWh * (1 + 1e-12)) engine = std::make_unique<GroupErosion>(g);
            it = maps.emplace(key, engine->mapAt(e.lifeKWh)).first;
            volumes[key] = engine->erodedVolumeM3();
        }
        e.erodedVolumeM3 = volumes.at(key);
        GridSurface map = it->second;
        if (g.type == CathodeGroup::Type::RotaryArray) wobbleAverageRotary(map, g.tube);
        const auto& depth = map.scalar("depth_mm");
        e.maxDepthM = 1e-3 * *std::max_element(depth.begin(), depth.end());
        e.prototype = erodedEmissionSource(g, map, angular);
        e.eroded = true;
    }
    return out;
}

double TargetErosionState::endOfLifeKWh() {
    double eol = INFINITY;
    for (const TargetEndOfLife& e : endsOfLife()) eol = std::min(eol, e.lifeKWh);
    return eol;
}

std::vector<TargetEndOfLife> TargetErosionState::endsOfLife() {
    std::vector<TargetEndOfLife> out;
    std::map<std::string, TargetEndOfLife> byKey;  // identical targets: one run to end of life
    for (std::size_t k = 0; k < groups_.size(); ++k) {
        auto it = byKey.find(shared_[k]);
        if (it == byKey.end()) {
            auto& engine = engines_[shared_[k]];
            if (!engine) engine = std::make_unique<GroupErosion>(groups_[k]);
            it = byKey.emplace(shared_[k], engine->endOfLife()).first;
        }
        out.push_back(it->second);
    }
    return out;
}

GridSurface erodedEmissionMap(const CathodeGroup& g, double lifeKWh) {
    GroupErosion e(g);
    GridSurface map = e.mapAt(lifeKWh);
    if (g.type == CathodeGroup::Type::RotaryArray) wobbleAverageRotary(map, g.tube);
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
    // The exact eroded geometry: the fast transport groups heights and normals itself
    // (FastTransportOptions), the direct sum uses every element as it is.
    for (auto& el : s.elements) {
        const Eigen::Vector3d p = el.position, n = el.normal;
        el.position = {centre.x() - p.y(), centre.y() + p.x(), p.z()};
        el.normal = Eigen::Vector3d(-n.y(), n.x(), n.z());
    }
    return s;
}

std::vector<ErodedGroup> erodeCathodeGroups(const std::vector<CathodeGroup>& groups,
                                            std::shared_ptr<const EmissionAngularDistribution> angular,
                                            double runLifeKWh) {
    TargetErosionState state(groups);
    return state.at(runLifeKWh, std::move(angular));
}

}  // namespace magtwin
