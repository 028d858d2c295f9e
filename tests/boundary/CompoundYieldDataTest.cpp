// The multicomponent model (default law, "auto") against published measured yields of compound
// targets (tests/boundary/data/compound_yields_published.csv, sources cited there).
//
// Tolerance: |ln(Y_model / Y_measured)| < 1.1 (a factor 3). Origin: the element laws the
// compound model is built on already miss single elements by that much: per-target median
// ln(Y_model/Y_exp) for Ar+ of chen1985 ranges from -1.07 (C) to +0.55 (Ti) over the 33 Table I
// targets of `magtwin yield --validate` (Yamamura & Tawara 1996 compilation, 100 eV - 5 keV);
// SiC contains C. The published values carry no unit in the abstract; read as molecules/ion
// (twice the atoms) SiC gives ln = -1.09 and PbTe -0.23, inside the same bound, so the
// conclusion does not hang on the reading.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/Composition.hpp"
#include "boundary/util/Csv.hpp"
#include "boundary/yield/SputterYield.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {
Material compound(const std::string& formula) {
    const MixedComposition mix = mixConstituents({{formula, 1.0}}, AmountBasis::Mole);
    Material m{formula, mix.components, mix.idealDensityGPerCm3, std::nullopt, "test"};
    m.formationEnthalpyEvPerAtom = mix.formationEnthalpyEvPerAtom;
    return m;
}
}  // namespace

TEST(CompoundYieldData, ModelWithinTheElementLawsScatterOfPublishedPoints) {
    const CsvTable data =
        CsvTable::readFile(std::string(MAGTWIN_SOURCE_DIR) + "/tests/boundary/data/compound_yields_published.csv");
    ASSERT_GE(data.rowCount(), 2u);
    for (std::size_t r = 0; r < data.rowCount(); ++r) {
        const Element& ion = ElementTable::builtin().get(data.text(r, "ion"));
        const SputterYield model("auto", "none", ion, compound(data.text(r, "target")));
        const double E = data.number(r, "energy_eV"), measured = data.number(r, "yield");
        const double lnRatio = std::log(model.yield(E) / measured);
        EXPECT_LT(std::abs(lnRatio), 1.1) << data.where(r, "yield") << ": model " << model.yield(E);
        EXPECT_LT(std::abs(std::log(model.yield(E) / (2.0 * measured))), 1.1) << "molecules/ion reading";
    }
}
