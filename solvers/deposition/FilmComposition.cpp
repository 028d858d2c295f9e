#include "solvers/deposition/FilmComposition.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/deposition/Uniformity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace magtwin {

const char* filmThicknessRuleName(FilmThicknessRule rule) {
    switch (rule) {
        case FilmThicknessRule::FilmMaterial:
            return "film-material";
        case FilmThicknessRule::FilmDensity:
            return "film-density";
        case FilmThicknessRule::VolumeAdditivity:
            return "volume-additivity";
    }
    return "";
}

std::vector<Material> cathodeMaterials(const std::vector<CathodeGroup>& groups) {
    std::vector<Material> out;
    for (const CathodeGroup& g : groups)
        for (int i = 0; i < g.cathodeCount(); ++i)
            out.push_back(g.depositedMaterial.value_or(g.discharge.targetMaterial));
    return out;
}

bool sameComposition(const Material& a, const Material& b) {
    if (a.components.size() != b.components.size()) return false;
    for (const MaterialComponent& c : a.components)
        if (!(std::abs(b.fraction(c.symbol) - c.atomFraction) <= 1e-12) || b.fraction(c.symbol) == 0) return false;
    return true;
}

FilmThicknessRule filmThicknessRule(const std::vector<Material>& targets, const FilmSpec& film) {
    const bool allFilm = std::all_of(targets.begin(), targets.end(),
                                     [&](const Material& m) { return sameComposition(m, film.material); });
    if (allFilm) return FilmThicknessRule::FilmMaterial;
    return film.stated ? FilmThicknessRule::FilmDensity : FilmThicknessRule::VolumeAdditivity;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The film's mass density (kg/m^3): film density of the film material, else its bulk's.
double filmMassDensity(const Material& film) {
    const double rho = film.filmMassDensityKgM3();
    if (!(rho > 0)) throw std::invalid_argument("film material " + film.name + " has no density");
    return rho;
}

/// Film-density rule: t = sum_s A_s M_s / (rho_f N_A), in nm (M_s in kg/mol).
std::vector<double> thicknessFromMass(const DepositedFilm& f, const std::vector<std::string>& species, double rhoKgM3) {
    const ElementTable& table = ElementTable::builtin();
    std::vector<double> t(f.atomsM2.front().size(), 0.0);
    for (std::size_t s = 0; s < species.size(); ++s) {
        const double kgPerAtom = table.get(species[s]).massAmu * 1e-3 / kAvogadroPerMol;
        const std::vector<double>& a = f.atomsM2[s];
        for (std::size_t k = 0; k < t.size(); ++k) t[k] += a[k] * kgPerAtom;
    }
    for (double& v : t) v = v / rhoKgM3 * 1e9;
    return t;
}

/// f_s = A_s / sum A (NaN where the sum is 0).
std::vector<std::vector<double>> fractionsOf(const std::vector<std::vector<double>>& atoms) {
    const std::size_t n = atoms.front().size();
    std::vector<double> total(n, 0.0);
    for (const auto& a : atoms)
        for (std::size_t k = 0; k < n; ++k) total[k] += a[k];
    std::vector<std::vector<double>> out(atoms.size(), std::vector<double>(n));
    for (std::size_t s = 0; s < atoms.size(); ++s)
        for (std::size_t k = 0; k < n; ++k) out[s][k] = total[k] > 0 ? atoms[s][k] / total[k] : kNaN;
    return out;
}

/// One material everywhere: A_s = c_s S F, f_s = c_s exactly where F > 0.
void uniformComposition(const std::vector<double>& fluence, const Material& m, double sticking, DepositedFilm& f) {
    for (const MaterialComponent& c : m.components) {
        f.composition.species.push_back(c.symbol);
        std::vector<double> a(fluence.size()), x(fluence.size());
        for (std::size_t k = 0; k < fluence.size(); ++k) {
            a[k] = c.atomFraction * sticking * fluence[k];
            x[k] = fluence[k] > 0 ? c.atomFraction : kNaN;
        }
        f.atomsM2.push_back(std::move(a));
        f.composition.fraction.push_back(std::move(x));
    }
}

void checkSticking(double s) {
    if (!(s > 0 && s <= 1)) throw std::invalid_argument("sticking coefficient must be in (0, 1]");
}

}  // namespace

DepositedFilm depositedFilm(const FluenceCombination& combine, const std::vector<Material>& targets,
                            const std::vector<double>& trims, const FilmSpec& film) {
    if (targets.empty() || targets.size() != trims.size())
        throw std::invalid_argument("film composition: one target material and one trim per cathode");
    checkSticking(film.sticking);
    DepositedFilm f;
    f.composition.rule = filmThicknessRule(targets, film);
    const bool oneMaterial = std::all_of(targets.begin(), targets.end(),
                                         [&](const Material& m) { return sameComposition(m, targets.front()); });
    if (oneMaterial) {
        // The total map as every path computed it before compositions: combined(trims).
        const std::vector<double> fluence = combine(trims);
        uniformComposition(fluence, targets.front(), film.sticking, f);
        if (f.composition.rule == FilmThicknessRule::FilmMaterial)
            f.thicknessNm = thicknessNm(fluence, film.material.filmAtomicDensityPerM3(), film.sticking);
        else
            f.thicknessNm = thicknessFromMass(f, f.composition.species, filmMassDensity(film.material));
        return f;
    }
    // Co-sputtering: one combination per species, weights t_k c_{k,s}.
    for (const Material& m : targets)
        for (const MaterialComponent& c : m.components)
            if (std::find(f.composition.species.begin(), f.composition.species.end(), c.symbol) ==
                f.composition.species.end())
                f.composition.species.push_back(c.symbol);
    for (const std::string& s : f.composition.species) {
        std::vector<double> w(targets.size());
        for (std::size_t k = 0; k < targets.size(); ++k) w[k] = trims[k] * targets[k].fraction(s);
        std::vector<double> a = combine(w);
        for (double& v : a) v *= film.sticking;
        f.atomsM2.push_back(std::move(a));
    }
    f.composition.fraction = fractionsOf(f.atomsM2);
    if (f.composition.rule == FilmThicknessRule::VolumeAdditivity) {
        // Each cathode's atoms at the atomic density of its own film: weights t_k / n_k.
        std::vector<double> w(targets.size());
        for (std::size_t k = 0; k < targets.size(); ++k) w[k] = trims[k] / targets[k].filmAtomicDensityPerM3();
        f.thicknessNm = combine(w);
        for (double& v : f.thicknessNm) v *= film.sticking * 1e9;
    } else {
        f.thicknessNm = thicknessFromMass(f, f.composition.species, filmMassDensity(film.material));
    }
    return f;
}

DepositedFilm depositedFilm(const CathodeResponses& responses, const std::vector<Material>& targets,
                            const std::vector<double>& trims, const FilmSpec& film) {
    if (targets.size() != responses.cathodes())
        throw std::invalid_argument("film composition: one target material per cathode");
    return depositedFilm([&responses](const std::vector<double>& w) { return responses.combined(w); }, targets, trims,
                         film);
}

DepositedFilm depositedFilm(const std::vector<double>& fluence, const Material& target, const FilmSpec& film) {
    return depositedFilm(
        [&fluence](const std::vector<double>& w) {
            std::vector<double> out(fluence);
            for (double& v : out) v *= w.front();
            return out;
        },
        {target}, {1.0}, film);
}

void composeUniformity(FilmComposition& c, const std::vector<char>& mask) {
    c.uniformity.clear();
    for (std::size_t s = 0; s < c.species.size(); ++s) {
        const std::vector<double>& f = c.fraction[s];
        if (f.size() != mask.size()) throw std::invalid_argument("film composition: map and mask sizes differ");
        SpeciesUniformity u;
        u.symbol = c.species[s];
        double lo = INFINITY, hi = -INFINITY, sum = 0;
        std::size_t n = 0;
        for (std::size_t k = 0; k < f.size(); ++k) {
            if (!mask[k] || std::isnan(f[k])) continue;
            lo = std::min(lo, f[k]);
            hi = std::max(hi, f[k]);
            sum += f[k];
            ++n;
        }
        if (n == 0) throw std::invalid_argument("film composition: no deposit inside the quality area");
        u.meanPct = 100.0 * sum / double(n);
        u.minPct = 100.0 * lo;
        u.maxPct = 100.0 * hi;
        u.rangePct = u.maxPct - u.minPct;
        c.uniformity.push_back(u);
    }
}

}  // namespace magtwin
