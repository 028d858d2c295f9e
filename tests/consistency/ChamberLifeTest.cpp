// Consistency suite of the resolved chamber, in the manner of Cantera's thermo consistency
// tests (one set of invariants run over every model from one list of cases):
//
//  1. The same life from every path. For every cathode of every shipped tool file
//     (cases/tools/*.yaml, listed from the folder so a new file is covered) and for
//     custom_erosion.yaml (every `erosion:` key at a non-default value, a grain map on a
//     rotary, a planar-rect and a planar-circular cathode), the end of life and the
//     utilization from
//       erode     erosionSetupFor + runToEndOfLife on a copy of the new front (ErodeCommand),
//       deposit   depositCaseFor -> TargetErosionState::endsOfLife (deposit --life-sweep's
//                 end_of_life_kWh and compare's target_life_kWh / utilization_pct: the same call),
//       replay    depositCaseFor's groups (replaySetupFor) -> ReplayLifeTable::endOfLifeKWh
//     agree to 1e-9 relative. The paths build their engines separately (makeErosionEngine from
//     the tool's cathode, and from the group's operating spec), so equality to rounding says
//     they hand the engine the same inputs; 1e-9 (not 0) leaves room for P = V I rounded
//     differently when a current is given.
//     Array members differ only in x, which the engine never sees (it erodes in the cathode's
//     frame): each member's erosion key (operating spec + settings) is checked equal to the
//     first member's, and the first member is eroded.
//  2. Sputtered atoms = eroded volume x atomic density over a life step, for each cathode
//     type (custom_erosion.yaml's three cathodes).
//  3. Compound and alloy targets (compound_erosion.yaml: ITO rotary, IGZO planar-rect, TiN
//     planar-circular, a wt% composition of the user's own): the same life on every path,
//     and per species: sputtered atoms of species i = eroded volume x c_i x n, with n the
//     compound's atomic density rho N_A / sum_j c_j M_j (computed here from the element
//     table, not taken from Material) and c_i the bulk atom fraction (the steady state of
//     Andersen & Sigmund: the sputtered flux carries the bulk composition).
//
// The shipped Gen-10.5 cathodes at their fine grids take tens of seconds per erosion; they
// run in ChamberConsistency.ShippedLargeToolsSameLifeOnEveryPath (executable test_chamber_large,
// ctest label `consistency`), the rest in test_chamber (label unit).
#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "cli/ErosionConfig.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "solvers/deposition/DepositionRun.hpp"
#include "solvers/deposition/ErodedTargets.hpp"
#include "twin/replay/ReplayLifeTable.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

using namespace magtwin;

namespace {

const std::string kRoot = MAGTWIN_SOURCE_DIR;
const std::string kCustom = kRoot + "/tests/consistency/custom_erosion.yaml";
const std::string kCompound = kRoot + "/tests/consistency/compound_erosion.yaml";

/// Tool files whose cathodes erode for longer than a unit test should (fine 1-2 mm grids,
/// 3 m targets, 450 mm discs: 10-60 s per erosion): run under the `consistency` label.
const std::set<std::string> kLarge = {"gen10_5_planar_cathode", "gen10_5_planar_line", "compare_gen10_5_planar",
                                      "gen10_5_rotary_cathode", "wafer300_cathode",    "wafer300_chamber"};

struct Life {
    double kWh = 0, utilization = 0;
};

/// `magtwin erode TOOL --cathode NAME`: what ErodeCommand runs.
Life erodePath(const ToolFile& tool, const std::string& cathode) {
    const ErosionSetup setup = erosionSetupFor(tool, cathode);
    ErosionFront front = *setup.engine->front;
    const LifeResult r = runToEndOfLife(front, setup.engine->powerW(), setup.life);
    return {r.lifeKWh, r.utilization};
}

void expectRelative(double a, double b, const std::string& what) {
    EXPECT_LE(std::abs(a - b), 1e-9 * std::abs(b)) << what << ": " << a << " vs " << b;
}

void checkTool(const std::string& path) {
    SCOPED_TRACE(path);
    const ToolFile tool = loadToolFile(path);
    // deposit/compare/replay take their groups from depositCaseFor; a tool file without a
    // substrate (the single-cathode erosion files) has no deposit run, its groups are the
    // ones depositCaseFor would make (cathodeGroupsOf) under a coarse stand-in glass.
    DepositCase dc;
    if (!tool.substrates.empty()) {
        dc = depositCaseFor(tool, "");
        EXPECT_EQ(dc.cathodes.size(), cathodeGroupsOf(tool).size());
    } else {
        dc.cathodes = cathodeGroupsOf(tool);
        dc.substrate.pitchM = 0.1;
    }
    TargetErosionState state(dc.cathodes);
    const std::vector<TargetEndOfLife> deposit = state.endsOfLife();
    const auto law = angularLaw(dc);
    const SubstrateGrid grid = sampleSubstrate(dc.substrate);
    for (std::size_t gi = 0; gi < dc.cathodes.size(); ++gi) {
        const CathodeGroup& g = dc.cathodes[gi];
        SCOPED_TRACE(g.name);
        ASSERT_FALSE(g.memberNames.empty());
        // every member hands the engine the same inputs as the first
        for (int k = 1; k < g.cathodeCount(); ++k)
            EXPECT_EQ(erosionKey(arrayMember(g, k)), erosionKey(arrayMember(g, 0)));
        const Life erode = erodePath(tool, g.memberNames.front());
        expectRelative(deposit[gi].lifeKWh, erode.kWh, "deposit/compare life");
        expectRelative(deposit[gi].utilization(), erode.utilization, "deposit/compare utilization");
        const ReplayLifeTable replay(g, law, grid, dc.motion, TransportMethod::Fast, Eigen::Vector3d(0, 0, 0.05),
                                     Eigen::Vector3d::UnitZ(), 1);
        expectRelative(replay.endOfLifeKWh(), erode.kWh, "replay life");
    }
}

std::vector<std::string> shippedTools(bool large) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(kRoot + "/cases/tools"))
        if (e.path().extension() == ".yaml" && kLarge.count(e.path().stem().string()) == std::size_t(large))
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

/// One life step of a copy of `front`, from 20 % to 40 % of the way to `depthEnd`: the
/// eroded volume, the trapezoid integral of the sputtered rate over the solver's own steps
/// and its bound sum dt/2 |S(n+1) - S(n)| (the tolerance's origin: see the tests below).
struct LifeStepBalance {
    double volume, atoms, bound;
};
LifeStepBalance lifeStepBalance(ErosionFront f, double depthEnd) {
    while (f.maxDepth() < 0.2 * depthEnd) f.step(1e9, depthEnd);
    const double v0 = f.erodedVolume();
    double atoms = 0, bound = 0, s0 = f.emissionBalance().sputtered;
    while (f.maxDepth() < 0.4 * depthEnd) {
        const double dt = f.step(1e9, depthEnd);
        const double s1 = f.emissionBalance().sputtered;
        atoms += 0.5 * dt * (s0 + s1);
        bound += 0.5 * dt * std::abs(s1 - s0);
        s0 = s1;
    }
    return {f.erodedVolume() - v0, atoms, bound};
}

}  // namespace

#ifdef MAGTWIN_CONSISTENCY_LARGE
TEST(ChamberConsistency, ShippedLargeToolsSameLifeOnEveryPath) {
    for (const std::string& path : shippedTools(true)) checkTool(path);
}
#else
TEST(ChamberConsistency, CustomErosionSettingsAndGrainMapSameLifeOnEveryPath) {
    const ToolFile tool = loadToolFile(kCustom);
    // the file does set what the engine once ignored
    EXPECT_EQ(tool.erosion.angular, "none");
    EXPECT_EQ(tool.erosion.minRemainingThicknessM, 4e-3);
    EXPECT_EQ(tool.erosion.angularCells, 24);
    for (const auto& c : tool.cathodes) EXPECT_TRUE(c.target.multiplierMap) << c.name;
    checkTool(kCustom);
}

TEST(ChamberConsistency, ShippedToolsSameLifeOnEveryPath) {
    for (const std::string& path : shippedTools(false)) checkTool(path);
}

// The settings reach the deposit side: the custom file's minimum remaining thickness (4 mm
// of 8) ends the life earlier than the default 1 mm would, on the deposit path too.
TEST(ChamberConsistency, DepositHonoursMinimumRemainingThickness) {
    const DepositCase dc = depositCaseFor(loadToolFile(kCustom), "");
    CathodeGroup g = dc.cathodes.at(1);  // plate
    const double at4 = GroupErosion(g).endOfLifeKWh();
    g.erosion.minRemainingThicknessM = 1e-3;
    const double at1 = GroupErosion(g).endOfLifeKWh();
    EXPECT_LT(at4, 0.8 * at1);  // 4 of 8 mm eroded vs 7 of 8 mm: well below
}

// Sputtered atoms = eroded volume x atomic density, per cathode type, over one life step:
// the removed volume (the front's bookkeeping per cell: planar depth, rotary annulus) times
// n against the time integral of the sputtered rate (ErosionFront::emissionBalance: the sum
// of Gamma m Y^ over the cells, the rate the map reports), integrated by the trapezoid
// rule over the solver's own steps. Tolerance: the scheme advances with the rate at the
// SSP-RK2 predictor, the trapezoid uses the rate at the step's end; the two differ by at
// most the change of the rate over the step, so the bound is sum dt/2 |S(n+1) - S(n)|
// (plus 1e-12 for rounding). A negative control (the volume without the atomic density of
// the target, i.e. another element's) misses by far more.
TEST(ChamberConsistency, SputteredAtomsEqualErodedVolumeTimesDensity) {
    const ToolFile tool = loadToolFile(kCustom);
    for (const auto& c : tool.cathodes) {
        SCOPED_TRACE(c.name);
        const std::unique_ptr<ErosionEngine> e = makeErosionEngine(c, tool.erosion);
        const double n = c.target.material.atomicDensityPerM3();
        const double depthEnd = c.target.thicknessM - tool.erosion.minRemainingThicknessM;
        const auto [volume, atoms, bound] = lifeStepBalance(*e->front, depthEnd);
        const double removed = volume * n;
        ASSERT_GT(removed, 0);
        EXPECT_LE(std::abs(removed - atoms), bound + 1e-12 * atoms) << removed << " vs " << atoms << " bound " << bound;
        EXPECT_LT(bound, 0.05 * atoms);  // the bound is a tight check (a few steps' rate change)
        const double otherDensity =
            ElementTable::builtin().get(c.target.material.name == "Cu" ? "Mo" : "Cu").atomicDensityPerM3();
        EXPECT_GT(std::abs(volume * otherDensity - atoms), 10 * bound);
    }
}

TEST(ChamberConsistency, CompoundTargetsSameLifeOnEveryPath) {
    const ToolFile tool = loadToolFile(kCompound);
    ASSERT_EQ(tool.cathodes.size(), 4u);
    for (const auto& c : tool.cathodes) EXPECT_FALSE(c.target.material.isElement()) << c.name;
    checkTool(kCompound);
}

// Per species (issue 19: sputtered atoms of species i = eroded volume x c_i x n, n the
// compound's atomic density rho N_A / sum_j c_j M_j, recomputed here from the element masses):
//  - the steady-state split Y_i(E, theta) / Y(E, theta) = c_i at every angle, to 1e-12 (exact
//    in the model, rounding only);
//  - on the new target, the emission map's rate S (what `deposit` transports) x c_i against
//    c_i n x the volume the scheme removes in a step of 1e-6 of its own, to 1e-9 (found
//    1e-12 .. 2e-11);
//  - over a life step (20 % -> 40 % of the way to end of life), the trapezoid of S x c_i
//    against c_i n x the eroded volume, within the elemental test's a-priori bound
//    sum dt/2 |S(n+1) - S(n)| (found 5e-7 .. 2e-5 relative; bound 2e-4 .. 3e-3).
// Negative control: splitting by the steady-state SURFACE composition (enriched in the species
// that sputters less) instead of the bulk misses by more than ten times the bound.
TEST(ChamberConsistency, SputteredAtomsOfEachSpeciesEqualErodedVolumeTimesFraction) {
    const ToolFile tool = loadToolFile(kCompound);
    const ElementTable& table = ElementTable::builtin();
    for (const auto& c : tool.cathodes) {
        SCOPED_TRACE(c.name);
        const Material& m = c.target.material;
        const std::unique_ptr<ErosionEngine> e = makeErosionEngine(c, tool.erosion);
        // n = rho N_A / <M>, from the element table's masses
        double meanMass = 0, fractionSum = 0;
        for (const MaterialComponent& k : m.components) {
            meanMass += k.atomFraction * table.get(k.symbol).massAmu;
            fractionSum += k.atomFraction;
        }
        EXPECT_NEAR(fractionSum, 1.0, 1e-12);
        const double n = m.densityGPerCm3 * 1e6 * kAvogadroPerMol / meanMass;
        EXPECT_NEAR(e->rate->atomicDensityPerM3(), n, 1e-12 * n);
        // the steady-state split at every angle the front can see
        const double energy = e->operating.ionEnergyEv;
        for (double theta = 0; theta < 1.5; theta += 0.1) {
            const std::vector<double> partial = e->yield->partialYields(energy, theta);
            const double total = e->yield->yield(energy, theta);
            ASSERT_EQ(partial.size(), m.components.size());
            for (std::size_t i = 0; i < partial.size(); ++i)
                EXPECT_NEAR(partial[i] / total, m.components[i].atomFraction, 1e-12)
                    << m.components[i].symbol << " at theta " << theta;
        }
        const std::vector<double> partial0 = e->yield->partialYields(energy, 0.0);
        const double total0 = e->yield->yield(energy, 0.0);
        // Instantaneous balance on the new target, to 1e-9 per species: the emission map's
        // rate S (what `deposit` transports) split by c_i, against the volume the scheme
        // removes in a step of 1e-6 of its own (removed from zero: no cancellation; the rate
        // changes by < 1e-2 per solver step, so the step's O(dt) term is < 1e-8 of 1e-6).
        const double depthEnd = c.target.thicknessM - tool.erosion.minRemainingThicknessM;
        {
            ErosionFront g = *e->front;
            const double dtSolver = ErosionFront(g).step(1e9, depthEnd);
            const double s0 = g.emissionBalance().sputtered;
            const double dt = g.step(1e-6 * dtSolver, depthEnd);
            ASSERT_EQ(dt, 1e-6 * dtSolver);
            for (std::size_t i = 0; i < m.components.size(); ++i) {
                const double sputtered = s0 * dt * partial0[i] / total0;
                const double removed = g.erodedVolume() * m.components[i].atomFraction * n;
                EXPECT_LE(std::abs(removed - sputtered), 1e-9 * sputtered)
                    << m.components[i].symbol << ": " << removed << " vs " << sputtered;
                std::printf("%-6s %-3s new target: |removed - sputtered| / sputtered %.3e\n", c.name.c_str(),
                            m.components[i].symbol.c_str(), std::abs(removed - sputtered) / sputtered);
            }
        }
        // The volume balance over the solver's own steps, as the elemental test above: the
        // trapezoid of S at the step ends against the scheme's rates (SSP-RK2 predictor, the
        // flux scale updated at each step's start) differs by at most sum dt/2 |S(n+1) - S(n)|
        // (found 5e-7 .. 2e-5 relative; refining the steps 512-fold brings it to ~1e-8, not
        // to 1e-9, and takes a minute: the 1e-9 statements are the split and the
        // instantaneous balance above).
        const auto [volume, atoms, bound] = lifeStepBalance(*e->front, depthEnd);
        ASSERT_GT(volume, 0);
        EXPECT_LT(bound, 0.05 * atoms);
        const std::vector<double> surface = e->yield->surfaceComposition();
        double controlMiss = 0;
        for (std::size_t i = 0; i < m.components.size(); ++i) {
            SCOPED_TRACE(m.components[i].symbol);
            const double ci = m.components[i].atomFraction;
            const double sputtered = atoms * partial0[i] / total0;
            const double removed = volume * ci * n;
            EXPECT_LE(std::abs(removed - sputtered), ci * (bound + 1e-12 * atoms))
                << removed << " vs " << sputtered << " bound " << ci * bound;
            controlMiss = std::max(controlMiss, std::abs(volume * surface[i] * n - sputtered) / (ci * bound));
            std::printf("%-6s %-3s c_i %.6f  |removed - sputtered| / sputtered %.3e  (bound %.3e)\n", c.name.c_str(),
                        m.components[i].symbol.c_str(), ci, std::abs(removed - sputtered) / sputtered,
                        (bound + 1e-12 * atoms) / atoms);
        }
        EXPECT_GT(controlMiss, 10.0);  // the surface composition is not what leaves (by > 1e-3 here)
    }
}

// Every shipped cathode erodes with `erode`, the wobbling rotary bar included (as the
// turning tube: the bar's swing leaves the rotation average unchanged, ErosionEngine.hpp).
TEST(ChamberConsistency, WobblingRotaryBarErodesAsTheTurningTube) {
    const ToolFile tool = loadToolFile(kCustom);
    ToolFile still = tool;
    for (auto& c : still.cathodes) c.magnets.motion.wobbleAmplitudeRad = 0;
    const ErosionSetup wobbling = erosionSetupFor(tool, "tube"), fixed = erosionSetupFor(still, "tube");
    EXPECT_GT(wobbling.rotaryWobbleAmplitudeRad, 0);
    EXPECT_FALSE(rotaryWobbleNote(wobbling).empty());
    EXPECT_TRUE(rotaryWobbleNote(fixed).empty());
    const LifeResult a = wobbling.engine->runToEndOfLife(), b = fixed.engine->runToEndOfLife();
    EXPECT_EQ(a.lifeKWh, b.lifeKWh);
    EXPECT_EQ(a.erodedVolumeM3, b.erodedVolumeM3);
}
#endif
