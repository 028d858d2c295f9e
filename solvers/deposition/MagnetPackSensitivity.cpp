#include "solvers/deposition/MagnetPackSensitivity.hpp"

#include <cmath>
#include <functional>
#include <stdexcept>

namespace magtwin {

namespace {

struct Key {
    const char* name;
    const char* unit;
    double toUnit;
    std::function<double*(CathodeSpec&)> field;  ///< null: the cathode has no such key
};

bool hasStraights(const CathodeSpec& c) { return c.kind == CathodeKind::PlanarRect || c.kind == CathodeKind::Rotary; }

std::vector<Key> keys() {
    return {
        {"magnets.racetrack.track_separation", "mm", 1e3,
         [](CathodeSpec& c) { return hasStraights(c) ? &c.magnets.track.trackSeparationM : nullptr; }},
        {"magnets.racetrack.straight_length", "mm", 1e3,
         [](CathodeSpec& c) { return hasStraights(c) ? &c.magnets.track.straightLengthM : nullptr; }},
        {"magnets.racetrack.turnaround_enhancement", "", 1.0,
         [](CathodeSpec& c) { return hasStraights(c) ? &c.magnets.track.turnaroundEnhancement : nullptr; }},
        {"magnets.racetrack.profile.sigma", "mm", 1e3,
         [](CathodeSpec& c) {
             return hasStraights(c) && c.magnets.profile.shape == "gaussian" ? &c.magnets.profile.sigmaM : nullptr;
         }},
    };
}

/// U of `c` with `key` scaled by `factor` in every cathode that has it; empty when a
/// racetrack then leaves its target.
std::optional<double> uWith(DepositCase c, const Key& key, double factor, const std::string& method) {
    for (CathodeGroup& g : c.cathodes) {
        double* v = key.field(g.cathode);
        if (!v) continue;
        *v *= factor;
        const RacetrackSpec& t = g.cathode.magnets.track;
        if (t.straightLengthM + t.trackSeparationM > g.cathode.geometry.lengthM) return std::nullopt;
    }
    return runDeposition(c, 0.0, method).uniformity.rangePct;
}

}  // namespace

SensitivityTable magnetPackSensitivity(const DepositCase& c, const std::string& method, double step,
                                       const ProgressFn& progress) {
    if (!(step > 0 && step <= 0.5)) throw std::invalid_argument(c.file + ": the sensitivity step must be in (0, 50] %");
    SensitivityTable table;
    table.stepFraction = step;
    table.method = method;
    const auto say = [&](const std::string& m) {
        if (progress) progress(m);
    };
    say("base case");
    table.uBasePct = runDeposition(c, 0.0, method).uniformity.rangePct;
    for (const Key& key : keys()) {
        SensitivityRow row;
        row.key = key.name;
        row.unit = key.unit;
        bool found = false;
        for (const CathodeGroup& g : c.cathodes) {
            CathodeSpec copy = g.cathode;
            if (const double* v = key.field(copy)) {
                row.baseValue = *v * key.toUnit;
                found = *v != 0;
                break;
            }
        }
        if (!found) continue;
        say(row.key + " x " + std::to_string(1 + step));
        row.uUpPct = uWith(c, key, 1 + step, method);
        say(row.key + " x " + std::to_string(1 - step));
        row.uDownPct = uWith(c, key, 1 - step, method);
        table.rows.push_back(std::move(row));
    }
    if (table.rows.empty())
        throw std::invalid_argument(c.file +
                                    ": no cathode with a straight racetrack (planar-rect or rotary): nothing to vary");
    return table;
}

}  // namespace magtwin
