#include "solvers/deposition/EndBoostChoice.hpp"

#include "solvers/deposition/DepositionRun.hpp"

#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

/// The racetrack of a stadium group (rotary or planar-rect); null for planar-circular.
RacetrackSpec* stadiumOf(CathodeGroup& g) {
    if (g.type == CathodeGroup::Type::PlanarCircular) return nullptr;
    return &g.cathode.magnets.track;
}

bool isEndBoost(const RacetrackSpec* r) { return r && r->alongTrack.shape == AlongTrackProfile::Shape::EndBoost; }

}  // namespace

bool searchesEndBoost(const DepositCase& c) {
    return !c.endBoostGainBounds.empty() || !c.endBoostLengthBoundsM.empty();
}

DepositCase withEndBoost(const DepositCase& c, double gain, double lengthM) {
    DepositCase out = c;
    for (auto& g : out.cathodes) {
        RacetrackSpec* r = stadiumOf(g);
        if (!isEndBoost(r)) continue;
        r->alongTrack.gain = gain;
        r->alongTrack.lengthM = lengthM;
    }
    return out;
}

EndBoostResult chooseEndBoost(DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double lifeKWh,
                              TransportMethod method, const ProgressFn& progress) {
    const AlongTrackProfile* start = nullptr;
    for (auto& g : c.cathodes) {
        RacetrackSpec* r = stadiumOf(g);
        if (!isEndBoost(r)) continue;
        start = &r->alongTrack;
        // The straight of this group bounds the boost length (AlongTrackProfile::check).
        const double half = 0.5 * r->straightLengthM;
        if (!c.endBoostLengthBoundsM.empty() && c.endBoostLengthBoundsM[1] > half)
            throw std::invalid_argument(
                "deposition.optimise.end_boost_length: max " + std::to_string(c.endBoostLengthBoundsM[1] * 1e3) +
                " mm is more than half the straight of " + g.name + " (" + std::to_string(half * 1e3) + " mm)");
    }
    if (!start)
        throw std::invalid_argument("deposition.optimise.end_boost_*: no cathode has along_track shape end-boost");
    EndBoostBounds b;
    b.optimiseGain = !c.endBoostGainBounds.empty();
    if (b.optimiseGain) b.gainMin = c.endBoostGainBounds[0], b.gainMax = c.endBoostGainBounds[1];
    b.optimiseLength = !c.endBoostLengthBoundsM.empty();
    if (b.optimiseLength) b.lengthMinM = c.endBoostLengthBoundsM[0], b.lengthMaxM = c.endBoostLengthBoundsM[1];
    const auto objective = [&](double gain, double length) {
        if (progress)
            progress("end boost: gain " + std::to_string(gain) + ", length " + std::to_string(length * 1e3) + " mm");
        const DepositCase trial = withEndBoost(c, gain, length);
        const auto eroded = erodeCathodeGroups(trial.cathodes, law, lifeKWh);
        double pitch = 0;
        return optimiseTrims(trial, law, lifeKWh, eroded, method, pitch, nullptr, progress).rangePctAfter;
    };
    const EndBoostResult result = searchEndBoost(objective, b, start->gain, start->lengthM);
    c = withEndBoost(c, result.best.gain, result.best.lengthM);
    return result;
}

}  // namespace magtwin
