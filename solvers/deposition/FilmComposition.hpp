// FilmComposition: what the film is made of at every substrate point, and how thick it is,
// from the fluence each cathode deposits (CathodeResponses.hpp) and the cathodes' targets.
//
// Species fluence. At steady state a multicomponent target sputters its bulk composition:
// the surface enriches in the species with the lower partial yield until the sputtered flux
// carries the bulk's atom fractions (G. Betz & G. K. Wehner, "Sputtering of multicomponent
// materials", in Sputtering by Particle Bombardment II, ed. R. Behrisch, Topics Appl. Phys.
// 52, Springer 1983, pp. 11-90; boundary/materials/Material.hpp). Species s therefore leaves
// cathode k at c_{k,s} times the cathode's atom rate, with the cathode's emission law and
// transport, and
//   F_s(x) = sum_k c_{k,s} t_k F_k(x)        (F_k: cathode k's fluence at trim 1, t_k: trim)
// is deposited with the film's one sticking coefficient S (the tool file's film.sticking,
// the same for every species): A_s(x) = S F_s(x) atoms m^-2. Atom fraction:
//   f_s(x) = A_s(x) / sum_s' A_s'(x)        (NaN where nothing arrives).
// The emission law and the transport do not depend on the species here (one angular law per
// case, collisionless or one gas model), so the composition of a single target is its bulk
// composition at every point; composition varies only when cathodes of different targets
// (co-sputtering) contribute in different proportions.
//
// Oxygen and nitrogen: incorporated. A sputtered O or N atom of an oxide or nitride target
// counts as a film atom like any other species, because the steady state above makes the
// flux carry the target's O/N and the one sticking coefficient applies to every species.
// Oxygen lost from the growing film (O2 desorption, resputtering by O- ions accelerated from
// the target) and gas taken up from a reactive process are not modelled: that is the
// reactive-process model's, not this one's. A film material's own film density (materials
// library, e.g. ITO 7.1 g/cm^3) is that of the stoichiometric film, consistent with this.
//
// Thickness (atoms per film volume). Three rules, chosen by filmThicknessRule:
//   film-material      every target has the film material's composition (one target, an
//                      array of one material, the usual case): t = S F / n_film with
//                      n_film = film material's filmAtomicDensityPerM3 (Uniformity.hpp:
//                      thicknessNm), bit for bit as before compositions existed.
//   film-density       the tool file states the film (film.material or film.density) and
//                      the targets differ from it: the film's mass density rho_f holds
//                      everywhere, its atomic density follows the local composition:
//                      t = sum_s A_s M_s / (rho_f N_A)   (mass per area over mass density).
//   volume-additivity  co-sputtering of different targets with no film stated: each
//                      cathode's atoms take the volume they have in that cathode's own film
//                      (its target material's film density, else the bulk's):
//                      t = S sum_k t_k F_k / n_k. Additivity of molar volumes (E-An Zen,
//                      "Validity of 'Vegard's law'", Am. Mineral. 41, 523 (1956)); real
//                      alloys deviate from it by a few % of the volume (A. R. Denton & N. W.
//                      Ashcroft, Phys. Rev. A 43, 3161 (1991)): give film.density when the
//                      film's density is measured.
#pragma once

#include "boundary/materials/Material.hpp"
#include "solvers/deposition/CathodeResponses.hpp"

#include <functional>
#include <string>
#include <vector>

namespace magtwin {

enum class FilmThicknessRule { FilmMaterial, FilmDensity, VolumeAdditivity };

/// "film-material", "film-density", "volume-additivity" (summary.json's names).
const char* filmThicknessRuleName(FilmThicknessRule rule);

/// The film as the tool file gives it.
struct FilmSpec {
    Material material;      ///< film.material (default: the first cathode's target)
    bool stated = false;    ///< film.material or film.density was given in the tool file
    double sticking = 1.0;  ///< film.sticking, every species
};

/// Composition statistics of one species over the quality area (points with a deposit), in
/// at.% (100 f_s): mean of the map's points, min, max and uniformity = max - min.
struct SpeciesUniformity {
    std::string symbol;
    double meanPct = 0, minPct = 0, maxPct = 0, rangePct = 0;
};

/// The film's composition map.
struct FilmComposition {
    FilmThicknessRule rule = FilmThicknessRule::FilmMaterial;
    std::vector<std::string> species;           ///< in order of first appearance over the cathodes
    std::vector<std::vector<double>> fraction;  ///< per species, per point: f_s (NaN: no deposit)
    std::vector<SpeciesUniformity> uniformity;  ///< per species over the quality area
};

/// Everything the film model gives at once.
struct DepositedFilm {
    std::vector<double> thicknessNm;
    std::vector<std::vector<double>> atomsM2;  ///< per species, per point: A_s (deposited)
    FilmComposition composition;
};

/// Weighted sum of the cathodes' fluence maps at trim 1: sum_k w_k F_k (atoms m^-2), one
/// weight per cathode (CathodeResponses::combined).
using FluenceCombination = std::function<std::vector<double>(const std::vector<double>& weights)>;

/// Every cathode's deposited material (its target's; a reactive target's film,
/// CathodeGroup::depositedMaterial), in the order of the layout (an array's members repeat
/// their group's material).
std::vector<Material> cathodeMaterials(const std::vector<CathodeGroup>& groups);

/// True when `a` and `b` have the same components with atom fractions within 1e-12.
bool sameComposition(const Material& a, const Material& b);

/// The thickness rule for `targets` (one per cathode) and `film` (see the header).
FilmThicknessRule filmThicknessRule(const std::vector<Material>& targets, const FilmSpec& film);

/// The film from the cathodes' fluences (`combine`), their `targets` and `trims` (one per
/// cathode, each > 0). Throws std::invalid_argument on sizes that differ or an empty list.
DepositedFilm depositedFilm(const FluenceCombination& combine, const std::vector<Material>& targets,
                            const std::vector<double>& trims, const FilmSpec& film);
/// The same from CathodeResponses.
DepositedFilm depositedFilm(const CathodeResponses& responses, const std::vector<Material>& targets,
                            const std::vector<double>& trims, const FilmSpec& film);
/// The film of one target material from its total fluence (atoms m^-2): the gas-scattering
/// Monte Carlo's map, which tallies one sputtered material.
DepositedFilm depositedFilm(const std::vector<double>& fluence, const Material& target, const FilmSpec& film);

/// Fills composition.uniformity over the points with mask[k] != 0 and a deposit. Throws
/// std::invalid_argument if the mask's size differs or no such point exists.
void composeUniformity(FilmComposition& composition, const std::vector<char>& mask);

}  // namespace magtwin
