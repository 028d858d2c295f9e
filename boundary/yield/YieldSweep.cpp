#include "boundary/yield/YieldSweep.hpp"

#include "boundary/yield/MulticomponentYield.hpp"
#include "boundary/yield/SputterYield.hpp"

namespace magtwin {

namespace {
/// A curve's header (model, citation, threshold, angular factor, energies); no values yet.
YieldCurve curveOf(const SputterYield& y, const std::vector<double>& energiesEv) {
    return {y.energyModel().name(),
            y.energyModel().citation(),
            y.energyModel().thresholdEv(),
            y.angularFactor().name(),
            energiesEv,
            {},
            {}};
}
}  // namespace

std::vector<YieldCurve> yieldSweep(const Element& ion, const Element& target, const std::vector<std::string>& models,
                                   const std::string& angular, double angleRad, const std::vector<double>& energiesEv) {
    std::vector<YieldCurve> curves;
    for (const auto& name : models) {
        const SputterYield y(name, angleRad > 0.0 ? angular : "none", ion, target);
        YieldCurve c = curveOf(y, energiesEv);
        for (double E : energiesEv) c.yield.push_back(y.yield(E, angleRad));
        curves.push_back(std::move(c));
    }
    return curves;
}

std::vector<YieldCurve> yieldSweep(const Element& ion, const Material& target, const std::vector<std::string>& models,
                                   const std::string& angular, double angleRad, const std::vector<double>& energiesEv) {
    if (target.isElement())
        return yieldSweep(ion, ElementTable::builtin().get(target.elementSymbol()), models, angular, angleRad,
                          energiesEv);
    std::vector<YieldCurve> curves;
    for (const auto& name : models) {
        const SputterYield y(name, angleRad > 0.0 ? angular : "none", ion, target);
        YieldCurve c = curveOf(y, energiesEv);
        const MulticomponentYield& multi = *y.multicomponent();
        for (std::size_t i = 0; i < target.components.size(); ++i)
            c.species.push_back({target.components[i].symbol,
                                 target.components[i].atomFraction,
                                 multi.surfaceComposition()[i],
                                 multi.bindingEnergiesEv()[i],
                                 {}});
        for (double E : energiesEv) {
            const std::vector<double> partial = y.partialYields(E, angleRad);
            double total = 0.0;
            for (std::size_t i = 0; i < partial.size(); ++i) {
                c.species[i].yield.push_back(partial[i]);
                total += partial[i];
            }
            c.yield.push_back(total);
        }
        curves.push_back(std::move(c));
    }
    return curves;
}

std::vector<MeasuredYield> measuredYieldsOf(const std::vector<MeasuredYield>& data, const std::string& ion,
                                            const std::string& target) {
    std::vector<MeasuredYield> out;
    for (const auto& p : data)
        if (p.projectile == ion && p.target == target && p.yield > 0) out.push_back(p);
    return out;
}

YieldValidationTable yieldValidationTable(const std::vector<MeasuredYield>& data, const ElementTable& elements,
                                          const std::string& breakdownProjectile, const ValidationOptions& options) {
    return {options, validateYieldModels(data, elements, options), breakdownProjectile,
            validateByTarget(data, elements, breakdownProjectile, options)};
}

}  // namespace magtwin
