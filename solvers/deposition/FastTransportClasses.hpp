// FastTransportClasses: how the FFT transport (FastConvolutionTransport.hpp) groups the
// emission elements into convolution work items, each one kernel evaluation and one pair
// of FFTs per component. See FastConvolutionTransport.hpp for the method and its error.
//
//  - Normal class: elements whose normal tilt (n_x, n_y) falls in one bin of width
//    `normalBin` (cosine law; `nonLinearNormalBin` for the others), same side up/down,
//    same angular law. Expansion normal n0 = the emission-weighted mean normal.
//  - Exact items (kernel at that height and normal, no approximation): every (height,
//    normal) pair holding >= 0.2 % of all emission (the uniform rows of eroded tubes), and
//    all pairs of a class when that costs no more FFTs than expanding it (new targets).
//  - Expanded items: the rest of the class gets height nodes spaced <= heightNodeSpacing over
//    its height range, elements spread over the 4 nearest nodes with Lagrange cubic weights
//    (fewer nodes: the degree drops), and the kernel is taken linear in the normal about n0:
//      K(d; h, n) ~ A(d; h) + n . B(d; h)   (components A, Bx, By, Bz; zero ones skipped).
#pragma once

#include "solvers/deposition/EmissionSource.hpp"

#include <Eigen/Core>

#include <array>
#include <vector>

namespace magtwin {

enum class KernelComponent { Full, A, Bx, By, Bz };

struct TransportItem {
    double heightM = 0;      ///< kernel height above the plane
    Eigen::Vector3d normal;  ///< exact normal (Full) or expansion normal n0
    const EmissionAngularDistribution* law = nullptr;
    std::vector<KernelComponent> components;
    /// Per contributing element: its position and the weight of each component's source
    /// (atoms/s times the height weight, times n_i for Bi).
    struct Contribution {
        double x, y;
        std::array<double, 4> weight;
    };
    std::vector<Contribution> contributions;
};

struct TransportGrouping {
    std::vector<TransportItem> items;
    std::size_t normalClasses = 0, exactItems = 0, expandedItems = 0;
    double minHeightM = 0;  ///< lowest emitting element above the plane
};

/// `planeZ`: the receiving plane. Elements below or on the plane, and elements emitting less
/// than `negligibleFraction` of the total (Gaussian tails of a racetrack far around a tube:
/// their share of any point's flux is below that fraction times (substrate area / pi h^2)),
/// are dropped. `gasOn`: the A component is needed (it carries the gas terms).
/// `normalBin` for the cosine law (exact in n up to the cut), `nonLinearNormalBin` for the
/// other laws (first-order Taylor in n: error O(bin^2 p''/p)).
TransportGrouping groupTransportItems(const std::vector<EmissionSource>& sources, double planeZ, double normalBin,
                                      double nonLinearNormalBin, double heightNodeSpacingPerHeight, bool gasOn,
                                      double negligibleFraction = 1e-13);

/// True when the law is linear in cos(theta) on the emitting side (the cosine law), so that
/// K = n . B exactly and the A component vanishes (without gas).
bool isLinearLaw(const EmissionAngularDistribution& law);

}  // namespace magtwin
