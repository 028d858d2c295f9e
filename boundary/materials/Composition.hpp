// Composition: what a target's source states (constituents with amounts by weight, by formula
// unit or by atom) turned into atom fractions, plus what the constituents imply for the mixture.
//
//   formula units per constituent k:  n_k = w_k / M_k (wt),  n_k = a_k (mol or at)
//   atoms of element i:               N_i = sum_k n_k nu_ik      (nu_ik: atoms of i in formula k)
//   atom fraction:                    c_i = N_i / sum_j N_j
//   ideal-mixture density:            rho = 1 / sum_k (w_k / rho_k),  w_k = n_k M_k / sum_l n_l M_l
//                                     (volume additivity of the constituents: a fully dense target)
//   heat of formation per atom:       h = sum_k n_k (-Delta H_f,k) / sum_i N_i     (eV per atom)
// M_k: formula mass from the element table (CIAAW 2021). Constituents are elements (from
// boundary/data/elements.csv, Delta H_f = 0) or compounds of boundary/data/constituents.csv
// (density and Delta H_f from the CRC Handbook, cited there). Worked example (ITO, In2O3:SnO2
// 90:10 wt%): n = 90/277.63 and 10/150.71 -> In 0.3563, Sn 0.0365, O 0.6073 (tests/boundary/
// MaterialLibraryTest checks it against the hand calculation).
#pragma once

#include "boundary/materials/Material.hpp"

#include <string>
#include <utility>
#include <vector>

namespace magtwin {

/// How a list of amounts is meant.
enum class AmountBasis { Atom, Mole, Weight };

/// "wt", "mol" or "at" (throws std::invalid_argument otherwise).
AmountBasis parseAmountBasis(const std::string& text);
std::string amountBasisName(AmountBasis basis);

/// Atoms per formula unit, in the order they appear: "In2O3" -> {In 2, O 3}; "InGaZnO4";
/// counts may be decimal ("In0.5"). Throws std::invalid_argument for an unknown element or a
/// malformed formula.
std::vector<std::pair<std::string, double>> parseFormula(const std::string& formula);

/// Formula mass in amu from the element table.
double formulaMassAmu(const std::string& formula);

struct ConstituentData {
    std::string formula;
    double densityGPerCm3 = 0.0;
    double formationEnthalpyKJPerMol = 0.0;  ///< Delta H_f (negative for a stable compound)
};

/// Density and heat of formation of a constituent: a compound of constituents.csv or an
/// element (its density, Delta H_f = 0). Throws std::invalid_argument naming the known ones.
ConstituentData constituentData(const std::string& formula);

struct MixedComposition {
    std::vector<MaterialComponent> components;  ///< atom fractions, first-appearance order
    double idealDensityGPerCm3 = 0.0;           ///< 0 when a constituent has no density
    double formationEnthalpyEvPerAtom = 0.0;    ///< -Delta H_f per atom (eV), >= 0 for stable ones
};

/// The equations above. Amounts must be positive; Atom basis takes elements only.
MixedComposition mixConstituents(const std::vector<std::pair<std::string, double>>& amounts, AmountBasis basis);

}  // namespace magtwin
