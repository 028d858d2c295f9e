#include "cli/deposit/DepositConfig.hpp"

#include "cli/config/ConfigReader.hpp"
#include "cli/tool/ToolReactiveState.hpp"

#include <algorithm>

namespace magtwin {

std::vector<CathodeGroup> cathodeGroupsOf(const ToolFile& tool) {
    // Consecutive members of one array -> one group.
    std::vector<CathodeGroup> groups;
    for (std::size_t i = 0; i < tool.cathodes.size();) {
        std::vector<const ToolCathode*> members{&tool.cathodes[i]};
        const std::string& array = tool.cathodes[i].arrayName;
        while (!array.empty() && ++i < tool.cathodes.size() && tool.cathodes[i].arrayName == array)
            members.push_back(&tool.cathodes[i]);
        if (array.empty()) ++i;
        groups.push_back(cathodeGroupOf(members, tool.erosion));
    }
    return groups;
}

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
    c.uncoveredSubstrateShare = s.uncoveredShare;
    c.motion.kind = s.motion.kind == "scan"          ? SubstrateMotion::Kind::InlineScan
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
    c.motion.platenAngleRad = s.motion.platenAngleRad;
    c.motion.platenCentreXM = s.centreXM;
    c.motion.platenCentreYM = s.centreYM;
    c.motion.scanSpeedMS = s.motion.speedMS;
    c.motion.passes = s.motion.passes;
    c.filmMaterial = s.filmMaterial;
    c.filmStated = s.filmStated;
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
    c.cycleTimeS = tool.process.cycleTimeS.value_or(0.0);
    c.gasSigmaEffM2 = d.gasSigmaEffM2;
    c.gasEta = d.gasEta;
    c.gasThermalisationColumnPerM2 = d.gasThermalisationColumnPerM2;
    c.chamberSticking = tool.process.sticking;
    c.stickingOrigin = tool.process.stickingOrigin;
    c.histories = d.histories;
    c.seed = d.seed;

    c.cathodes = cathodeGroupsOf(tool);
    // A reactive supply (process.reactive.flows): each target's state sets its emission, its
    // erosion (used targets) and the film it deposits; the film is the first cathode's unless stated.
    for (std::size_t i = 0; i < c.cathodes.size(); ++i) {
        CathodeGroup& g = c.cathodes[i];
        const std::optional<ReactiveTargetState> r = reactiveStateFor(tool, operatingSpec(g));
        if (!r) break;
        g.cathode.target.stateYieldFactor = r->yieldFactor;
        g.stateEmissionFactor = r->emissionFactor;
        g.filmAtomsPerEmittedAtom = r->filmAtomsPerMetal;
        g.depositedMaterial = r->film;
        if (i == 0 && !c.filmStated) c.filmMaterial = r->film;
    }
    c.gasModelGiven = d.gasModelGiven;
    if (!c.wobbleCandidatesRad.empty() && std::none_of(c.cathodes.begin(), c.cathodes.end(), [](const CathodeGroup& g) {
            return g.type == CathodeGroup::Type::RotaryArray;
        }))
        throw ConfigError(tool.path + ": deposition.optimise.wobble_amplitudes needs a rotary cathode");
    if (!(c.endBoostGainBounds.empty() && c.endBoostLengthBoundsM.empty()) &&
        std::none_of(tool.cathodes.begin(), tool.cathodes.end(), [](const ToolCathode& k) {
            return k.magnets.track.alongTrack.shape == AlongTrackProfile::Shape::EndBoost;
        }))
        throw ConfigError(tool.path +
                          ": deposition.optimise.end_boost_gain/end_boost_length need a cathode with "
                          "magnets.racetrack.along_track shape end-boost (its gain and length are the start)");
    return c;
}

void requireGasCalibration(const DepositCase& c, const std::string& method, const std::string& alternative) {
    // The fast gas model's default parameters are the Mo-in-Ar calibration
    // (GasAttenuationModel.hpp): never applied silently to another pair.
    if (method == "mc" || !(c.pressurePa > 0) || c.gasModelGiven) return;
    for (const CathodeGroup& g : c.cathodes)
        if (g.discharge.targetMaterial.name != "Mo" || g.discharge.gas != "Ar")
            throw ConfigError(c.file + ": process.pressure > 0 with " + g.discharge.targetMaterial.name +
                              " sputtered in " + g.discharge.gas + " (cathode " + g.name +
                              "): the fast gas model's default calibration is Mo in Ar only; give "
                              "deposition.gas_model (`magtwin calibrate-gas " +
                              c.file + " --out gas_model.yaml` fits it to the Monte Carlo)" + alternative);
}

}  // namespace magtwin
