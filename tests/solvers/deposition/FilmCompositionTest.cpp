// FilmComposition (solvers/deposition/FilmComposition.hpp): the film's composition and
// thickness from the cathodes' fluence maps.
//
// Closed form: two point sources facing down (-z) at height h over the substrate plane,
// emitting N_A and N_B atoms/s with the cosine law p(cos theta) = cos theta / pi. A point
// of the plane at distance r from source k receives (Ohring, Materials Science of Thin
// Films, 2nd ed. 2002, sec. 5.2.2)
//   Phi_k = N_k p(cos theta) cos theta' / r^2 = N_k cos theta cos theta' / (pi r^2),
// and with the source's normal and the plane's normal both along z, cos theta = cos theta'
// = h / r, so Phi_k = N_k h^2 / (pi r^4). Species s is carried by cathode k's flux at its
// bulk fraction c_{k,s} (steady state), so the film's atom fraction of s at that point is
//   f_s = (c_{A,s} Phi_A + c_{B,s} Phi_B) / (Phi_A + Phi_B);
// for two elements A and B: f_A = Phi_A / (Phi_A + Phi_B).
// The maps come from the project's direct transport (a sum over the two elements, exact
// for point elements), so the only error is rounding: 1e-12 (about 1e4 ulp) is the
// tolerance.
#include "solvers/deposition/FilmComposition.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/deposition/Uniformity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace magtwin;

namespace {

constexpr double kH = 0.12;  // source height (m)

struct TwoPointSources {
    SubstrateGrid grid;
    std::vector<CathodeGroup> groups;
    EmissionLayout layout;
    Eigen::Vector3d a{-0.03, 0.01, kH}, b{0.035, -0.02, kH};
    double nA = 3.0e18, nB = 1.3e18;  // atoms/s

    TwoPointSources() {
        Substrate s;
        s.shape = Substrate::Shape::Wafer;
        s.sizeXM = 0.1;
        s.pitchM = 0.005;
        s.edgeExclusionM = 0.003;
        grid = sampleSubstrate(s);
        std::shared_ptr<const EmissionAngularDistribution> law = makeAngularDistribution("cosine");
        for (const auto& [p, n] : {std::pair{a, nA}, std::pair{b, nB}}) {
            EmissionSource src;
            src.angular = law;
            src.elements.push_back({p, Eigen::Vector3d(0, 0, -1), 1e-6, n / 1e-6});
            layout.sources.push_back(src);
            layout.cathodeNames.push_back("point");
            layout.atomsPerSecond.push_back(n);
            layout.erodedDepthM.push_back(0);
            CathodeGroup g;
            g.type = CathodeGroup::Type::PlanarCircular;
            groups.push_back(g);
        }
    }
    CathodeResponses responses() const {
        SubstrateMotion m;
        m.kind = SubstrateMotion::Kind::Static;
        m.timeS = 1.0;
        return CathodeResponses(groups, layout, {}, grid, m, TransportMethod::Direct);
    }
    /// Phi_k = N_k h^2 / (pi r^4) at grid point i.
    double phi(const Eigen::Vector3d& src, double n, std::size_t i) const {
        const double r2 = (grid.grid.points[i] - src).squaredNorm();
        return n * kH * kH / (M_PI * r2 * r2);
    }
};

Material element(const std::string& s) { return MaterialLibrary::builtin().get(s); }

double relErr(double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

}  // namespace

TEST(FilmComposition, TwoElementCoSputterMatchesPointSourceClosedForm) {
    const TwoPointSources t;
    const FilmSpec film{element("Ni"), false, 1.0};
    const DepositedFilm f = depositedFilm(t.responses(), {element("Ni"), element("Pt")}, {1.0, 1.0}, film);
    ASSERT_EQ(f.composition.species, (std::vector<std::string>{"Ni", "Pt"}));
    double worst = 0;
    for (std::size_t i = 0; i < t.grid.grid.size(); ++i) {
        const double pa = t.phi(t.a, t.nA, i), pb = t.phi(t.b, t.nB, i);
        const double expected = pa / (pa + pb);
        worst = std::max(worst, relErr(f.composition.fraction[0][i], expected));
        worst = std::max(worst, relErr(f.composition.fraction[1][i], pb / (pa + pb)));
    }
    std::printf("[figure] Ni-Pt point sources: max relative error of the fractions %.2e\n", worst);
    EXPECT_LT(worst, 1e-12);
    // Negative control: the fractions do vary over the wafer (sources 65 mm apart).
    const auto [lo, hi] = std::minmax_element(f.composition.fraction[0].begin(), f.composition.fraction[0].end());
    EXPECT_GT(*hi - *lo, 0.3);
}

TEST(FilmComposition, CompoundAndElementCoSputterMatchesClosedFormPerSpecies) {
    const TwoPointSources t;
    // A custom In-Sn-O target (atom fractions) beside a Zn target: O comes only from A.
    const Material ito = customMaterial({{"In", 0.36}, {"Sn", 0.04}, {"O", 0.60}}, FractionBasis::Atom, 7.1);
    const std::vector<Material> targets{ito, element("Zn")};
    const std::vector<double> trims{1.2, 0.7};
    const DepositedFilm f = depositedFilm(t.responses(), targets, trims, FilmSpec{ito, false, 0.9});
    ASSERT_EQ(f.composition.species, (std::vector<std::string>{"In", "Sn", "O", "Zn"}));
    double worst = 0;
    for (std::size_t i = 0; i < t.grid.grid.size(); ++i) {
        const double pa = trims[0] * t.phi(t.a, t.nA, i), pb = trims[1] * t.phi(t.b, t.nB, i);
        for (std::size_t s = 0; s < 4; ++s) {
            const std::string& el = f.composition.species[s];
            const double expected = (targets[0].fraction(el) * pa + targets[1].fraction(el) * pb) / (pa + pb);
            worst = std::max(worst, relErr(f.composition.fraction[s][i], expected));
        }
    }
    EXPECT_LT(worst, 1e-12);
}

TEST(FilmComposition, PerSpeciesAtomsSumToTheTotalMap) {
    // Conservation: sum_s A_s = S sum_k t_k F_k, per point (sum_s c_{k,s} = 1).
    const TwoPointSources t;
    const CathodeResponses r = t.responses();
    const Material igzoLike =
        customMaterial({{"In", 1 / 7.0}, {"Ga", 1 / 7.0}, {"Zn", 1 / 7.0}, {"O", 4 / 7.0}}, FractionBasis::Atom, 6.4);
    const std::vector<double> trims{0.8, 1.3};
    const double sticking = 0.85;
    const DepositedFilm f = depositedFilm(r, {igzoLike, element("Cu")}, trims, FilmSpec{igzoLike, false, sticking});
    const std::vector<double> total = r.combined(trims);
    double worst = 0;
    for (std::size_t i = 0; i < total.size(); ++i) {
        double sum = 0;
        for (const auto& a : f.atomsM2) sum += a[i];
        worst = std::max(worst, relErr(sum, sticking * total[i]));
    }
    std::printf("[figure] per-species conservation: max relative error %.2e\n", worst);
    EXPECT_LT(worst, 1e-12);
}

TEST(FilmComposition, CompoundSingleTargetCarriesItsBulkComposition) {
    const TwoPointSources t;
    const Material ito = customMaterial({{"In", 0.36}, {"Sn", 0.04}, {"O", 0.60}}, FractionBasis::Atom, 7.1, 6.9);
    // Both cathodes of the one material: the film is the target everywhere.
    const DepositedFilm f = depositedFilm(t.responses(), {ito, ito}, {1.0, 0.6}, FilmSpec{ito, false, 1.0});
    ASSERT_EQ(f.composition.species.size(), 3u);
    for (std::size_t s = 0; s < 3; ++s) {
        const double c = ito.fraction(f.composition.species[s]);
        for (std::size_t i = 0; i < t.grid.grid.size(); ++i)
            ASSERT_NEAR(f.composition.fraction[s][i], c, 1e-12) << f.composition.species[s] << " at " << i;
    }
    EXPECT_EQ(f.composition.rule, FilmThicknessRule::FilmMaterial);
}

TEST(FilmComposition, ElementalThicknessIsBitIdenticalToTheFilmMaterialRule) {
    // One element: thickness = S F / n_film exactly as Uniformity.hpp's thicknessNm gives it.
    const TwoPointSources t;
    const CathodeResponses r = t.responses();
    const Material mo = element("Mo");
    const std::vector<double> trims{1.1, 0.9};
    const DepositedFilm f = depositedFilm(r, {mo, mo}, trims, FilmSpec{mo, true, 0.95});
    const std::vector<double> before = thicknessNm(r.combined(trims), mo.filmAtomicDensityPerM3(), 0.95);
    ASSERT_EQ(f.thicknessNm.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) ASSERT_EQ(f.thicknessNm[i], before[i]) << i;
    ASSERT_EQ(f.composition.species, (std::vector<std::string>{"Mo"}));
    for (std::size_t i = 0; i < before.size(); ++i) ASSERT_EQ(f.composition.fraction[0][i], 1.0);
}

TEST(FilmComposition, CoSputteredThicknessFollowsVolumeAdditivityOrTheStatedDensity) {
    const TwoPointSources t;
    const Material ni = element("Ni"), pt = element("Pt");
    const double na = ni.filmAtomicDensityPerM3(), nb = pt.filmAtomicDensityPerM3();
    // No film stated: each cathode's atoms at its own film's atomic density.
    const DepositedFilm v = depositedFilm(t.responses(), {ni, pt}, {1.0, 1.0}, FilmSpec{ni, false, 1.0});
    EXPECT_EQ(v.composition.rule, FilmThicknessRule::VolumeAdditivity);
    // film.density stated (8 g/cm^3 for the whole film): mass per area / density.
    Material film = ni;
    film.filmDensityGPerCm3 = 8.0;
    const DepositedFilm d = depositedFilm(t.responses(), {ni, pt}, {1.0, 1.0}, FilmSpec{film, true, 1.0});
    EXPECT_EQ(d.composition.rule, FilmThicknessRule::FilmDensity);
    const ElementTable& table = ElementTable::builtin();
    const double ma = table.get("Ni").massAmu * 1e-3 / kAvogadroPerMol,
                 mb = table.get("Pt").massAmu * 1e-3 / kAvogadroPerMol;
    double worstV = 0, worstD = 0;
    for (std::size_t i = 0; i < t.grid.grid.size(); ++i) {
        const double pa = t.phi(t.a, t.nA, i), pb = t.phi(t.b, t.nB, i);
        worstV = std::max(worstV, relErr(v.thicknessNm[i], (pa / na + pb / nb) * 1e9));
        worstD = std::max(worstD, relErr(d.thicknessNm[i], (pa * ma + pb * mb) / 8000.0 * 1e9));
    }
    EXPECT_LT(worstV, 1e-12);
    EXPECT_LT(worstD, 1e-12);
}

TEST(FilmComposition, UniformityIsMaxMinusMinOverTheQualityArea) {
    FilmComposition c;
    c.species = {"Ni", "Pd"};
    c.fraction = {{0.2, 0.4, 0.9, NAN}, {0.8, 0.6, 0.1, NAN}};
    composeUniformity(c, {1, 1, 0, 1});  // point 2 outside the quality area, point 3 no deposit
    ASSERT_EQ(c.uniformity.size(), 2u);
    EXPECT_DOUBLE_EQ(c.uniformity[0].minPct, 20.0);
    EXPECT_DOUBLE_EQ(c.uniformity[0].maxPct, 40.0);
    EXPECT_DOUBLE_EQ(c.uniformity[0].rangePct, 20.0);
    EXPECT_DOUBLE_EQ(c.uniformity[0].meanPct, 30.0);
    EXPECT_DOUBLE_EQ(c.uniformity[1].meanPct, 70.0);
    EXPECT_THROW(composeUniformity(c, {0, 0, 0, 1}), std::invalid_argument);
}

TEST(FilmComposition, RuleFollowsTheTargetsAndTheStatedFilm) {
    const Material cu = element("Cu"), mo = element("Mo");
    EXPECT_EQ(filmThicknessRule({cu, cu}, FilmSpec{cu, false, 1}), FilmThicknessRule::FilmMaterial);
    EXPECT_EQ(filmThicknessRule({cu, mo}, FilmSpec{cu, false, 1}), FilmThicknessRule::VolumeAdditivity);
    EXPECT_EQ(filmThicknessRule({cu, mo}, FilmSpec{cu, true, 1}), FilmThicknessRule::FilmDensity);
    EXPECT_FALSE(sameComposition(cu, mo));
    EXPECT_THROW(
        depositedFilm([](const std::vector<double>& w) { return w; }, {cu}, {1.0, 1.0}, FilmSpec{cu, false, 1}),
        std::invalid_argument);
}
