#include "solvers/deposition/ErodedTargets.hpp"

#include "boundary/util/TextNumber.hpp"
#include "solvers/chamber/ErosionEngine.hpp"
#include "solvers/erosion/ErosionFront.hpp"
#include "solvers/erosion/ErosionLife.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// Cells around a rotary tube of the emission map (the deposition mesh's angular pitch).
int mapAngularCells(const CathodeGroup& g) {
    if (g.type != CathodeGroup::Type::RotaryArray) return 72;  // not used by planar maps
    return std::max(8, int(std::round(2 * M_PI / g.cathode.meshAngularPitchRad)));
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
                out[map.index(i, j)] += ((1 - w) * flux[map.index(i, j0)] + w * flux[map.index(i, j1)]) *
                                        swing.weights[k] / swing.weightSum;
        }
    }
    map.setScalar(field, std::move(out));
}

}  // namespace

double groupLifeKWh(const CathodeGroup& g, double runLifeKWh) { return g.lifeKWh >= 0 ? g.lifeKWh : runLifeKWh; }

/// The group's erosion engine (makeErosionEngine: the one builder) and the state of its
/// target; the engine's own front stays the new target (end of life runs from there).
struct GroupErosion::Engine {
    std::unique_ptr<ErosionEngine> engine;
    std::unique_ptr<ErosionFront> state;
    std::optional<TargetEndOfLife> end;  ///< computed once
};

GroupErosion::GroupErosion(const CathodeGroup& g) : group_(g), engine_(std::make_unique<Engine>()) {
    if (!(g.cathode.target.thicknessM > 0))
        throw std::invalid_argument(g.name + ": a used target needs its target_thickness for the erosion engine");
    if (!(g.powerW > 0)) throw std::invalid_argument(g.name + ": a used target needs power > 0");
    try {
        engine_->engine = makeErosionEngine(operatingSpec(g), g.erosion);
    } catch (const CathodeSpecError& e) {
        throw std::invalid_argument(g.name + ": " + e.key + ": " + e.what());
    }
    engine_->state = std::make_unique<ErosionFront>(*engine_->engine->front);
}

GroupErosion::~GroupErosion() = default;

double GroupErosion::lifeKWh() const { return engine_->engine->powerW() * engine_->state->time() / 3.6e6; }

GridSurface GroupErosion::mapAt(double lifeKWh) {
    if (lifeKWh < this->lifeKWh() * (1 - 1e-12))
        throw std::invalid_argument(group_.name + ": erosion state is at " + std::to_string(this->lifeKWh()) +
                                    " kWh, cannot go back to " + std::to_string(lifeKWh));
    try {
        return emissionMapAtLife(*engine_->state, engine_->engine->powerW(), lifeKWh,
                                 group_.erosion.minRemainingThicknessM, mapAngularCells(group_));
    } catch (const std::invalid_argument& e) {
        if (std::string(e.what()).find("beyond the end of life") == std::string::npos) throw;
        // Name the end of life `magtwin erode` reports (a run from the new target to its end),
        // not where this state's stepping to the life point happened to stop.
        throw std::invalid_argument(group_.name + ": life point " + textNumber(lifeKWh, 10) +
                                    " kWh is beyond the end of life of this target (" + textNumber(endOfLifeKWh(), 10) +
                                    " kWh, as magtwin erode)");
    }
}

double GroupErosion::erodedVolumeM3() const { return engine_->state->erodedVolume(); }

double GroupErosion::targetVolumeM3() const { return engine_->engine->front->grid().targetVolume(); }

void GroupErosion::setRelativeFluxYieldFactor(const std::function<double(double)>& factor) {
    engine_->state->setRelativeFluxYieldFactor(factor);
}

void TargetErosionState::setRelativeFluxYieldFactor(std::function<double(double)> factor) {
    stateFactor_ = std::move(factor);
    for (auto& [key, engine] : engines_)
        if (engine) engine->setRelativeFluxYieldFactor(stateFactor_);
}

double GroupErosion::endOfLifeKWh() const { return endOfLife().lifeKWh; }

TargetEndOfLife GroupErosion::endOfLife() const {
    if (!engine_->end) {
        // From the new target with the chamber's end-of-life settings, the run `erode` makes.
        const LifeResult r = engine_->engine->runToEndOfLife();
        engine_->end = TargetEndOfLife{r.lifeKWh, r.erodedVolumeM3, engine_->engine->front->grid().targetVolume()};
    }
    return *engine_->end;
}

std::string erosionKey(const CathodeGroup& g) {
    const CathodeSpec c = operatingSpec(g);
    const ErosionEngineSettings& e = g.erosion;
    std::ostringstream k;
    k.precision(17);
    k << int(c.kind) << '|' << dischargePowerW(c.discharge) << '|' << c.discharge.gas << '|' << c.target.material.name
      << '|' << c.discharge.voltageV << '|' << c.discharge.gammaSE << '|' << c.discharge.yieldModel << '|';
    k << c.geometry.lengthM << ',' << c.geometry.widthM << ',' << c.geometry.radiusM << ',' << c.target.thicknessM
      << ',' << c.target.magnetDistanceM << ',' << c.target.grooveRedeposition << ',' << c.target.multiplierMap.get()
      << ',' << c.meshPitchM << ',' << c.meshAngularPitchRad << '|';
    const RacetrackSpec& t = c.magnets.track;
    k << t.straightLengthM << ',' << t.trackSeparationM << ',' << t.turnaroundEnhancement << ',' << t.ringRadiusM << ','
      << t.magnetOffsetM << ',' << t.magnetAngleSamples << ',' << t.alongTrack.key() << ','
      << c.magnets.narrowingExponent << '|';
    const TrackProfileSpec& p = c.magnets.profile;
    k << p.shape << ',' << p.sigmaM << ',' << p.sigmaInnerM << ',' << p.sigmaOuterM;
    for (std::size_t i = 0; i < p.tableOffsetsM.size(); ++i) k << ',' << p.tableOffsetsM[i] << ':' << p.tableValues[i];
    k << '|';
    // A planar magnet travel changes the erosion; a rotary bar swing does not (applied to the map).
    if (c.kind == CathodeKind::PlanarRect)
        k << c.magnets.motion.wobbleTravelM << ',' << c.magnets.motion.wobbleSamples << ','
          << swingWaveformName(c.magnets.motion.waveform) << ',' << c.magnets.motion.dwellFraction;
    k << '|' << e.angular << ',' << e.gridSpacingM.value_or(-1.0) << ',' << e.maxDepthIncrementM << ','
      << e.angularCells << ',' << e.minRemainingThicknessM << ',' << e.lifeLimitKWh.value_or(-1.0);
    for (double o : e.outputLifeKWh) k << ',' << o;
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
    std::map<std::string, double> targetVolumes;
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
            if (!engine || engine->lifeKWh() > e.lifeKWh * (1 + 1e-12)) {
                engine = std::make_unique<GroupErosion>(g);
                if (stateFactor_) engine->setRelativeFluxYieldFactor(stateFactor_);
            }
            it = maps.emplace(key, engine->mapAt(e.lifeKWh)).first;
            volumes[key] = engine->erodedVolumeM3();
            targetVolumes[key] = engine->targetVolumeM3();
        }
        e.erodedVolumeM3 = volumes.at(key);
        e.targetVolumeM3 = targetVolumes.at(key);
        GridSurface map = it->second;
        if (g.type == CathodeGroup::Type::RotaryArray) wobbleAverageRotary(map, rotaryTubeOf(g));
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
            if (!engine) {
                engine = std::make_unique<GroupErosion>(groups_[k]);
                if (stateFactor_) engine->setRelativeFluxYieldFactor(stateFactor_);
            }
            it = byKey.emplace(shared_[k], engine->endOfLife()).first;
        }
        out.push_back(it->second);
    }
    return out;
}

GridSurface erodedEmissionMap(const CathodeGroup& g, double lifeKWh) {
    GroupErosion e(g);
    GridSurface map = e.mapAt(lifeKWh);
    if (g.type == CathodeGroup::Type::RotaryArray) wobbleAverageRotary(map, rotaryTubeOf(g));
    return map;
}

EmissionSource erodedEmissionSource(const CathodeGroup& g, const GridSurface& map,
                                    std::shared_ptr<const EmissionAngularDistribution> angular) {
    EmissionSource s = emissionSourceFromGrid(map, std::move(angular), "sputtered_flux_per_m2_s", "surface_normal",
                                              g.type == CathodeGroup::Type::RotaryArray);
    // Into the deposition frame: long axis along y, centred on the group's position (the
    // engine erodes in the cathode's frame, face or axis at z = 0).
    const Eigen::Vector3d& centre = g.cathode.position;
    // The exact eroded geometry: the fast transport groups heights and normals itself
    // (FastTransportOptions), the direct sum uses every element as it is.
    // A tilted planar cathode (CathodeSpec::orientation) turns the whole map about its centre
    // (the face centre, the engine's origin): position centre + R (turned p), normal R (turned n).
    const Eigen::Matrix3d& R = g.cathode.orientation;
    const bool tilted = g.cathode.tilted();
    for (auto& el : s.elements) {
        const Eigen::Vector3d p = el.position, n = el.normal;
        if (!tilted) {
            el.position = {centre.x() - p.y(), centre.y() + p.x(), centre.z() + p.z()};
            el.normal = Eigen::Vector3d(-n.y(), n.x(), n.z());
            continue;
        }
        el.position = centre + R * Eigen::Vector3d(-p.y(), p.x(), p.z());
        el.normal = R * Eigen::Vector3d(-n.y(), n.x(), n.z());
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
