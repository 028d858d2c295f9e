#include "boundary/yield/MulticomponentYield.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

std::vector<double> compoundBindingEnergies(const Material& m) {
    std::vector<double> U;
    for (const MaterialComponent& c : m.components)
        U.push_back(ElementTable::builtin().get(c.symbol).requireSurfaceBindingEv() + m.formationEnthalpyEvPerAtom);
    return U;
}

/// c_i^s = c_i^b M_i^(2m) U_i^(1-2m) / sum (step 3 of the header).
std::vector<double> steadySurface(const Material& m, const std::vector<double>& U, double exponent) {
    std::vector<double> s;
    double sum = 0.0;
    for (std::size_t i = 0; i < m.components.size(); ++i) {
        const double M = ElementTable::builtin().get(m.components[i].symbol).massAmu;
        s.push_back(m.components[i].atomFraction * std::pow(M, 2.0 * exponent) * std::pow(U[i], 1.0 - 2.0 * exponent));
        sum += s.back();
    }
    for (double& v : s) v /= sum;
    return s;
}

/// emission_i = c_i^s x_i / U_i / X, x_i = M_i^(-2m) U_i^(2m), X = sum c_k^s x_k (step 4).
std::vector<double> emissionWeights(const Material& m, const std::vector<double>& surface, const std::vector<double>& U,
                                    double exponent) {
    std::vector<double> x;
    double X = 0.0;
    for (std::size_t i = 0; i < m.components.size(); ++i) {
        const double M = ElementTable::builtin().get(m.components[i].symbol).massAmu;
        x.push_back(std::pow(M, -2.0 * exponent) * std::pow(U[i], 2.0 * exponent));
        X += surface[i] * x.back();
    }
    std::vector<double> w;
    for (std::size_t i = 0; i < x.size(); ++i) w.push_back(surface[i] * x[i] / U[i] / X);
    return w;
}

std::string resolvedLaw(const std::string& law, const Material& m) {
    if (law != "auto") {
        const std::vector<std::string> names = yieldModelNames();
        if (std::find(names.begin(), names.end(), law) == names.end()) {
            std::string valid = "auto";
            for (const auto& n : names) valid += ", " + n;
            throw std::invalid_argument("unknown yield model '" + law + "'; valid: " + valid);
        }
        return law;
    }
    for (const MaterialComponent& c : m.components)
        if (ElementTable::builtin().get(c.symbol).yamamura.source != YamamuraParamSource::TableI) return "chen1985";
    return "yamamura1996";
}

}  // namespace

Element MulticomponentYield::effectiveElement(const Material& target, const std::vector<double>& surface,
                                              const std::vector<double>& bindingEv, double massExponent) {
    Element e;
    e.symbol = target.name;
    double Z = 0.0, M = 0.0;
    for (std::size_t i = 0; i < target.components.size(); ++i) {
        const Element& el = ElementTable::builtin().get(target.components[i].symbol);
        Z += surface[i] * el.Z;
        M += surface[i] * el.massAmu;
    }
    e.Z = static_cast<int>(std::lround(Z));
    e.massAmu = M;
    double inverseU = 0.0;
    for (double w : emissionWeights(target, surface, bindingEv, massExponent)) inverseU += w;
    e.surfaceBindingEv = 1.0 / inverseU;
    // The altered layer's atomic density is taken as the target's: rho_eff = n M_eff / N_A.
    e.densityGPerCm3 = target.densityGPerCm3 * M / target.meanMassAmu();
    return e;
}

MulticomponentYield::MulticomponentYield(const std::string& law, const Element& ion, const Material& target,
                                         double massExponent)
    : MulticomponentYield(law, ion, target, massExponent, compoundBindingEnergies(target)) {}

MulticomponentYield::MulticomponentYield(const std::string& law, const Element& ion, const Material& target,
                                         double massExponent, std::vector<double> bindingEv)
    : YieldModel(ion,
                 effectiveElement(target, steadySurface(target, bindingEv, massExponent), bindingEv, massExponent)),
      material_(target),
      lawName_(resolvedLaw(law, target)),
      m_(massExponent),
      bindingEv_(std::move(bindingEv)) {
    if (target.components.empty()) throw std::invalid_argument("material " + target.name + " has no components");
    surface_ = steadySurface(material_, bindingEv_, m_);
    emission_ = emissionWeights(material_, surface_, bindingEv_, m_);
    for (std::size_t i = 0; i < material_.components.size(); ++i) {
        Element species = ElementTable::builtin().get(material_.components[i].symbol);
        species.surfaceBindingEv = bindingEv_[i];
        laws_.push_back(makeYieldModel(lawName_, ion, species));
        if (const auto th = laws_.back()->thresholdEv())
            thresholdEv_ = thresholdEv_ ? std::min(*thresholdEv_, *th) : *th;
    }
}

std::string MulticomponentYield::citation() const {
    return laws_.front()->citation() +
           " per species; compound binding energies U_i = U_i^el - Delta H_f/atom (Baryshev & Thimsen, Chem. "
           "Mater. 27 (2015) 2294); steady-state preferential sputtering after Andersen & Sigmund (1974) and "
           "Sigmund, Topics Appl. Phys. 47 (1981) 9, m = " +
           std::to_string(m_).substr(0, 4);
}

std::vector<double> MulticomponentYield::partialYields(double energyEv) const {
    double F = 0.0;  // sum_j c_j^s U_j y_j(E)
    for (std::size_t j = 0; j < laws_.size(); ++j) F += surface_[j] * bindingEv_[j] * laws_[j]->yield(energyEv);
    std::vector<double> Y;
    for (double w : emission_) Y.push_back(w * F);
    return Y;
}

double MulticomponentYield::yield(double energyEv) const {
    double total = 0.0;
    for (double y : partialYields(energyEv)) total += y;
    return total;
}

std::vector<ModelParameter> MulticomponentYield::parameters() const {
    std::vector<ModelParameter> p{{"m", m_, "1"}, {"h_formation", material_.formationEnthalpyEvPerAtom, "eV"}};
    for (std::size_t i = 0; i < bindingEv_.size(); ++i)
        p.push_back({"U_" + material_.components[i].symbol, bindingEv_[i], "eV"});
    for (std::size_t i = 0; i < surface_.size(); ++i)
        p.push_back({"c_surface_" + material_.components[i].symbol, surface_[i], "1"});
    if (thresholdEv_) p.push_back({"E_th", *thresholdEv_, "eV"});
    return p;
}

}  // namespace magtwin
