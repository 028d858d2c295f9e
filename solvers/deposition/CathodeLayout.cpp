#include "solvers/deposition/CathodeLayout.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/deposition/ErodedTargets.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {

int cathodeIndexOf(const CathodeGroup& g, const std::string& name) {
    for (std::size_t i = 0; i < g.memberNames.size(); ++i)
        if (g.memberNames[i] == name) return int(i);
    return g.cathodeCount() == 1 && g.name == name ? 0 : -1;
}

CathodeGroup cathodeGroupOf(const std::vector<const CathodeSpec*>& members, const ErosionEngineSettings& erosion) {
    if (members.empty()) throw std::invalid_argument("cathode group: no cathodes");
    const CathodeSpec& c = *members.front();
    CathodeGroup g;
    g.name = c.arrayName.empty() ? c.name : c.arrayName;
    for (const CathodeSpec* m : members) g.memberNames.push_back(m->name);
    g.count = int(members.size());
    g.pitchM = c.arrayPitchM > 0 ? c.arrayPitchM : g.pitchM;
    g.type = c.kind == CathodeKind::Rotary       ? CathodeGroup::Type::RotaryArray
             : c.kind == CathodeKind::PlanarRect ? CathodeGroup::Type::PlanarRect
                                                 : CathodeGroup::Type::PlanarCircular;
    g.cathode = c;
    g.cathode.name = g.name;
    // Arrays are centred on their mean x (member k at centre + (k - (n-1)/2) pitch).
    g.cathode.position.x() = c.position.x() + 0.5 * (g.count - 1) * g.pitchM;
    g.erosion = erosion;
    g.discharge.gas = c.discharge.gas;
    g.discharge.targetMaterial = c.target.material;
    g.discharge.voltageV = c.discharge.voltageV;
    g.discharge.secondaryElectronYield = c.discharge.gammaSE;
    g.discharge.yieldModel = c.discharge.yieldModel;
    g.powerW = dischargePowerW(c.discharge);
    g.lifeKWh = c.lifeKWh;
    return g;
}

CathodeSpec operatingSpec(const CathodeGroup& g) {
    CathodeSpec s = g.cathode;
    s.target.material = g.discharge.targetMaterial;
    s.discharge.gas = g.discharge.gas;
    s.discharge.voltageV = g.discharge.voltageV;
    s.discharge.gammaSE = g.discharge.secondaryElectronYield;
    s.discharge.yieldModel = g.discharge.yieldModel;
    s.discharge.powerW = g.powerW;
    s.discharge.currentA.reset();
    return s;
}

OperatingPoint groupOperatingPoint(const CathodeGroup& g) {
    const CathodeSpec s = operatingSpec(g);
    return operatingPoint(s.discharge, s.target.material);
}

RacetrackShape racetrackShapeOf(const CathodeSpec& c) {
    RacetrackShape r;
    r.separationM = c.magnets.track.trackSeparationM;
    r.sigmaM = c.magnets.profile.sigmaM;
    r.straightLengthM = c.magnets.track.straightLengthM;
    r.turnaroundEnhancement = c.magnets.track.turnaroundEnhancement;
    // Any profile shape but a Gaussian goes to the sources as a TrackProfile (a Gaussian by
    // its sigma, the sources' own path).
    if (c.magnets.profile.shape != "gaussian") r.profile = makeTrackProfile(c.magnets.profile);
    r.alongTrack = c.magnets.track.alongTrack;
    return r;
}

RotaryTube rotaryTubeOf(const CathodeGroup& g) {
    const CathodeSpec& c = g.cathode;
    RotaryTube t;
    t.axisX = c.position.x();
    t.centreY = c.position.y();
    t.axisZ = c.position.z();
    t.outerRadiusM = c.geometry.radiusM;
    t.lengthM = c.geometry.lengthM;
    t.axialPitchM = c.meshPitchM;
    t.angularPitchRad = c.meshAngularPitchRad;
    t.wobbleAmplitudeRad = c.magnets.motion.wobbleAmplitudeRad;  // 0 unless the bar wobbles (reader, wobble scan)
    t.wobbleSamples = c.magnets.motion.wobbleSamples;
    t.wobbleWaveform = c.magnets.motion.waveform;
    t.wobbleDwellFraction = c.magnets.motion.dwellFraction;
    t.track = racetrackShapeOf(c);
    return t;
}

PlanarRectTarget planarRectOf(const CathodeGroup& g) {
    const CathodeSpec& c = g.cathode;
    PlanarRectTarget r;
    r.centre = c.position;
    r.orientation = c.orientation;
    r.lengthM = c.geometry.lengthM;
    r.widthM = c.geometry.widthM;
    r.pitchM = c.meshPitchM;
    r.wobbleAmplitudeM = c.magnets.motion.wobbleTravelM;  // 0 unless the bar travels
    r.wobbleSamples = c.magnets.motion.wobbleSamples;
    r.wobbleWaveform = c.magnets.motion.waveform;
    r.wobbleDwellFraction = c.magnets.motion.dwellFraction;
    r.track = racetrackShapeOf(c);
    return r;
}

PlanarCircularTarget planarCircularOf(const CathodeGroup& g) {
    const CathodeSpec& c = g.cathode;
    PlanarCircularTarget t;
    t.centre = c.position;
    t.orientation = c.orientation;
    t.radiusM = c.geometry.radiusM;
    t.trackRadiusM = c.magnets.track.ringRadiusM;
    t.sigmaM = c.magnets.profile.sigmaM;
    if (c.magnets.profile.shape != "gaussian") t.profile = makeTrackProfile(c.magnets.profile);
    t.magnetOffsetM = c.magnets.track.magnetOffsetM;
    t.magnetAngleSamples = c.magnets.track.magnetAngleSamples;
    t.pitchM = c.meshPitchM;
    return t;
}

CathodeGroup arrayMember(const CathodeGroup& g, int index) {
    if (index < 0 || index >= g.cathodeCount())
        throw std::invalid_argument(g.name + ": no cathode " + std::to_string(index + 1) + " (" +
                                    std::to_string(g.cathodeCount()) + ")");
    CathodeGroup m = g;
    if (g.cathodeCount() == 1) return m;
    const double offsetX = (index - 0.5 * (g.count - 1)) * g.pitchM;  // as buildEmission places it
    m.count = 1;
    m.cathode.position.x() += offsetX;
    m.powerTrims = g.powerTrims.empty() ? std::vector<double>{} : std::vector<double>{g.powerTrims[std::size_t(index)]};
    m.memberNames = g.memberNames.size() == std::size_t(g.count)
                        ? std::vector<std::string>{g.memberNames[std::size_t(index)]}
                        : std::vector<std::string>{};
    if (!m.memberNames.empty()) m.name = m.memberNames.front();
    m.cathode.name = m.name;
    return m;
}

double sputteredAtomsPerJoule(const DischargeSettings& d) {
    // The operating point at 1 W: ions per second per watt = ions per joule, times the
    // yield at normal incidence (the one computation, chamber/OperatingPoint).
    DischargeSpec one;
    one.gas = d.gas;
    one.voltageV = d.voltageV;
    one.powerW = 1.0;
    one.gammaSE = d.secondaryElectronYield;
    one.yieldModel = d.yieldModel;
    return operatingPoint(one, d.targetMaterial).atomsPerSecond();
}

EmissionLayout buildEmission(const std::vector<CathodeGroup>& groups,
                             std::shared_ptr<const EmissionAngularDistribution> angular, double lifeKWh,
                             const std::vector<double>& trims, const std::vector<ErodedGroup>* eroded) {
    if (lifeKWh < 0) throw std::invalid_argument("target life must be >= 0 kWh");
    std::vector<ErodedGroup> erodedHere;
    if (!eroded) {
        erodedHere = erodeCathodeGroups(groups, angular, lifeKWh);
        eroded = &erodedHere;
    }
    if (eroded->size() != groups.size()) throw std::invalid_argument("eroded targets: one entry per cathode group");
    std::size_t total = 0;
    for (const auto& g : groups) total += std::size_t(g.cathodeCount());
    if (!trims.empty() && trims.size() != total)
        throw std::invalid_argument("power trims: need one per cathode (" + std::to_string(total) + ")");
    EmissionLayout out;
    std::size_t k = 0;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const CathodeGroup& g = groups[gi];
        const ErodedGroup& used = (*eroded)[gi];
        if (!g.powerTrims.empty() && int(g.powerTrims.size()) != g.cathodeCount())
            throw std::invalid_argument(g.name + ": power_trims needs " + std::to_string(g.cathodeCount()) + " values");
        const double perJoule = sputteredAtomsPerJoule(g.discharge);
        // atoms/s at trim 1: the discharge balance (new target) or the eroded map's total
        // (groove walls sputter with Y(E, theta) != Y(E, 0)).
        // A reactive target (CathodeGroup's state): the new target's metal emission, and the
        // film atoms that arrive with each metal atom.
        const double rate =
            (used.eroded ? used.prototype.totalAtomsPerSecond() : perJoule * g.powerW * g.stateEmissionFactor) *
            g.filmAtomsPerEmittedAtom;
        for (int i = 0; i < g.cathodeCount(); ++i, ++k) {
            const double trim = !trims.empty() ? trims[k] : (g.powerTrims.empty() ? 1.0 : g.powerTrims[std::size_t(i)]);
            if (!(trim >= 0)) throw std::invalid_argument(g.name + ": power trims must be >= 0");
            EmissionSource s;
            const double depth = used.eroded ? used.maxDepthM : 0.0;
            const double offsetX = (i - 0.5 * (g.cathodeCount() - 1)) * g.pitchM;
            if (used.eroded) {
                // The erosion engine's map at this group's power; a trim scales the flux.
                s = used.prototype;
                for (auto& e : s.elements) e.position.x() += offsetX;
                s.scaleFlux(trim * g.filmAtomsPerEmittedAtom);
                s.label = g.type == CathodeGroup::Type::RotaryArray ? g.name + " tube " + std::to_string(i + 1)
                          : g.cathodeCount() > 1                    ? g.name + " " + std::to_string(i + 1)
                                                                    : g.name;
            } else if (g.type == CathodeGroup::Type::RotaryArray) {
                RotaryTube t = rotaryTubeOf(g);
                t.axisX += offsetX;
                s = rotaryTubeSource(t, rate * trim, angular);
                s.label = g.name + " tube " + std::to_string(i + 1);
            } else if (g.type == CathodeGroup::Type::PlanarRect) {
                PlanarRectTarget r = planarRectOf(g);
                r.centre.x() += offsetX;
                s = planarRectSource(r, rate * trim, angular);
                s.label = g.count > 1 ? g.name + " " + std::to_string(i + 1) : g.name;
            } else {
                s = planarCircularSource(planarCircularOf(g), rate * trim, angular);
                s.label = g.name;
            }
            if (g.memberNames.size() == std::size_t(g.cathodeCount())) s.label = g.memberNames[std::size_t(i)];
            out.cathodeNames.push_back(s.label);
            out.atomsPerSecond.push_back(rate);
            out.erodedDepthM.push_back(depth);
            out.sources.push_back(std::move(s));
        }
    }
    return out;
}

}  // namespace magtwin
