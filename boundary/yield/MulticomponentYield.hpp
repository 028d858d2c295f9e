// multicomponent yield: steady-state total and partial sputtering yields of a compound or alloy
// target (ITO, IGZO, TiN, MoNb ...), built on the elemental energy laws of this folder.
//
// 1. Surface binding energy of species i in the compound (heat of sublimation plus an equal
//    share of the heat of formation):
//        U_i = U_i^el + h,   h = -Delta H_f / (atoms per formula unit)
//    U_i^el: elements.csv (O, N: half the dissociation enthalpy of O2, N2). Summed over a formula
//    unit, sum_i nu_i U_i = sum_i nu_i U_i^el - Delta H_f is the atomization enthalpy of the
//    solid (Hess's law, the Born-Haber cycle); spreading Delta H_f evenly over the atoms is the
//    mean surface binding energy of S. V. Baryshev, E. Thimsen, Chem. Mater. 27 (2015) 2294
//    (arXiv:1403.4922), who derive it in Sigmund's theory. Alloys: h = 0 (their heats of mixing
//    are a few % of U and are not tabulated here).
// 2. Preferential sputtering, per surface atom (H. H. Andersen, P. Sigmund, Mat. Fys. Medd.
//    Dan. Vid. Selsk. 39 no. 3 (1974); P. Sigmund, in Sputtering by Particle Bombardment I,
//    Topics Appl. Phys. 47 (1981) 9; G. Betz, G. K. Wehner, Topics Appl. Phys. 52 (1983) 11):
//        (Y_i / c_i^s) / (Y_j / c_j^s) = (M_j / M_i)^(2m) (U_j / U_i)^(1-2m)
//    with m the power-law exponent of the low-energy recoil cross section; m = 0.15, the middle
//    of the 0.1-0.2 those reviews give for sputtering energies (parameter "m").
// 3. Steady state (Andersen & Sigmund; Betz & Wehner): once the altered layer has formed the
//    sputtered flux carries the bulk composition, Y_i / Y_j = c_i^b / c_j^b, so the surface is
//        c_i^s = c_i^b M_i^(2m) U_i^(1-2m) / sum_j c_j^b M_j^(2m) U_j^(1-2m)
//    (enriched in the heavy, strongly bound species: the one that sputters less). It does not
//    depend on the ion energy in this model.
// 4. The energy law. Sigmund's yield is Lambda F_D(E) with F_D the energy deposited at the
//    surface; each elemental law y_j(E) (chen1985, yamamura1996, sigmund1969, evaluated for the
//    ion on species j with U_j) gives U_j y_j(E) proportional to species j's F_D. The altered
//    layer's F_D is taken additive in its composition (Bragg's rule for stopping, W. H. Bragg,
//    R. Kleeman, Phil. Mag. 10 (1905) 318):
//        F(E) = sum_j c_j^s U_j y_j(E)
//        Y_i(E) = c_i^s x_i / U_i * F(E) / X,   x_i = (M_i)^(-2m) U_i^(2m),  X = sum_k c_k^s x_k
//    which obeys step 2 exactly and gives Y = y for one element. The total is Y = sum_i Y_i and
//    Y_i = c_i^b Y at steady state (tests/boundary/MulticomponentYieldTest).
// "auto" picks one law for every species: yamamura1996 when all species have Yamamura-Tawara
// Table I parameters, else chen1985 (the element rule, YieldModelRegistry.hpp).
// Oblique incidence (SputterYield): every partial yield takes the angular factor of an
// effective element, the altered layer as one element (effectiveElement()): its mean mass and
// Z, the binding energy U_eff with Y = F / U_eff, and the target's atomic density.
// Validity: the elemental laws' (normal incidence, 100 eV - 5 keV for Ar), collisional
// sputtering only: no Gibbsian segregation, radiation-enhanced diffusion, molecule emission or
// oxygen loss to the gas; compared with published compound yields in docs/yield.md.
#pragma once

#include "boundary/materials/Material.hpp"
#include "boundary/yield/YieldModel.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

class MulticomponentYield : public YieldModel {
public:
    /// Andersen-Sigmund exponent m used by default (see the header).
    static constexpr double kDefaultMassExponent = 0.15;

    /// `law`: auto, sigmund1969, chen1985 or yamamura1996 (throws std::invalid_argument for
    /// another name, or for a component without a surface binding energy).
    MulticomponentYield(const std::string& law, const Element& ion, const Material& target,
                        double massExponent = kDefaultMassExponent);

    /// The energy law used for every species (auto resolved).
    std::string name() const override { return lawName_; }
    std::string citation() const override;
    /// Total steady-state yield at normal incidence (atoms/ion).
    double yield(double energyEv) const override;
    /// The lowest species threshold (the compound sputters above it), none for sigmund1969.
    std::optional<double> thresholdEv() const override { return thresholdEv_; }
    std::vector<ModelParameter> parameters() const override;

    /// Y_i per component of the material (its order), normal incidence; they sum to yield().
    std::vector<double> partialYields(double energyEv) const;
    /// Steady-state surface atom fractions c_i^s (material order).
    const std::vector<double>& surfaceComposition() const { return surface_; }
    /// Surface binding energies U_i in the compound (eV, material order).
    const std::vector<double>& bindingEnergiesEv() const { return bindingEv_; }
    const Material& material() const { return material_; }

    /// The altered layer as one element, for the angular factor: symbol = material name, mass
    /// sum c_i^s M_i, Z the nearest integer to sum c_i^s Z_i, U_s the binding energy for which
    /// Y = F / U_s (1 / (sum_i c_i^s x_i / U_i / X)), density the material's.
    static Element effectiveElement(const Material& target, const std::vector<double>& surface,
                                    const std::vector<double>& bindingEv, double massExponent);

private:
    MulticomponentYield(const std::string& law, const Element& ion, const Material& target, double massExponent,
                        std::vector<double> bindingEv);

    Material material_;
    std::string lawName_;
    double m_;
    std::vector<double> bindingEv_, surface_, emission_;  ///< emission_i = c_i^s x_i / U_i / X
    std::vector<std::unique_ptr<YieldModel>> laws_;
    std::optional<double> thresholdEv_;
};

}  // namespace magtwin
