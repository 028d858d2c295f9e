// YieldSweep: what `magtwin yield` computes, as data the command prints.
//  - yieldSweep: the curves Y(E, theta) = Y_model(E) A(E, theta) (SputterYield.hpp) of
//    several energy models for one ion-target pair at one incidence angle, with each
//    model's resolved name ("auto" -> YieldModelRegistry's default), citation, threshold
//    and angular factor; for a compound or alloy target also the partial yields per species,
//    the steady-state surface composition and the compound binding energies
//    (MulticomponentYield.hpp);
//  - measuredYieldsOf: the measured points of one pair in the Yamamura & Tawara (1996)
//    compilation (YieldValidation.hpp), for plotting beside the curves;
//  - yieldValidationTable: the median |ln(Y_model/Y_exp)| table per projectile and model
//    (validateYieldModels) and the per-target breakdown of one projectile (validateByTarget)
//    over the same points (ValidationOptions: 100 eV - 5 keV, Table I targets).
#pragma once

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/Material.hpp"
#include "boundary/yield/YieldValidation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

/// One component of a multicomponent target in a YieldCurve.
struct SpeciesCurve {
    std::string symbol;
    double bulkFraction = 0.0;     ///< c_i in the target
    double surfaceFraction = 0.0;  ///< steady-state c_i at the surface
    double bindingEnergyEv = 0.0;  ///< U_i in the compound
    std::vector<double> yield;     ///< partial yield at each energy (atoms of i per ion)
};

struct YieldCurve {
    std::string model;  ///< the model's own name ("auto" resolved)
    std::string citation;
    std::optional<double> thresholdEv;    ///< none for a model without a threshold
    std::string angularFactor;            ///< the angular factor's name ("none" at normal incidence)
    std::vector<double> energyEv, yield;  ///< atoms/ion at each energy
    /// A compound or alloy target (empty for an element): one entry per component.
    std::vector<SpeciesCurve> species;
};

/// One curve per name in `models` (in that order) for `ion` on `target` at `angleRad` from
/// the surface normal; the angular factor `angular` ("none", "yamamura1983") applies only
/// when angleRad > 0. Throws std::invalid_argument naming the valid models or angular
/// factors for an unknown name.
std::vector<YieldCurve> yieldSweep(const Element& ion, const Element& target, const std::vector<std::string>& models,
                                   const std::string& angular, double angleRad, const std::vector<double>& energiesEv);
/// The same for a target Material: an element gives exactly the element overload's curves
/// (no species); a compound adds the species' partial yields and steady-state surface.
std::vector<YieldCurve> yieldSweep(const Element& ion, const Material& target, const std::vector<std::string>& models,
                                   const std::string& angular, double angleRad, const std::vector<double>& energiesEv);

/// The points of `data` for projectile `ion` on `target` with a positive yield, in file order.
std::vector<MeasuredYield> measuredYieldsOf(const std::vector<MeasuredYield>& data, const std::string& ion,
                                            const std::string& target);

struct YieldValidationTable {
    ValidationOptions options;        ///< energy window, models, projectiles used
    std::vector<ValidationRow> rows;  ///< per projectile, then model (options' order)
    std::string breakdownProjectile;
    /// Per target of breakdownProjectile (alphabetical), one row per model in options' order.
    std::vector<TargetValidationRow> byTarget;
};

YieldValidationTable yieldValidationTable(const std::vector<MeasuredYield>& data, const ElementTable& elements,
                                          const std::string& breakdownProjectile = "Ar",
                                          const ValidationOptions& options = {});

}  // namespace magtwin
