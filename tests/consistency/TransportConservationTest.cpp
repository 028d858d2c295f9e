// Consistency suite (in the manner of Cantera's thermo consistency tests: one invariant run
// over every model input the project ships): the collisionless line-of-sight transport
// ("direct", LineOfSightTransport.hpp) conserves atoms for every cathode of every shipped
// tool file. Every emitted atom either lands on the substrate plane z = 0 or leaves into the
// half-space above it:
//
//   int_{z=0} Phi dA  =  sum_e N_e F_e,   F_e = (1 + cos a_e) / 2   (cosine emission)
//
// with a_e the angle between element e's outward normal and -z: F_e is the view factor from
// a tilted differential plane element to an infinite plane below it (Howell, A Catalog of
// Radiation Heat Transfer Configuration Factors, 3rd ed., factor B-4: F = (1 + cos a)/2 for
// a differential element tilted by a from a parallel infinite plane). The rest,
// sum_e N_e (1 - cos a_e)/2, is what the chamber walls receive (lost).
//
// The plane integral is done per element (landedOnPlane: a tan-mapped Gauss-Legendre rule on
// the part of the infinite plane the element sees), so the transport's kernel is integrated
// up to the quadrature error, estimated below by halving the rule.
#include "boundary/util/GaussLegendre.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "solvers/deposition/CathodeLayout.hpp"
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace magtwin {
namespace {

namespace fs = std::filesystem;

/// The n-point Gauss-Legendre rule on [a, b] (util/GaussLegendre).
void gaussLegendre(int n, double a, double b, std::vector<double>& x, std::vector<double>& w) {
    QuadratureRule r = magtwin::gaussLegendre(n, a, b);
    x = std::move(r.x);
    w = std::move(r.w);
}

/// Atoms per second landing on the infinite plane z = 0 from one element (the transport's own kernel).
/// Polar coordinates (r, phi) about the element's foot point. The element emits only where
/// n.(P - S) > 0, i.e. A(phi) r + B > 0 with A = |n_xy| cos(phi - phi_n), B = -n_z h: on each
/// ray the visible part is [0, inf), [0, -B/A] or [-B/A, inf). Each is mapped by
/// r = r0 + h tan(psi) (Gauss-Legendre in psi; [0, inf) is the whole ray), and the azimuth is
/// split where A changes sign (phi_n +- pi/2), Gauss-Legendre on each half, so every piece
/// is smooth and the whole infinite plane is covered.
double landedOnPlane(const EmissionElement& e, std::shared_ptr<const EmissionAngularDistribution> law, int n) {
    EmissionSource one;
    one.elements = {e};
    one.angular = std::move(law);
    const double h = e.position.z();
    const Eigen::Vector3d nrm = e.normal.normalized();
    const double nxy = std::hypot(nrm.x(), nrm.y());
    const double phiN = nxy > 0 ? std::atan2(nrm.y(), nrm.x()) : 0.0;
    const double B = -nrm.z() * h;
    std::vector<Eigen::Vector3d> points;
    std::vector<double> weights;
    for (int half = 0; half < 2; ++half) {
        std::vector<double> phis, wPhi;
        const double from = phiN - M_PI / 2 + half * M_PI;
        gaussLegendre(n, from, from + M_PI, phis, wPhi);
        for (int i = 0; i < n; ++i) {
            const double A = nxy * std::cos(phis[i] - phiN);
            double r0 = 0.0, psiMax = M_PI / 2;  // the ray's visible part: [r0, r0 + h tan(psiMax)]
            if (B >= 0 && A < 0) {
                psiMax = std::atan(B / (-A) / h);
            } else if (B < 0) {
                if (A <= 0) continue;
                r0 = -B / A;
            }
            std::vector<double> psi, wPsi;
            gaussLegendre(n, 0.0, psiMax, psi, wPsi);
            for (int j = 0; j < n; ++j) {
                const double r = r0 + h * std::tan(psi[j]);
                const double dr = h / std::pow(std::cos(psi[j]), 2);
                points.emplace_back(e.position.x() + r * std::cos(phis[i]), e.position.y() + r * std::sin(phis[i]),
                                    0.0);
                weights.push_back(wPhi[i] * wPsi[j] * r * dr);
            }
        }
    }
    const std::vector<double> flux = lineOfSightFlux({one}, points);
    double sum = 0;
    for (std::size_t k = 0; k < flux.size(); ++k) sum += flux[k] * weights[k];
    return sum;
}

/// The cathodes of `path` as deposition groups (a cathode-only tool file gets a glass under it).
std::vector<CathodeGroup> groupsOf(const std::string& path) {
    ToolFile tool = loadToolFile(path);
    if (tool.substrates.empty()) {
        ToolSubstrate glass;
        glass.name = "glass";
        glass.sizeXM = 2.94;
        glass.sizeYM = 3.37;
        glass.pitchM = 0.05;
        glass.filmMaterial = tool.cathodes.front().target.material;
        tool.substrates.push_back(glass);
    }
    std::vector<CathodeGroup> groups = depositCaseFor(tool, "").cathodes;
    // Coarse elements: conservation holds element by element, so the mesh only sets the cost.
    // (Each group's resolved cathode carries its mesh: rotary axial 50 mm, planar-rect 30 mm,
    // planar-circular 20 mm at the coarsest; 0.15 rad around a tube.)
    for (CathodeGroup& g : groups) {
        const double coarsest = g.type == CathodeGroup::Type::RotaryArray  ? 0.05
                                : g.type == CathodeGroup::Type::PlanarRect ? 0.03
                                                                           : 0.02;
        g.cathode.meshPitchM = std::max(g.cathode.meshPitchM, coarsest);
        g.cathode.meshAngularPitchRad = std::max(g.cathode.meshAngularPitchRad, 0.15);
    }
    return groups;
}

TEST(TransportConservation, EveryShippedCathodeEmitsOntoThePlaneOrIntoTheChamber) {
    const fs::path tools = fs::path(MAGTWIN_SOURCE_DIR) / "cases" / "tools";
    std::shared_ptr<const EmissionAngularDistribution> cosine = makeAngularDistribution("cosine");
    int files = 0, cathodes = 0;
    bool sawTilted = false;
    for (const auto& entry : fs::directory_iterator(tools)) {
        if (entry.path().extension() != ".yaml") continue;
        ++files;
        SCOPED_TRACE(entry.path().filename().string());
        const std::vector<CathodeGroup> groups = groupsOf(entry.path().string());
        const EmissionLayout layout = buildEmission(groups, cosine, 0.0);
        ASSERT_FALSE(layout.sources.empty());
        for (std::size_t s = 0; s < layout.sources.size(); ++s) {
            SCOPED_TRACE(layout.cathodeNames[s]);
            const EmissionSource& src = layout.sources[s];
            double emitted = 0, expected = 0, landed = 0, landedCoarse = 0;
            // Every element would make this the slowest unit test: a deterministic subset
            // (every k-th element, k chosen for <= 20 elements) checks the same invariant.
            const std::size_t stride = std::max<std::size_t>(1, src.elements.size() / 20);
            for (std::size_t k = 0; k < src.elements.size(); k += stride) {
                const EmissionElement& e = src.elements[k];
                ASSERT_GT(e.position.z(), 0.0) << "an emitting element must sit above the substrate plane";
                const double n = e.atomsPerSecond();
                const double cosA = -e.normal.z() / e.normal.norm();
                if (cosA < 0.99) sawTilted = true;
                emitted += n;
                expected += n * 0.5 * (1 + cosA);
                landed += landedOnPlane(e, cosine, 96);
                landedCoarse += landedOnPlane(e, cosine, 48);
            }
            ASSERT_GT(emitted, 0.0);
            // Tolerance: 1e-6 of the emission. The quadrature's own error, |fine - coarse|
            // (halved rule), must be well inside it for the comparison to mean anything.
            EXPECT_LT(std::abs(landed - landedCoarse), 1e-7 * emitted);
            EXPECT_NEAR(landed, expected, 1e-6 * emitted)
                << "landed " << landed << " expected " << expected << " emitted " << emitted;
            ++cathodes;
        }
    }
    EXPECT_GE(files, 10);
    EXPECT_GE(cathodes, 20);
    EXPECT_TRUE(sawTilted) << "the rotary tubes' tilted elements must be part of the check";
}

/// The analytic end point: an element facing sideways (a = 90 deg) puts exactly half its atoms on the plane.
TEST(TransportConservation, AnElementFacingSidewaysLosesHalfItsAtoms) {
    EmissionElement e;
    e.position = {0.0, 0.0, 0.2};
    e.normal = {1.0, 0.0, 0.0};
    e.areaM2 = 1e-4;
    e.fluxAtomsM2S = 1e20;
    const double landed = landedOnPlane(e, makeAngularDistribution("cosine"), 96);
    // (1 + cos 90 deg)/2 = 1/2 of the emission lands; the rest goes to the chamber.
    EXPECT_NEAR(landed / e.atomsPerSecond(), 0.5, 1e-6);
}

}  // namespace
}  // namespace magtwin
