#include "solvers/deposition/FastTransportClasses.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>

namespace magtwin {

namespace {

struct ClassKey {
    long bx, by;
    bool up;  ///< normal's z component > 0
    const EmissionAngularDistribution* law;
    bool operator<(const ClassKey& o) const { return std::tie(bx, by, up, law) < std::tie(o.bx, o.by, o.up, o.law); }
};

/// Share of the total emission from which one (height, normal) group is its own exact item.
constexpr double kExactShare = 2e-3;

struct Member {
    const EmissionElement* element;
    double h;
    double atomsPerSecond;
};

/// Lagrange weights of the nodes `first .. first + count - 1` (equally spaced, `step`, from
/// `h0`) at height h (Abramowitz & Stegun 25.2.2).
void lagrangeWeights(double h, double h0, double step, int first, int count, double* w) {
    for (int a = 0; a < count; ++a) {
        double v = 1.0;
        const double ha = h0 + (first + a) * step;
        for (int b = 0; b < count; ++b)
            if (b != a) v *= (h - (h0 + (first + b) * step)) / (ha - (h0 + (first + b) * step));
        w[a] = v;
    }
}

/// One exact item: all members share one height and normal.
void addExactItem(const std::vector<Member>& members, const ClassKey& key, TransportGrouping& out) {
    TransportItem item;
    item.heightM = members.front().h;
    item.normal = members.front().element->normal;
    item.law = key.law;
    item.components = {KernelComponent::Full};
    for (const Member& m : members)
        item.contributions.push_back({m.element->position.x(), m.element->position.y(), {m.atomsPerSecond, 0, 0, 0}});
    out.items.push_back(std::move(item));
    ++out.exactItems;
}

struct Expansion {
    Eigen::Vector3d meanNormal = Eigen::Vector3d::Zero();
    double hMin = INFINITY, hMax = -INFINITY;
    std::vector<KernelComponent> components;
    int intervals = 0;
};

Expansion expansionOf(const std::vector<Member>& members, const EmissionAngularDistribution& law, bool gasOn,
                      double nodeSpacing) {
    Expansion x;
    bool anyX = false, anyY = false, anyZ = false;
    for (const Member& m : members) {
        const Eigen::Vector3d& n = m.element->normal;
        x.meanNormal += std::abs(m.atomsPerSecond) * n;
        x.hMin = std::min(x.hMin, m.h), x.hMax = std::max(x.hMax, m.h);
        anyX |= n.x() != 0, anyY |= n.y() != 0, anyZ |= n.z() != 0;
    }
    if (!isLinearLaw(law) || gasOn) x.components.push_back(KernelComponent::A);
    if (anyX) x.components.push_back(KernelComponent::Bx);
    if (anyY) x.components.push_back(KernelComponent::By);
    if (anyZ) x.components.push_back(KernelComponent::Bz);
    x.intervals = x.hMax > x.hMin ? std::max(1, int(std::ceil((x.hMax - x.hMin) / nodeSpacing))) : 0;
    return x;
}

/// FFT pairs the expansion of `members` needs (height nodes x components).
std::size_t expansionCost(const std::vector<Member>& members, const EmissionAngularDistribution& law, bool gasOn,
                          double nodeSpacing) {
    const Expansion x = expansionOf(members, law, gasOn, nodeSpacing);
    return std::size_t(x.intervals + 1) * x.components.size();
}

void addExpandedItems(const std::vector<Member>& members, const ClassKey& key, bool gasOn, double nodeSpacing,
                      TransportGrouping& out) {
    const Expansion x = expansionOf(members, *key.law, gasOn, nodeSpacing);
    const std::size_t base = out.items.size();
    const double step = x.intervals > 0 ? (x.hMax - x.hMin) / x.intervals : 0.0;
    for (int k = 0; k <= x.intervals; ++k) {
        TransportItem item;
        item.heightM = x.hMin + k * step;
        item.normal = x.meanNormal.normalized();
        item.law = key.law;
        item.components = x.components;
        out.items.push_back(std::move(item));
        ++out.expandedItems;
    }
    const int degree = std::min(3, x.intervals), count = degree + 1;
    for (const Member& m : members) {
        int first = 0;
        if (x.intervals > 3) {
            const int i = std::clamp(int(std::floor((m.h - x.hMin) / step)), 0, x.intervals - 1);
            first = std::clamp(i - 1, 0, x.intervals - 3);
        }
        double w[4] = {1, 0, 0, 0};
        if (x.intervals > 0) lagrangeWeights(m.h, x.hMin, step, first, count, w);
        const Eigen::Vector3d& n = m.element->normal;
        for (int a = 0; a < count; ++a) {
            TransportItem::Contribution c{m.element->position.x(), m.element->position.y(), {0, 0, 0, 0}};
            for (std::size_t ci = 0; ci < x.components.size(); ++ci) {
                const KernelComponent k = x.components[ci];
                const double f = k == KernelComponent::A    ? 1.0
                                 : k == KernelComponent::Bx ? n.x()
                                 : k == KernelComponent::By ? n.y()
                                                            : n.z();
                c.weight[ci] = m.atomsPerSecond * w[a] * f;
            }
            out.items[base + std::size_t(first + a)].contributions.push_back(c);
        }
    }
}

}  // namespace

bool isLinearLaw(const EmissionAngularDistribution& law) {
    // p(c) = c / pi on (0, 1]: checked at three points rather than trusted by name.
    for (double c : {0.1, 0.5, 1.0})
        if (std::abs(law.perSteradian(c) - c / M_PI) > 1e-12 * c) return false;
    return true;
}

TransportGrouping groupTransportItems(const std::vector<EmissionSource>& sources, double planeZ, double normalBin,
                                      double nonLinearNormalBin, double heightNodeSpacingPerHeight, bool gasOn,
                                      double negligibleFraction) {
    if (!(normalBin > 0) || !(nonLinearNormalBin > 0) || !(heightNodeSpacingPerHeight > 0))
        throw std::invalid_argument("fast transport: normal bin and height node spacing must be > 0");
    double total = 0;
    for (const auto& s : sources)
        for (const auto& e : s.elements)
            if (e.position.z() > planeZ) total += std::abs(e.atomsPerSecond());
    TransportGrouping out;
    out.minHeightM = INFINITY;
    std::map<ClassKey, std::vector<Member>> classes;
    for (const auto& s : sources) {
        const double bin = isLinearLaw(*s.angular) ? normalBin : nonLinearNormalBin;
        for (const auto& e : s.elements) {
            const double h = e.position.z() - planeZ, N = e.atomsPerSecond();
            if (h <= 0 || N == 0.0 || std::abs(N) < negligibleFraction * total) continue;
            const ClassKey key{std::lround(e.normal.x() / bin), std::lround(e.normal.y() / bin), e.normal.z() > 0,
                               s.angular.get()};
            classes[key].push_back({&e, h, N});
            out.minHeightM = std::min(out.minHeightM, h);
        }
    }
    out.normalClasses = classes.size();
    if (classes.empty()) return out;
    const double nodeSpacing = heightNodeSpacingPerHeight * out.minHeightM;
    for (const auto& [key, members] : classes) {
        // Distinct (h, n) groups and their emission.
        std::map<std::tuple<double, double, double, double>, std::pair<double, std::vector<Member>>> groups;
        for (const Member& m : members) {
            const Eigen::Vector3d& n = m.element->normal;
            auto& gr = groups[std::make_tuple(m.h, n.x(), n.y(), n.z())];
            gr.first += std::abs(m.atomsPerSecond);
            gr.second.push_back(m);
        }
        // Exact items for the groups holding >= kExactShare of all emission (the
        // uniform rows of a tube, the flat face of a planar target), the rest expanded;
        // everything exact when that needs no more FFTs than expanding it.
        std::vector<Member> residue;
        std::vector<const std::vector<Member>*> exact;
        for (const auto& [k, gr] : groups)
            if (gr.first >= kExactShare * total)
                exact.push_back(&gr.second);
            else
                residue.insert(residue.end(), gr.second.begin(), gr.second.end());
        if (!residue.empty() && groups.size() <= expansionCost(residue, *key.law, gasOn, nodeSpacing) + exact.size()) {
            exact.clear();
            residue.clear();
            for (const auto& [k, gr] : groups) exact.push_back(&gr.second);
        }
        for (const auto* gr : exact) addExactItem(*gr, key, out);
        if (!residue.empty()) addExpandedItems(residue, key, gasOn, nodeSpacing, out);
    }
    return out;
}

}  // namespace magtwin
