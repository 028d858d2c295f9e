// YieldModel: sputtering yield Y(E) at normal incidence for one ion/target pair.
//
// A model is built for a pair (the pair's constants are computed once) and then
// evaluated at many energies. Concrete models: Sigmund1969, Chen1985,
// YamamuraTawara1996 (see their headers for equations, validity and sources).
// They are created by name through YieldModelRegistry.
#pragma once

#include "boundary/elements/Element.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace magtwin {

/// One named, unit-carrying parameter of a model, for write-back and reports.
struct ModelParameter {
    std::string name;
    double value;
    std::string unit;
};

class YieldModel {
public:
    YieldModel(const Element& ion, const Element& target) : ion_(ion), target_(target) {}
    virtual ~YieldModel() = default;

    /// Registry name, e.g. "chen1985".
    virtual std::string name() const = 0;
    /// Paper and DOI.
    virtual std::string citation() const = 0;
    /// Sputtered atoms per incident ion at normal incidence; 0 at or below threshold.
    virtual double yield(double energyEv) const = 0;
    /// Threshold energy in eV, or nullopt for a model without one (Sigmund 1969).
    virtual std::optional<double> thresholdEv() const = 0;
    /// The pair constants the model uses, so a run can be reproduced from its output.
    virtual std::vector<ModelParameter> parameters() const = 0;

    const Element& ion() const { return ion_; }
    const Element& target() const { return target_; }

private:
    Element ion_;
    Element target_;
};

}  // namespace magtwin
