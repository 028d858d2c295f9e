#include "deposit/DepositConfig.hpp"

#include "config/ConfigReader.hpp"

#include <algorithm>

namespace magtwin {

namespace {

/// Any profile shape but a Gaussian goes to the sources as a TrackProfile (a Gaussian by
/// its sigma, the sources' own path).
std::shared_ptr<const TrackProfile> profileOf(const ToolCathode& c) {
    if (c.magnets.profile.shape == "gaussian") return nullptr;
    return makeTrackProfile(c.magnets.profile);
}

/// The deposition sources' racetrack (RacetrackSources.hpp: stadium loop).
RacetrackShape stadium(const ToolCathode& c) {
    RacetrackShape r;
    r.separationM = c.magnets.track.trackSeparationM;
    r.sigmaM = c.magnets.profile.sigmaM;
    r.loopLengthM = c.magnets.track.straightLengthM + c.magnets.track.trackSeparationM;
    r.turnaroundEnhancement = c.magnets.track.turnaroundEnhancement;
    r.profile = profileOf(c);
    r.alongTrack = c.magnets.track.alongTrack;
    return r;
}

/// What ErodedTargets models of a magnet pack; anything else is refused by name rather
/// than silently replaced.
void requireDepositionModel(const ToolFile& tool, const ToolCathode& c) {
    const std::string where = tool.path + ": cathode " + c.name + ": ";
    if (c.magnets.narrowingExponent != 1.0 && c.target.magnetDistanceM > 0)
        throw ConfigError(where + "magnets.racetrack.narrowing_exponent: deposit's eroded targets use exponent 1");
}

CathodeGroup groupOf(const ToolFile& tool, const std::vector<const ToolCathode*>& members) {
    const ToolCathode& c = *members.front();
    requireDepositionModel(tool, c);
    CathodeGroup g;
    g.name = c.arrayName.empty() ? c.name : c.arrayName;
    for (const ToolCathode* m : members) g.memberNames.push_back(m->name);
    g.count = int(members.size());
    g.pitchM = c.arrayPitchM > 0 ? c.arrayPitchM : g.pitchM;
    // Arrays are centred on their mean x (ToolCathode: member k at centre + (k - (n-1)/2) pitch).
    const double centreX = c.position.x() + 0.5 * (g.count - 1) * g.pitchM;
    g.discharge.gas = c.discharge.gas;
    g.discharge.targetMaterial = c.target.material;
    g.discharge.voltageV = c.discharge.voltageV;
    g.discharge.secondaryElectronYield = c.discharge.gammaSE;
    g.discharge.yieldModel = c.discharge.yieldModel;
    g.powerW = c.discharge.powerW ? *c.discharge.powerW : c.discharge.voltageV * *c.discharge.currentA;
    g.lifeKWh = c.lifeKWh;
    g.targetThicknessM = c.target.thicknessM;
    g.magnetDistanceM = c.target.magnetDistanceM;
    g.grooveRedeposition = c.target.grooveRedeposition;
    switch (c.kind) {
        case CathodeKind::Rotary:
            g.type = CathodeGroup::Type::RotaryArray;
            g.tube.axisX = centreX;
            g.tube.centreY = c.position.y();
            g.tube.axisZ = c.position.z();
            g.tube.outerRadiusM = c.geometry.radiusM;
            g.tube.lengthM = c.geometry.lengthM;
            g.tube.axialPitchM = c.meshPitchM;
            g.tube.angularPitchRad = c.meshAngularPitchRad;
            g.tube.wobbleAmplitudeRad = c.magnets.motion.wobbleAmplitudeRad;
            g.tube.wobbleSamples = c.magnets.motion.wobbleSamples;
            g.tube.wobbleWaveform = c.magnets.motion.waveform;
            g.tube.wobbleDwellFraction = c.magnets.motion.dwellFraction;
            g.tube.track = stadium(c);
            break;
        case CathodeKind::PlanarRect:
            g.type = CathodeGroup::Type::PlanarRect;
            g.rect.centre = {centreX, c.position.y(), c.position.z()};
            g.rect.lengthM = c.geometry.lengthM;
            g.rect.widthM = c.geometry.widthM;
            g.rect.pitchM = c.meshPitchM;
            g.rect.wobbleAmplitudeM = c.magnets.motion.wobbleTravelM;
            g.rect.wobbleSamples = c.magnets.motion.wobbleSamples;
            g.rect.wobbleWaveform = c.magnets.motion.waveform;
            g.rect.wobbleDwellFraction = c.magnets.motion.dwellFraction;
            g.rect.track = stadium(c);
            break;
        case CathodeKind::PlanarCircular:
            g.type = CathodeGroup::Type::PlanarCircular;
            g.circular.centre = c.position;
            g.circular.radiusM = c.geometry.radiusM;
            g.circular.trackRadiusM = c.magnets.track.ringRadiusM;
            g.circular.sigmaM = c.magnets.profile.sigmaM;
            g.circular.profile = profileOf(c);
            g.circular.magnetOffsetM = c.magnets.track.magnetOffsetM;
            g.circular.magnetAngleSamples = c.magnets.track.magnetAngleSamples;
            g.circular.pitchM = c.meshPitchM;
            break;
    }
    return g;
}

}  // namespace

DepositCase depositCaseFor(const ToolFile& tool, const std::string& substrateName) {
    const ToolSubstrate& s = tool.substrate(substrateName);
    DepositCase c;
    c.file = tool.path;
    c.substrateName = s.kind;
    c.substrate = s.kind == "wafer" ? Substrate::wafer300mm() : Substrate::gen10_5Glass();
    c.substrate.sizeXM = s.sizeXM;
    c.substrate.sizeYM = s.sizeYM;
    c.substrate.centreXM = s.centreXM;
    c.substrate.centreYM = s.centreYM;
    c.substrate.pitchM = s.pitchM;
    c.substrate.edgeExclusionM = s.edgeExclusionM;
    c.motion.kind = s.motion.kind == "scan"       ? SubstrateMotion::Kind::InlineScan
                    : s.motion.kind == "rotation"    ? SubstrateMotion::Kind::WaferRotation
                    : s.motion.kind == "oscillation" ? SubstrateMotion::Kind::Oscillation
                                                     : SubstrateMotion::Kind::Static;
    c.motion.oscillation.amplitudeM = s.motion.amplitudeM;
    c.motion.oscillation.periodS = s.motion.periodS > 0 ? s.motion.periodS : c.motion.oscillation.periodS;
    c.motion.oscillation.waveform = s.motion.waveform == "triangular" ? SubstrateOscillation::Waveform::Triangular
                                    : s.motion.waveform == "dwell"    ? SubstrateOscillation::Waveform::Dwell
                                                                      : SubstrateOscillation::Waveform::Sinusoidal;
    c.motion.oscillation.dwellFraction = s.motion.dwellFraction;
    c.motion.timeS = s.motion.timeS;
    c.motion.scanSpeedMS = s.motion.speedMS;
    c.motion.passes = s.motion.passes;
    c.filmMaterial = s.filmMaterial;
    c.sticking = s.sticking;
    c.uniformityTargetPct = s.uniformityTargetPct;

    const ToolDepositionSettings& d = tool.deposition;
    c.angular = d.angular;
    c.angularParams.cosExponent = d.cosExponent;
    c.optimiseTrims = d.optimiseTrims;
    c.minTrim = d.minTrim;
    c.maxTrim = d.maxTrim;
    c.wobbleCandidatesRad = d.wobbleCandidatesRad;
    c.endBoostGainBounds = d.endBoostGainBounds;
    c.endBoostLengthBoundsM = d.endBoostLengthBoundsM;
    c.pressurePa = tool.process.pressurePa;
    c.gasTemperatureK = tool.process.temperatureK;
    c.gasSigmaEffM2 = d.gasSigmaEffM2;
    c.gasEta = d.gasEta;
    c.gasThermalisationColumnPerM2 = d.gasThermalisationColumnPerM2;
    c.histories = d.histories;
    c.seed = d.seed;

    // Consecutive members of one array -> one group.
    for (std::size_t i = 0; i < tool.cathodes.size();) {
        std::vector<const ToolCathode*> members{&tool.cathodes[i]};
        const std::string& array = tool.cathodes[i].arrayName;
        while (!array.empty() && ++i < tool.cathodes.size() && tool.cathodes[i].arrayName == array)
            members.push_back(&tool.cathodes[i]);
        if (array.empty()) ++i;
        c.cathodes.push_back(groupOf(tool, members));
    }
    c.gasModelGiven = d.gasModelGiven;
    if (!c.wobbleCandidatesRad.empty() &&
        std::none_of(c.cathodes.begin(), c.cathodes.end(),
                     [](const CathodeGroup& g) { return g.type == CathodeGroup::Type::RotaryArray; }))
        throw ConfigError(tool.path + ": deposition.optimise.wobble_amplitudes needs a rotary cathode");
    if (!(c.endBoostGainBounds.empty() && c.endBoostLengthBoundsM.empty()) &&
        std::none_of(tool.cathodes.begin(), tool.cathodes.end(), [](const ToolCathode& k) {
            return k.magnets.track.alongTrack.shape == AlongTrackProfile::Shape::EndBoost;
        }))
        throw ConfigError(tool.path + ": deposition.optimise.end_boost_gain/end_boost_length need a cathode with "
                                      "magnets.racetrack.along_track shape end-boost (its gain and length are the start)");
    return c;
}

void requireGasCalibration(const DepositCase& c, const std::string& method) {
    // The fast gas model's default parameters are the Mo-in-Ar calibration
    // (GasAttenuationModel.hpp): never applied silently to another pair.
    if (method == "mc" || !(c.pressurePa > 0) || c.gasModelGiven) return;
    for (const CathodeGroup& g : c.cathodes)
        if (g.discharge.targetMaterial != "Mo" || g.discharge.gas != "Ar")
            throw ConfigError(c.file + ": process.pressure > 0 with " + g.discharge.targetMaterial + " sputtered in " +
                              g.discharge.gas + " (cathode " + g.name +
                              "): the fast gas model's default calibration is Mo in Ar only; give "
                              "deposition.gas_model (calibrateGasModel against the Monte Carlo) or use --method mc");
}

}  // namespace magtwin
