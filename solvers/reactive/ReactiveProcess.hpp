// ReactiveProcess: a metal target in Ar + a reactive gas, turned into Berg's model
// (BergModel.hpp) from the project's own data, and its process curve under flow control.
//
// Where each input of BergParameters comes from:
//   - the compound: the material library's compound of exactly the target metal and the gas's
//     element (N2 -> the nitride, O2 -> the oxide; TiN, TaN in boundary/data/materials.csv);
//     none: std::invalid_argument naming the gas and the missing compound.
//   - Y_m: SputterYield(model, "none", ion, metal).yield(e V), normal incidence;
//     Y_c: the metal's partial yield of the compound at the same energy
//     (SputterYield(.., compound).partialYields, Andersen-Sigmund steady state,
//     boundary/yield/MulticomponentYield.hpp): one formula unit of M R_x leaves per metal atom
//     (Berg's "compound sputtered as molecules"). Their ratio Y_c / Y_m is reported.
//   - the ion flow: ionSupplyFrom (boundary/racetrack/IonSupply.hpp), I_ion = I / (1 + gamma_SE)
//     of the metallic target at the cathode's voltage V_m; at fixed power it follows the target
//     state through gamma(theta_t) (BergModel.hpp, extension 1) with gamma_m of the metal
//     (IonSupply's Baragiola estimate) and gamma_c of the compound: the chamber's value when
//     given, else the same estimate for the compound material (for TiN it equals Ti's, whose
//     work function the estimate uses: no voltage change unless the tool file gives gamma_c;
//     where no work function is known, gamma_c = gamma_m).
//   - implantation (extension 2): on when the chamber asks for it, with the working gas's
//     partial pressure.
//   - densities: the metal's atomic density and the compound's film density per formula unit
//     (Material::filmAtomicDensityPerM3 / (1 + x)).
//   - gas molecule mass: 2 x the element's standard atomic weight (elements.csv).
// Flows are molecules/s inside; 1 sccm = n_0 1e-6 m^3 / 60 s with Loschmidt's n_0 =
// 2.686780111e25 m^-3 (0 degC, 101325 Pa; CODATA 2018) = 4.4780e17 molecules/s.
#pragma once

#include "boundary/materials/Material.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "solvers/reactive/BergModel.hpp"

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

/// Molecules per second in one sccm (see above).
inline constexpr double kMoleculesPerSccm = 2.686780111e25 * 1e-6 / 60.0;

/// A reactive gas the model has data for.
struct ReactiveGas {
    std::string formula;  ///< "N2", "O2", "S2"
    std::string element;  ///< "N", "O", "S"
    double atomsPerMolecule = 2.0;
};
/// The reactive gases (N2, O2, S2 from a sulfur cracker).
const std::vector<ReactiveGas>& reactiveGases();
/// The gas `formula` names; throws std::invalid_argument listing the known ones.
const ReactiveGas& reactiveGas(const std::string& formula);
/// True for the inert working gases a --flow may also name (He, Ne, Ar, Kr, Xe).
bool isInertGas(const std::string& formula);

/// The library compound of exactly `metal` (an element) and the gas's element. Throws
/// std::invalid_argument "no compound data for GAS on METAL: ..." when the library has none,
/// or when `metal` is not an element.
Material reactiveCompound(const Material& metal, const ReactiveGas& gas);

/// The chamber's part of Berg's inputs (the tool file's process.reactive, SI).
struct ReactiveChamber {
    double targetAreaM2 = 0.0;
    double collectorAreaM2 = 0.0;
    double pumpingSpeedM3PerS = 0.0;
    double stickingTarget = 1.0;
    double stickingCollector = 1.0;
    double temperatureK = 300.0;
    std::optional<double> secondaryElectronCompound;  ///< gamma_c; none: Baragiola's estimate
    bool implantation = false;                        ///< RSD's reactive-ion implantation
    double inertPartialPressurePa = 0.0;              ///< the working gas's partial pressure
    double redepositionFraction = 0.0;                ///< RSD's redeposition on the target (BergModel.hpp (3))
};

/// The discharge: the working gas ion, voltage and power (or current) of the cathode.
struct ReactiveDischarge {
    std::string ion = "Ar";
    double voltageV = 0.0;
    double powerW = 0.0;
    std::string yieldModel = "auto";
};

struct ReactiveSetup {
    BergParameters parameters;
    Material metal, compound;
    ReactiveGas gas;
    double ionEnergyEv = 0.0;
    double yieldRatio = 0.0;  ///< Y_c / Y_m
};

/// The inputs of Berg's model that every cathode in `chamber` shares: ion supply, areas,
/// pumping, sticking, temperature, the gas molecule and the metal's film density, with the
/// metal yield Y_m at the supply's ion energy and gamma of the metal surface for both surfaces
/// (reactiveSetup then sets the compound's).
BergParameters chamberBergParameters(const ReactiveChamber& chamber, const ReactiveGas& gas, const Material& metal,
                                     const IonSupply& supply, double metalYield);

/// Berg's inputs from the project's data (see the header comment).
ReactiveSetup reactiveSetup(const Material& metal, const ReactiveGas& gas, const ReactiveChamber& chamber,
                            const ReactiveDischarge& discharge);

/// Branch of a steady state: the metal branch lies below the first turning point (or, with no
/// hysteresis, theta_t < 1/2), the compound branch above the second, the unstable one between.
enum class ReactiveBranch { Metal, Compound, Unstable };
std::string branchName(ReactiveBranch b);  ///< "metal" | "compound" | "unstable"

struct ReactiveOperatingState {
    ReactiveBranch branch = ReactiveBranch::Metal;
    BergState state;
};

/// Every steady state at `flowSccm` of the reactive gas, ascending in partial pressure,
/// each with its branch (unstable ones included, marked).
std::vector<ReactiveOperatingState> reactiveStates(const ReactiveSteadyStates& model, double flowSccm);

struct ProcessCurvePoint {
    double flowSccm = 0.0;
    ReactiveOperatingState state;
};
/// The process curve: reactiveStates at n flows evenly from `fromSccm` to `toSccm` (n >= 2).
std::vector<ProcessCurvePoint> processCurve(const ReactiveSteadyStates& model, double fromSccm, double toSccm, int n);

}  // namespace magtwin
