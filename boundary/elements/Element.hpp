// Element: the per-element data every physics model reads (SI-free: the yield
// formulas are written in their papers' units, eV, amu, Angstrom; conversions to SI
// are explicit helpers below).
//
// Data come from boundary/data/elements.csv, whose header cites each column.
// A compound target (ITO, MoNb, AlCu ...) will be a Material made of Elements with
// fractions; nothing here assumes a target is a single element.
#pragma once

#include <optional>
#include <string>

namespace magtwin {

/// Where an element's Yamamura-Tawara Q, W, s parameters come from.
enum class YamamuraParamSource {
    None,        ///< no parameters (projectile-only rows)
    TableI,      ///< Yamamura & Tawara 1996, Table I
    Recommended  ///< Y&T's fallback for elements outside Table I: Q=1, s=2.5, W=0.35*Us
};

struct YamamuraParams {
    double Q = 0.0;
    double W = 0.0;
    double s = 0.0;
    YamamuraParamSource source = YamamuraParamSource::None;
};

struct Element {
    std::string symbol;
    int Z = 0;
    double massAmu = 0.0;                    ///< standard atomic weight (amu)
    std::optional<double> densityGPerCm3;    ///< solid density; absent for gases
    std::optional<double> surfaceBindingEv;  ///< U_s (eV); absent for projectiles only
    YamamuraParams yamamura;                 ///< Y&T 1996 Table I parameters
    std::optional<double> workFunctionEv;    ///< electron work function (eV)
    std::optional<double> ionizationEv;      ///< first ionization energy (eV)

    /// Atomic number density n = rho N_A / M in atoms/m^3; throws if no density.
    double atomicDensityPerM3() const;
    /// Mean interatomic distance n^(-1/3) in Angstrom (Yamamura's R0); throws if no density.
    double meanAtomicSpacingAngstrom() const;
    /// Surface binding energy, throwing a clear error if the element has none.
    double requireSurfaceBindingEv() const;
};

}  // namespace magtwin
