// erode and deposit at a reactive flow (process.reactive.flows; solvers/reactive/
// ReactiveTargetState.hpp) on cases/tools/reactive_ti_n2_flows.yaml: the erosion map against
// the closed form of the local state, the branches the history picks, the deposition case's
// emission and film, and the metallic path left as it was without flows.
#include "boundary/util/PhysicalConstants.hpp"
#include "cli/ErosionConfig.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolReactiveState.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace magtwin {
namespace {

const std::string kCase = std::string(MAGTWIN_SOURCE_DIR) + "/cases/tools/reactive_ti_n2_flows.yaml";

/// The same chamber without a reactive supply (flows removed).
ToolFile metallic(ToolFile t) {
    t.process.reactive->flows.clear();
    t.process.reactive->reactiveGas.clear();
    t.process.reactive->reactiveSccm = 0.0;
    return t;
}

ToolFile withApproach(ToolFile t, const std::string& approach) {
    t.process.reactive->approach = approach;
    return t;
}

/// theta from the state's Berg inputs, recomputed here: n_f alpha_t F / (n_f alpha_t F + J Y_c).
double closedFormTheta(const ReactiveTargetState& s, double J) {
    const BergParameters& p = s.setup.parameters;
    const double F =
        s.state.partialPressurePa / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
    const double f = p.atomsPerMolecule / p.reactiveAtomsPerMetal * p.stickingTarget * F;
    return f / (f + J * p.compoundYield);
}

TEST(ReactivePath, TheFlowInTheCaseIsInsideTheHysteresis) {
    const ToolFile tool = loadToolFile(kCase);
    const auto metal = reactiveStateFor(withApproach(tool, "from_metal"), tool.cathode("ti"));
    const auto compound = reactiveStateFor(withApproach(tool, "from_compound"), tool.cathode("ti"));
    ASSERT_TRUE(metal && compound);
    EXPECT_EQ(metal->stableStates, 2);
    EXPECT_EQ(metal->branch, ReactiveBranch::Metal);
    EXPECT_EQ(compound->branch, ReactiveBranch::Compound);
    EXPECT_LT(metal->state.thetaTarget, compound->state.thetaTarget);
    EXPECT_GT(metal->emissionFactor, compound->emissionFactor);
    // The track centre (highest ion flux) is less poisoned than where the flux is half of it.
    EXPECT_LT(metal->thetaCentre, metal->thetaHalfFlux);
    EXPECT_NEAR(metal->thetaCentre, closedFormTheta(*metal, metal->ionFluxMaxPerM2S), 1e-14);
    EXPECT_NEAR(metal->thetaHalfFlux, closedFormTheta(*metal, 0.5 * metal->ionFluxMaxPerM2S), 1e-14);
}

TEST(ReactivePath, TheResolvedTargetHonoursFlowScaleAndImplantation) {
    const ToolFile tool = loadToolFile(kCase);
    const auto base = reactiveStateFor(tool, tool.cathode("ti"));
    ASSERT_TRUE(base);
    // flow_scale: the flows given are true sccm times it; 2.52 units x 0.5 = 1.26 true sccm (below
    // the window): the same state as 1.26 sccm given with flow_scale 1.
    ToolFile scaled = tool, direct = tool;
    scaled.process.reactive->flowScale = 0.5;
    direct.process.reactive->reactiveSccm = 0.5 * tool.process.reactive->reactiveSccm;
    for (auto& f : direct.process.reactive->flows) f.sccm *= 0.5;  // the working gas scales too
    const auto a = reactiveStateFor(scaled, scaled.cathode("ti")), b = reactiveStateFor(direct, direct.cathode("ti"));
    ASSERT_TRUE(a && b);
    EXPECT_DOUBLE_EQ(a->operation.flowSccm, b->operation.flowSccm);
    EXPECT_DOUBLE_EQ(a->state.partialPressurePa, b->state.partialPressurePa);
    EXPECT_LT(a->state.partialPressurePa, base->state.partialPressurePa);  // a control: the scale acts
    // implantation: on, with p_inert = k T Q_Ar / S from the flows (40 sccm Ar, 100 L/s), the
    // chamber the uniform model gets from `magtwin reactive` with the same flows
    ToolFile implanted = tool;
    implanted.process.reactive->implantation = true;
    const auto c = reactiveStateFor(implanted, implanted.cathode("ti"));
    ASSERT_TRUE(c);
    EXPECT_TRUE(c->operation.chamber.implantation);
    const double pInert = 40.0 * kMoleculesPerSccm * kBoltzmannJPerK * 300.0 / 0.1;
    EXPECT_NEAR(c->operation.chamber.inertPartialPressurePa, pInert, 1e-12 * pInert);
    EXPECT_GT(c->state.reactiveIonFraction, 0.0);
    // the implanted N poisons the target further at the same flow and branch
    EXPECT_GT(c->thetaCentre, base->thetaCentre);
}

TEST(ReactivePath, TheErosionMapFollowsTheLocalState) {
    const ToolFile tool = loadToolFile(kCase);
    for (const char* approach : {"from_metal", "from_compound"}) {
        const ErosionSetup r = erosionSetupFor(withApproach(tool, approach), "ti");
        const ErosionSetup m = erosionSetupFor(metallic(tool), "ti");
        ASSERT_TRUE(r.reactive.has_value());
        ASSERT_FALSE(m.reactive.has_value());
        const GridSurface sr = r.engine->front->surface(), sm = m.engine->front->surface();
        const std::vector<double>& ion = sm.scalar("ion_flux_per_m2_s");
        const std::vector<double>& fr = sr.scalar("sputtered_flux_per_m2_s");
        const std::vector<double>& fm = sm.scalar("sputtered_flux_per_m2_s");
        ASSERT_EQ(fr.size(), fm.size());
        double sumR = 0.0, sumM = 0.0;
        int checked = 0;
        for (std::size_t k = 0; k < fm.size(); ++k) {
            sumR += fr[k];
            sumM += fm[k];
            if (!(fm[k] > 0.0)) continue;
            // Metal atoms per ion: (1 - theta) Y_m + theta Y_c, relative to Y_m (the header);
            // the same flat new surface, so the ratio is exact to round-off.
            const double theta = closedFormTheta(*r.reactive, ion[k]);
            const double want = (1.0 - theta) + theta * r.reactive->setup.yieldRatio;
            EXPECT_NEAR(fr[k] / fm[k], want, 1e-12) << approach << " point " << k;
            ++checked;
        }
        EXPECT_GT(checked, 100);
        // The map's total is the deposition side's emission factor (the same grid and sum).
        EXPECT_NEAR(sumR / sumM, r.reactive->emissionFactor, 1e-9) << approach;
    }
}

TEST(ReactivePath, DepositTakesTheStateOfTheBranch) {
    const ToolFile tool = loadToolFile(kCase);
    const DepositCase metal = depositCaseFor(withApproach(tool, "from_metal"), "");
    const DepositCase compound = depositCaseFor(withApproach(tool, "from_compound"), "");
    const auto sm = reactiveStateFor(withApproach(tool, "from_metal"), tool.cathode("ti"));
    const auto sc = reactiveStateFor(withApproach(tool, "from_compound"), tool.cathode("ti"));
    ASSERT_EQ(metal.cathodes.size(), 1u);
    EXPECT_DOUBLE_EQ(metal.cathodes[0].stateEmissionFactor, sm->emissionFactor);
    EXPECT_DOUBLE_EQ(compound.cathodes[0].stateEmissionFactor, sc->emissionFactor);
    EXPECT_DOUBLE_EQ(metal.cathodes[0].filmAtomsPerEmittedAtom, 1.0 + sm->state.thetaCollector);  // TiN: x = 1
    // The film: the compound when theta_c is within 1 % of 1, else Ti N_{theta_c} with Berg's
    // volume per metal atom (film atoms per volume = (1 + x theta_c) / V).
    for (const DepositCase* c : {&metal, &compound}) {
        const ReactiveTargetState& s = c == &metal ? *sm : *sc;
        const double thetaC = s.state.thetaCollector;
        ASSERT_TRUE(c->cathodes[0].depositedMaterial.has_value());
        EXPECT_EQ(c->filmMaterial.name, c->cathodes[0].depositedMaterial->name);
        if (1.0 - thetaC <= kStoichiometricFilm) {
            EXPECT_EQ(c->filmMaterial.name, "TiN");
        } else {
            const BergParameters& p = s.setup.parameters;
            const double v = thetaC / p.compoundFormulaDensityPerM3 + (1.0 - thetaC) / p.metalDensityPerM3;
            EXPECT_NEAR(c->filmMaterial.filmAtomicDensityPerM3(), (1.0 + thetaC) / v, 1e-9 * (1.0 + thetaC) / v);
            EXPECT_NEAR(c->filmMaterial.fraction("N"), thetaC / (1.0 + thetaC), 1e-14);
        }
    }
    // Without flows: a metallic target, the film its target's (the defaults, untouched).
    const DepositCase plain = depositCaseFor(metallic(tool), "");
    EXPECT_EQ(plain.cathodes[0].stateEmissionFactor, 1.0);
    EXPECT_EQ(plain.cathodes[0].filmAtomsPerEmittedAtom, 1.0);
    EXPECT_FALSE(plain.cathodes[0].depositedMaterial.has_value());
    EXPECT_FALSE(static_cast<bool>(plain.cathodes[0].cathode.target.stateYieldFactor));
    EXPECT_EQ(plain.filmMaterial.name, "Ti");
}

}  // namespace
}  // namespace magtwin
