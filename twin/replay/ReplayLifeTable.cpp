#include "twin/replay/ReplayLifeTable.hpp"

#include "solvers/deposition/LineOfSightTransport.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {
namespace {

constexpr double kLastPointFraction = 0.99;

CathodeGroup ownLifeCleared(CathodeGroup g) {
    g.lifeKWh = -1.0;  // the table's life points, not the tool file's life
    return g;
}

}  // namespace

ReplayLifeTable::ReplayLifeTable(const CathodeGroup& array, std::shared_ptr<const EmissionAngularDistribution> angular,
                                 const SubstrateGrid& grid, const SubstrateMotion& motion, TransportMethod method,
                                 const Eigen::Vector3d& monitorPosition, const Eigen::Vector3d& monitorFacing,
                                 int lifePoints)
    : array_(ownLifeCleared(array)),
      angular_(std::move(angular)),
      grid_(grid),
      motion_(motion),
      method_(method),
      monitorPosition_(monitorPosition),
      monitorFacing_(monitorFacing),
      erosion_({array_}) {
    if (lifePoints < 1) throw std::invalid_argument("replay life table: need >= 1 life point");
    // Fluence over 1 s = rate; an oscillating substrate: over one whole period, divided by the
    // period in map() (the sweep's time average, as the exact replay).
    motion_.timeS = motion_.kind == SubstrateMotion::Kind::Oscillation ? motion_.oscillation.periodS : 1.0;
    eolKWh_ = erosion_.endOfLifeKWh();
    targetVolumeM3_ = erosion_.endsOfLife().at(0).targetVolumeM3;
    if (!(eolKWh_ > 0 && std::isfinite(eolKWh_)))
        throw std::invalid_argument(array_.name + ": replay life table needs a finite end of life (target thickness)");
    stepKWh_ = eolKWh_ / lifePoints;
    lifePoints_ = lifePoints;
}

ReplayLifeTable::~ReplayLifeTable() = default;

const ReplayLifeTable::Point& ReplayLifeTable::point(std::size_t j) {
    while (points_.size() <= j) {
        // in order: the erosion state advances from one life point to the next
        // the last point at 99 % of the end of life: the erosion engine ends a life on one of
        // its time steps, so a point at the end of life itself may lie past it; the bracket
        // below extrapolates linearly over the last 1 %
        const double life = std::min(double(points_.size()) * stepKWh_, kLastPointFraction * eolKWh_);
        const std::vector<ErodedGroup> eroded = erosion_.at(life, angular_);
        const std::vector<double> ones(std::size_t(array_.cathodeCount()), 1.0);
        const EmissionLayout layout = buildEmission({array_}, angular_, life, ones, &eroded);
        Point p;
        p.lifeKWh = life;
        p.responses = std::make_unique<CathodeResponses>(std::vector<CathodeGroup>{array_}, layout, ones, grid_,
                                                         motion_, method_);
        for (const EmissionSource& s : layout.sources) {
            p.atomsPerSecond.push_back(s.totalAtomsPerSecond());
            p.crystalFlux.push_back(lineOfSightFlux({s}, {monitorPosition_}, monitorFacing_).at(0));
        }
        p.depthM = eroded.at(0).eroded ? eroded[0].maxDepthM : 0.0;
        p.volumeM3 = eroded[0].erodedVolumeM3;
        points_.push_back(std::move(p));
    }
    return points_[j];
}

MemberAtLife ReplayLifeTable::add(int k, double lifeKWh, double atomsPerSecond, double filmScale, LifeTableFilm& film) {
    if (!(lifeKWh >= 0)) throw std::invalid_argument(array_.name + ": target life must be >= 0 kWh");
    if (k < 0 || k >= array_.cathodeCount())
        throw std::invalid_argument(array_.name + ": no member " + std::to_string(k + 1));
    if (lifeKWh > eolKWh_)
        throw std::invalid_argument(array_.name + ": target life " + std::to_string(lifeKWh) +
                                    " kWh is beyond the end of life (" + std::to_string(eolKWh_) + " kWh)");
    const std::size_t j = std::min(std::size_t(std::floor(lifeKWh / stepKWh_)), std::size_t(lifePoints_) - 1);
    point(j + 1);  // both points exist from here on (no reallocation below)
    const double a = (lifeKWh - points_[j].lifeKWh) / (points_[j + 1].lifeKWh - points_[j].lifeKWh);
    MemberAtLife out;
    const std::size_t n = std::size_t(array_.cathodeCount()), m = std::size_t(k);
    for (const auto& [index, weight] : {std::pair<std::size_t, double>{j, 1.0 - a}, {j + 1, a}}) {
        if (weight == 0.0) continue;
        const Point& p = point(index);
        auto& trims = film[index];
        if (trims.empty()) trims.assign(n, 0.0);
        trims[m] += weight * atomsPerSecond * filmScale / p.atomsPerSecond[m];
        out.crystalFluxPerAtom += weight * p.crystalFlux[m] / p.atomsPerSecond[m];
        out.erodedDepthM += weight * p.depthM;
        out.erodedVolumeM3 += weight * p.volumeM3;
    }
    out.targetVolumeM3 = targetVolumeM3_;
    return out;
}

std::vector<double> ReplayLifeTable::map(const LifeTableFilm& film) const {
    std::vector<double> out;
    for (const auto& [index, trims] : film) {
        const std::vector<double> part = points_.at(index).responses->combined(trims);
        if (out.empty()) out.assign(part.size(), 0.0);
        for (std::size_t i = 0; i < part.size(); ++i) out[i] += part[i] / motion_.timeS;
    }
    return out;
}

}  // namespace magtwin
