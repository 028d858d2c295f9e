#include "deposition/CathodeLayout.hpp"

#include "deposition/ErodedTargets.hpp"
#include "elements/ElementTable.hpp"
#include "racetrack/IonSupply.hpp"
#include "yield/SputterYield.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {

int cathodeIndexOf(const CathodeGroup& g, const std::string& name) {
    for (std::size_t i = 0; i < g.memberNames.size(); ++i)
        if (g.memberNames[i] == name) return int(i);
    return g.cathodeCount() == 1 && g.name == name ? 0 : -1;
}

CathodeGroup arrayMember(const CathodeGroup& g, int index) {
    if (index < 0 || index >= g.cathodeCount())
        throw std::invalid_argument(g.name + ": no cathode " + std::to_string(index + 1) + " (" + std::to_string(g.cathodeCount()) + ")");
    CathodeGroup m = g;
    if (g.cathodeCount() == 1) return m;
    const double offsetX = (index - 0.5 * (g.count - 1)) * g.pitchM;  // as buildEmission places it
    m.count = 1;
    m.tube.axisX += offsetX;
    m.rect.centre.x() += offsetX;
    m.powerTrims = g.powerTrims.empty() ? std::vector<double>{} : std::vector<double>{g.powerTrims[std::size_t(index)]};
    m.memberNames = g.memberNames.size() == std::size_t(g.count) ? std::vector<std::string>{g.memberNames[std::size_t(index)]}
                                                                 : std::vector<std::string>{};
    if (!m.memberNames.empty()) m.name = m.memberNames.front();
    return m;
}

double sputteredAtomsPerJoule(const DischargeSettings& d) {
    const ElementTable& t = ElementTable::builtin();
    const Element& ion = t.get(d.gas);
    const Element& target = t.get(d.targetMaterial);
    // The shared discharge balance (IonSupply) at 1 W: ions per second per watt = ions per joule.
    DischargeOperatingPoint op;
    op.powerW = 1.0;
    op.voltageV = d.voltageV;
    op.secondaryElectronYield = d.secondaryElectronYield;
    const IonSupply ions = ionSupplyFrom(op, ion, target);
    const SputterYield y(d.yieldModel, "none", ion, target);
    return ions.ionsPerSecond * y.yield(ions.ionEnergyEv, 0.0);  // ions arrive with E = e V at normal incidence
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
        const double rate = used.eroded ? used.prototype.totalAtomsPerSecond() : perJoule * g.powerW;
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
                s.scaleFlux(trim);
                s.label = g.type == CathodeGroup::Type::RotaryArray ? g.name + " tube " + std::to_string(i + 1)
                          : g.cathodeCount() > 1                    ? g.name + " " + std::to_string(i + 1)
                                                                    : g.name;
            } else if (g.type == CathodeGroup::Type::RotaryArray) {
                RotaryTube t = g.tube;
                t.axisX = g.tube.axisX + offsetX;
                s = rotaryTubeSource(t, rate * trim, angular);
                s.label = g.name + " tube " + std::to_string(i + 1);
            } else if (g.type == CathodeGroup::Type::PlanarRect) {
                PlanarRectTarget r = g.rect;
                r.centre.x() += offsetX;
                s = planarRectSource(r, rate * trim, angular);
                s.label = g.count > 1 ? g.name + " " + std::to_string(i + 1) : g.name;
            } else {
                s = planarCircularSource(g.circular, rate * trim, angular);
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
