#include "twin/replay/TwinReplay.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/racetrack/RfDischarge.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/chamber/OperatingPoint.hpp"
#include "solvers/deposition/ErodedTargets.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "solvers/deposition/Uniformity.hpp"
#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/MonitorReading.hpp"
#include "twin/replay/ReplayLifeTable.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace magtwin {
namespace {

constexpr double kJPerKWh = 3.6e6;
constexpr double kAngstrom = 1e-10;
constexpr std::size_t kNoTable = std::size_t(-1);

double meanOver(const std::vector<double>& v, std::size_t from, std::size_t to) {
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t r = from; r < to; ++r)
        if (std::isfinite(v[r])) sum += v[r], ++n;
    return n ? sum / static_cast<double>(n) : std::nan("");
}

/// The erosion state of one (source, target): a target change on a source starts a new one.
struct TargetState {
    std::unique_ptr<TargetErosionState> erosion;
    double energyJ = 0.0;
    std::size_t stateFromRow = 0;  ///< the rows before it set the erosion's state factor already
};

class Replayer {
public:
    Replayer(TwinStore& store, std::int64_t toolId, const ReplaySetup& setup)
        : setup_(setup),
          series_(store, toolId),
          energy_(setup.format, series_),
          grid_(sampleSubstrate(setup.substrate)) {
        motion_ = setup.motion;
        // Fluence over 1 s = rate; an oscillating substrate: over one whole period, divided by
        // the period below (the sweep's time average, not its first second).
        motion_.timeS = motion_.kind == SubstrateMotion::Kind::Oscillation ? motion_.oscillation.periodS : 1.0;
        if (setup.mapEvery > 0) mapStride_ = std::size_t(setup.mapEvery);
        std::map<std::size_t, std::size_t> tableOfGroup;
        for (const auto& src : setup.format.sources) {
            // a single cathode or a member of an array (tube01 of `tube`, array count 14)
            std::size_t gi = 0;
            int member = -1;
            for (; gi < setup.cathodes.size() && member < 0; ++gi)
                member = cathodeIndexOf(setup.cathodes[gi], src.cathode);
            if (member < 0) {
                std::string known;
                for (const auto& g : setup.cathodes)
                    known += (known.empty() ? "" : ", ") + g.name +
                             (g.cathodeCount() > 1 ? " (" + g.memberNames.front() + " .. " + g.memberNames.back() + ")"
                                                   : "");
                throw std::invalid_argument("replay: log source '" + src.cathode +
                                            "' is no cathode or array member of the tool file (cathodes: " + known +
                                            ")");
            }
            const CathodeGroup& array = setup.cathodes[--gi];
            groups_.push_back(arrayMember(array, member));
            members_.push_back(member);
            // A calibrated gas strength takes the exact path: the table is vacuum (its maps do not
            // follow each interval's logged pressure).
            if (setup.lifePoints <= 0 || !setup.substrateMaps || setup.keepSourceMaps || array.cathodeCount() == 1 ||
                setup.gas.sigmaEffM2 > 0.0) {
                tableIndex_.push_back(kNoTable);
                continue;
            }
            if (!tableOfGroup.count(gi)) {
                tableOfGroup[gi] = tables_.size();
                tables_.push_back(std::make_unique<ReplayLifeTable>(array, setup.angular, grid_, motion_,
                                                                    setup.transport, setup.monitor.position,
                                                                    setup.monitor.facing, setup.lifePoints));
                const double step = tables_.back()->lifeStepKWh();
                result_.lifeStepKWh = result_.lifeStepKWh > 0 ? std::min(result_.lifeStepKWh, step) : step;
            }
            tableIndex_.push_back(tableOfGroup[gi]);
        }
        result_.times = series_.times();
        result_.grid = grid_;
        result_.power = energy_.power();
        for (std::size_t k = 0; k < result_.power.size(); ++k) {
            result_.energyKWh.push_back(energy_.cumulativeJ(k));
            for (double& e : result_.energyKWh.back()) e /= kJPerKWh;
        }
        if (setup.reactive.enabled())
            result_.reactive = followReactiveTargets(setup.format, series_, result_.power, setup.reactive,
                                                     [this](std::size_t k, double t) { return materialOf(k, t); });
        const std::string rateKey = "sensor." + setup.monitor.name + ".rate";
        result_.monitorDisplayedAS.resize(series_.rows());
        for (std::size_t r = 0; r < series_.rows(); ++r)
            result_.monitorDisplayedAS[r] = series_.at(rateKey, r, std::nan("")) / kAngstrom;
        chamberPressurePa_.resize(series_.rows());
        for (std::size_t r = 0; r < series_.rows(); ++r)
            chamberPressurePa_[r] = series_.at("chamber.pressure", r, std::nan(""));
        result_.substrateShutter.resize(series_.rows());
        for (std::size_t r = 0; r < series_.rows(); ++r)
            result_.substrateShutter[r] = series_.at("chamber.substrate_shutter", r, std::nan(""));
    }

    ReplayResult run(TwinStore& store, std::int64_t toolId, const ReplayProgress& progress) {
        std::vector<StepRecord> steps = store.steps(toolId);
        std::sort(steps.begin(), steps.end(),
                  [](const StepRecord& a, const StepRecord& b) { return a.startTime < b.startTime; });
        std::size_t done = 0;
        for (const auto& st : steps) {
            if (st.label != "ramp") replayIntervals(st);
            // every step's energy advances its target, deposition or not (pre-sputter erodes too)
            for (const auto& e : st.sources) targetState(e.source, e.targetId).energyJ += e.energyJ;
            if (progress) progress(++done, steps.size());
        }
        for (const auto& t : tables_) result_.lifeTablePoints += t->pointsComputed();
        return std::move(result_);
    }

private:
    TargetState& targetState(const std::string& source, const std::string& targetId) {
        TargetState& s = targets_[{source, targetId}];
        if (!s.erosion) {
            const std::size_t k = sourceIndex(source);
            CathodeGroup g = groups_[k];
            g.lifeKWh = -1.0;
            s.erosion = std::make_unique<TargetErosionState>(std::vector<CathodeGroup>{g});
        }
        return s;
    }

    std::size_t sourceIndex(const std::string& source) const {
        for (std::size_t k = 0; k < groups_.size(); ++k)
            if (groups_[k].name == source) return k;
        throw std::invalid_argument("replay: step source '" + source + "' is not a source of the log format");
    }

    /// The material the log names for source k at `time` (an element by symbol or English
    /// name, or a library material), else the tool file's target.
    Material materialOf(std::size_t k, double time) const {
        const SourceChannels& sc = setup_.format.sources[k];
        const std::string logged = series_.textAt("source." + sc.cathode + ".material", time);
        const std::string symbol = elementSymbolOfMaterial(logged);
        if (!symbol.empty()) return MaterialLibrary::builtin().get(symbol);
        if (auto m = MaterialLibrary::builtin().find(logged)) return *m;
        return groups_[k].discharge.targetMaterial;
    }

    /// The supply that feeds source k on most rows of [r0, r1) (-1: none).
    int feedingSupply(std::size_t k, std::size_t r0, std::size_t r1) const {
        std::map<int, std::size_t> count;
        for (std::size_t r = r0; r < r1; ++r)
            if (result_.power[k].supply[r] >= 0) ++count[result_.power[k].supply[r]];
        int best = -1;
        std::size_t most = 0;
        for (const auto& [s, n] : count)
            if (n > most) best = s, most = n;
        return best;
    }

    /// Bit k: source k is on with its shutter open at row r (what reaches the crystal).
    std::uint64_t depositingSet(std::size_t r) const {
        std::uint64_t set = 0;
        for (std::size_t k = 0; k < groups_.size(); ++k) {
            const double shutter = series_.at("source." + groups_[k].name + ".shutter", r, 1.0);
            if (result_.power[k].powerW[r] > 0.0 && shutter > setup_.format.thresholds.switchOn) set |= 1ull << k;
        }
        return set;
    }

    /// The step's rows split where the set of depositing sources or the substrate shutter
    /// changes: each interval with a depositing source is predicted on its own.
    void replayIntervals(const StepRecord& st) {
        const std::size_t r0 = series_.rowAtOrAfter(st.startTime);
        const std::size_t r1 = std::min(series_.rows(), series_.rowAtOrAfter(st.endTime + 1e-6));
        const double switchOn = setup_.format.thresholds.switchOn;
        const std::string monitorShutter = "sensor." + setup_.monitor.name + ".shutter";
        auto key = [&](std::size_t r) {
            const bool open = series_.at("chamber.substrate_shutter", r, 1.0) > switchOn;
            const bool crystal = series_.at(monitorShutter, r, 1.0) > switchOn;
            return std::make_tuple(depositingSet(r), open, crystal);
        };
        std::size_t a = r0;
        while (a < r1) {
            std::size_t b = a + 1;
            while (b < r1 && key(b) == key(a)) ++b;
            const auto [set, open, crystal] = key(a);
            for (std::size_t p = a; set != 0 && p + 2 <= b;) {
                std::size_t q = b;
                if (setup_.maxIntervalS > 0.0) {
                    q = p + 1;
                    while (q < b && series_.times()[q] - series_.times()[p] < setup_.maxIntervalS) ++q;
                    if (b - q < 2) q = b;  // no stub at the end
                }
                result_.steps.push_back(predict(st, p, q, set, open));
                result_.steps.back().monitorShutterOpen = crystal;
                if (!crystal) {
                    ReplayStep& last = result_.steps.back();
                    last.measuredAS = last.measuredDisplayedAS = last.measuredMassRate = std::nan("");
                }
                p = q;
            }
            a = b;
        }
    }

    /// Adds interval `out`'s film (rate x duration) to the last substrate's film; a new store
    /// step or substrate ID starts a new film (ReplayFilm, TwinReplay.hpp).
    void addToLastFilm(const StepRecord& st, const ReplayStep& out, const std::vector<double>& rateNmS) {
        ReplayFilm& f = result_.lastFilm;
        if (f.intervals == 0 || st.startTime != lastFilmStepStart_ || out.substrateId != f.substrateId) {
            f.thicknessNm.assign(rateNmS.size(), 0.0);
            f.start = out.start;
            f.intervals = 0;
            f.label = out.label;
            f.substrateId = out.substrateId;
            lastFilmStepStart_ = st.startTime;
        }
        const double seconds = out.end - out.start;
        for (std::size_t i = 0; i < rateNmS.size(); ++i) f.thicknessNm[i] += rateNmS[i] * seconds;
        f.end = out.end;
        ++f.intervals;
    }

    /// Drops every other kept map (auto map series): the stride doubles, 32 maps stay.
    void thinKeptMaps() {
        mapStride_ *= 2;
        std::vector<std::pair<std::size_t, std::size_t>> kept;
        for (const auto& [mapped, step] : keptMaps_) {
            if (mapped % mapStride_ == 0)
                kept.push_back({mapped, step});
            else if (step < result_.steps.size())
                std::vector<double>().swap(result_.steps[step].filmRateNmS);
        }
        keptMaps_ = std::move(kept);
    }

    /// A reactive target's erosion up to row `rEnd` follows its state: each flux class's yield
    /// factor m(theta) (ReactiveTrajectory::classYieldFactor) averaged over the rows since the
    /// last advance, weighted by the energy each row delivered to this target (the erosion
    /// advances by energy), put on the erosion engine's cells by flux class. Rows where the
    /// target was not followed count as metal (factor 1).
    void applyStateToErosion(TargetState& ts, std::size_t k, const std::string& targetId, std::size_t rEnd) {
        const ReactiveTrajectory& tr = result_.reactive;
        if (k >= tr.classYieldFactor.size() || rEnd <= ts.stateFromRow) return;
        const std::vector<double>& e = result_.energyKWh[k];
        const std::string idKey = "source." + groups_[k].name + ".target_id";
        const std::size_t classes = tr.fluxClasses[k].patches.empty() ? 1 : tr.fluxClasses[k].patches.size();
        std::vector<double> m(classes, 0.0);
        double weight = 0.0;
        bool reactive = false;
        for (std::size_t r = std::max<std::size_t>(ts.stateFromRow, 1); r < rEnd; ++r) {
            const double w = e[r] - e[r - 1];
            if (!(w > 0.0) || series_.textAt(idKey, series_.times()[r]) != targetId) continue;
            const std::vector<double>& f = tr.classYieldFactor[k][r];
            reactive = reactive || !f.empty();
            for (std::size_t c = 0; c < classes; ++c) m[c] += w * (f.size() == classes ? f[c] : 1.0);
            weight += w;
        }
        ts.stateFromRow = rEnd;
        if (!reactive || !(weight > 0.0)) {
            ts.erosion->setRelativeFluxYieldFactor(nullptr);  // metal over these rows
            return;
        }
        for (double& v : m) v /= weight;
        if (tr.fluxClasses[k].patches.empty()) {
            const double uniform = m.front();
            ts.erosion->setRelativeFluxYieldFactor([uniform](double) { return uniform; });
        } else {
            ts.erosion->setRelativeFluxYieldFactor(perClassFactor(tr.fluxClasses[k], m));
        }
    }

    /// Source `g` (an exact replay source or a checked array member) at the step's life from
    /// its target's own erosion state, its flux scaled to `wanted` atoms/s.
    EmissionLayout exactEmission(TargetState& ts, const CathodeGroup& g, double wanted, StepSourcePrediction& sp) {
        std::vector<ErodedGroup> eroded = ts.erosion->at(sp.lifeKWh, setup_.angular);
        EmissionLayout layout = buildEmission({g}, setup_.angular, sp.lifeKWh, {}, &eroded);
        const double have = layout.sources.at(0).totalAtomsPerSecond();
        if (have > 0.0) layout.sources[0].scaleFlux(wanted / have);
        if (tableIndex_[sourceIndex(sp.source)] == kNoTable) {
            sp.erodedDepthM = layout.erodedDepthM.at(0);
            sp.erodedVolumeM3 = eroded.at(0).erodedVolumeM3;
            sp.targetVolumeM3 = eroded.at(0).targetVolumeM3;
        }
        return layout;
    }

    /// `layout`'s film-rate map (nm/s) added to `sum`; returns it.
    /// The fluence over motion_.timeS (1 s, or one whole period of an oscillating substrate)
    /// divided by that time: the rate.
    std::vector<double> addMap(std::vector<double>& sum, const EmissionLayout& layout, double atomicDensityPerM3,
                               const GasAttenuation& gas = GasAttenuation{}) const {
        std::vector<double> fluence = exposureFluence(layout.sources, grid_, motion_, setup_.transport, gas);
        for (double& v : fluence) v /= motion_.timeS;
        const std::vector<double> nm = thicknessRateNmPerS(fluence, atomicDensityPerM3);
        addMap(sum, nm);
        return nm;
    }

    static void addMap(std::vector<double>& sum, const std::vector<double>& map) {
        if (sum.empty()) sum.assign(map.size(), 0.0);
        for (std::size_t i = 0; i < map.size(); ++i) sum[i] += map[i];
    }

    ReplayStep predict(const StepRecord& st, std::size_t r0, std::size_t r1, std::uint64_t set, bool substrateOpen) {
        ReplayStep out;
        out.start = series_.times()[r0];
        out.end = series_.times()[r1 - 1];
        out.label = st.label;
        out.substrateShutterOpen = substrateOpen;
        out.substrateId = series_.textAt("chamber.substrate_id", out.start);
        out.pressurePa = meanOver(chamberPressurePa_, r0, std::min(r1, series_.rows()));
        if (!std::isfinite(out.pressurePa)) out.pressurePa = setup_.gas.processPressurePa;
        GasAttenuation gas;  // vacuum unless the setup has a gas strength
        if (setup_.gas.sigmaEffM2 > 0.0 && out.pressurePa > 0.0)
            gas = {GasAttenuation::numberDensity(out.pressurePa, setup_.gas.temperatureK), setup_.gas.sigmaEffM2,
                   setup_.gas.eta, setup_.gas.thermalisationColumnPerM2};
        std::vector<double> filmRateNmS, exactNmS;   // substrate map, sum over sources (exact: checked intervals)
        std::map<std::size_t, LifeTableFilm> films;  // per life table: the step's member weights
        const bool check = setup_.substrateMaps && setup_.exactCheckEvery > 0 && !tables_.empty() &&
                           mappedIntervals_ % std::size_t(setup_.exactCheckEvery) == 0;
        double massTotal = 0.0, volumeTotal = 0.0, massCalibrated = 0.0;
        std::vector<std::string> materials;
        for (const auto& e : st.sources) {
            const std::size_t k = sourceIndex(e.source);
            if (!(set & (1ull << k))) continue;
            StepSourcePrediction sp;
            sp.source = e.source;
            sp.targetId = e.targetId;
            // the interval's energy (the sync's attribution, DeliveredEnergy.hpp) and its mean power
            const WindowEnergy w = energy_.window(k, r0, r1 - 1);
            sp.energyJ = w.energyJ;
            sp.meanPowerW = w.meanPowerW();
            sp.meanVoltageV = meanOver(result_.power[k].voltageV, r0, std::min(r1, series_.rows()));
            const Material mat = materialOf(k, st.startTime);
            sp.material = mat.name;
            if (!(sp.meanPowerW > 0.0)) continue;
            TargetState& ts = targetState(e.source, e.targetId);
            // life at the interval's end: the target's earlier steps plus this step so far
            sp.lifeKWh =
                (ts.energyJ + energy_.through(k, series_.rowAtOrAfter(st.startTime), r1 - 1).energyJ) / kJPerKWh;
            CathodeGroup g = groups_[k];
            g.discharge.targetMaterial = mat;
            if (std::isfinite(sp.meanVoltageV) && sp.meanVoltageV > 0.0) g.discharge.voltageV = sp.meanVoltageV;
            g.powerW = sp.meanPowerW;
            g.lifeKWh = sp.lifeKWh;
            // the ion supply: DC and pulsed DC P / V (solvers/chamber/OperatingPoint.hpp); an RF-fed
            // interval the RF energy balance (boundary/racetrack/RfDischarge.hpp, docs/rf.md)
            DischargeSpec d;
            d.gas = g.discharge.gas;
            d.voltageV = g.discharge.voltageV;
            d.powerW = g.powerW;
            d.gammaSE = g.discharge.secondaryElectronYield;
            d.yieldModel = g.discharge.yieldModel;
            const std::size_t rEnd = std::min(r1, series_.rows());
            const int supply = feedingSupply(k, r0, rEnd);
            sp.rf = supply >= 0 && setup_.format.supplies[std::size_t(supply)].kind == SupplyKind::Rf &&
                    std::isfinite(sp.meanVoltageV);
            const OperatingPoint op =
                sp.rf ? operatingPoint(rfIonSupply(setup_.format.supplies[std::size_t(supply)].rf, sp.meanPowerW,
                                                   sp.meanVoltageV, ElementTable::builtin().get(d.gas)),
                                       d, mat)
                      : operatingPoint(d, mat);
            // a reactive target: its mean rate factor over the interval (1: metallic)
            sp.rateFactor = result_.reactive.mean(result_.reactive.rateFactor, k, r0, rEnd, 1.0);
            sp.thetaTarget = result_.reactive.mean(result_.reactive.thetaTarget, k, r0, rEnd, 0.0);
            const double wanted = op.atomsPerSecond() * sp.rateFactor;
            sp.ionEnergyEv = op.ionEnergyEv;
            sp.ionsPerSecond = op.ionsPerSecond;
            // a compound's atoms carry its mean mass and fill its film's volume (steady state:
            // the sputtered flux has the target's composition, boundary/materials/Material.hpp);
            // a reactive film adds x theta_c reactive atoms per metal atom (Berg's collector)
            const double atomKg = mat.meanMassAmu() * kAtomicMassUnitKg +
                                  result_.reactive.mean(result_.reactive.reactivePerMetal, k, r0, rEnd, 0.0) *
                                      result_.reactive.mean(result_.reactive.reactiveAtomKg, k, r0, rEnd, 0.0);
            const double nFilm = mat.filmAtomicDensityPerM3();
            const double nmPerFlux = 1e9 / nFilm;  // thicknessRateNmPerS, sticking 1
            double flux = 0.0;
            if (tableIndex_[k] != kNoTable) {
                const MemberAtLife m =
                    tables_[tableIndex_[k]]->add(members_[k], sp.lifeKWh, wanted, nmPerFlux, films[tableIndex_[k]]);
                sp.erodedDepthM = m.erodedDepthM;
                sp.erodedVolumeM3 = m.erodedVolumeM3;
                sp.targetVolumeM3 = m.targetVolumeM3;
                flux = m.crystalFluxPerAtom * wanted;
                if (check) {
                    const auto t0 = std::chrono::steady_clock::now();
                    addMap(exactNmS, exactEmission(ts, g, wanted, sp), nFilm);
                    result_.exactCheckSeconds +=
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                }
            } else {
                applyStateToErosion(ts, k, e.targetId, rEnd);
                const EmissionLayout layout = exactEmission(ts, g, wanted, sp);
                flux = lineOfSightFlux(layout.sources, {setup_.monitor.position}, setup_.monitor.facing, gas).at(0) +
                       thermalisedDiffusionFlux(layout.sources, {setup_.monitor.position}, gas).at(0);
                if (setup_.substrateMaps && (substrateOpen || !setup_.openSubstrateMapsOnly)) {
                    const std::vector<double> nm = addMap(filmRateNmS, layout, nFilm, gas);
                    if (check) addMap(exactNmS, nm);
                    if (setup_.keepSourceMaps) out.sourceFilmRateNmS.push_back(nm);
                }
            }
            sp.crystalMassRate = flux * atomKg;
            const auto scale = setup_.rateScale.find(e.source + "|" + e.targetId);
            massCalibrated += sp.crystalMassRate * (scale == setup_.rateScale.end() ? std::nan("") : scale->second);
            massTotal += sp.crystalMassRate;
            volumeTotal += sp.crystalMassRate / mat.filmMassDensityKgM3();
            if (std::find(materials.begin(), materials.end(), sp.material) == materials.end())
                materials.push_back(sp.material);
            out.sources.push_back(sp);
        }
        for (std::size_t i = 0; i < materials.size(); ++i) out.depositedMaterial += (i ? "+" : "") + materials[i];
        out.depositedDensityKgM3 = volumeTotal > 0.0 ? massTotal / volumeTotal : std::nan("");

        const std::string p = "sensor." + setup_.monitor.name + ".";
        MonitorSettings ms;
        ms.material = series_.textAt(p + "active_material", st.startTime);
        ms.densityKgM3 = series_.at(p + "density", r0, std::nan(""));
        ms.tooling = series_.at(p + "tooling", r0, std::nan(""));
        ms.zRatio = series_.at(p + "z_ratio", r0, std::nan(""));
        out.monitorMaterial = ms.material;
        out.monitorDensityKgM3 = ms.densityKgM3;
        out.monitorTooling = ms.tooling;
        out.monitorZRatio = ms.zRatio;
        out.measuredDisplayedAS = meanOver(result_.monitorDisplayedAS, r0, std::min(r1, series_.rows()));
        const bool settings = ms.densityKgM3 > 0.0 && ms.tooling > 0.0;
        out.measuredMassRate = settings ? crystalMassRate(out.measuredDisplayedAS * kAngstrom, ms) : std::nan("");
        // measured: the displayed rate re-read with the deposited film's density
        out.measuredAS = settings ? crystalMassRate(out.measuredDisplayedAS * kAngstrom, ms) * ms.tooling /
                                        out.depositedDensityKgM3 / kAngstrom
                                  : std::nan("");
        // predicted: the crystal's mass rate as a film of the deposited material, scaled by the
        // monitor's tooling (the substrate rate the monitor would report with the right density)
        const double tooling = settings ? ms.tooling : 1.0;
        out.predictedAS = massTotal / out.depositedDensityKgM3 * tooling / kAngstrom;
        out.predictedCalibratedAS = massCalibrated / out.depositedDensityKgM3 * tooling / kAngstrom;
        for (const auto& [t, film] : films) addMap(filmRateNmS, tables_[t]->map(film));
        out.uniformityExactPct = std::nan("");
        if (!filmRateNmS.empty()) {
            const UniformityReport u = uniformity(filmRateNmS, grid_.inUniformityArea, setup_.uniformitySpecPct);
            out.uniformityPct = u.rangePct;
            out.mapMeanAS = u.meanNm * 10.0;
            if (substrateOpen) addToLastFilm(st, out, filmRateNmS);
            if (check)
                out.uniformityExactPct =
                    uniformity(exactNmS, grid_.inUniformityArea, setup_.uniformitySpecPct).rangePct;
            if (setup_.mapEvery != 0 && mappedIntervals_ % mapStride_ == 0) {
                out.filmRateNmS = filmRateNmS;
                keptMaps_.push_back({mappedIntervals_, result_.steps.size()});
                if (setup_.mapEvery < 0 && keptMaps_.size() > 64) thinKeptMaps();
                if (mappedIntervals_ % mapStride_ != 0) std::vector<double>().swap(out.filmRateNmS);  // thinned away
            }
            ++mappedIntervals_;
        } else {
            out.uniformityPct = out.mapMeanAS = std::nan("");
        }
        return out;
    }

    const ReplaySetup& setup_;
    ReplaySeries series_;
    EnergySeries energy_;
    SubstrateGrid grid_;
    SubstrateMotion motion_;
    std::vector<double> chamberPressurePa_;  ///< per row, NaN when not logged
    std::vector<CathodeGroup> groups_;       ///< per log source: its cathode (an array member: a group of one)
    std::vector<int> members_;               ///< per log source: its index in the tool file's group
    std::vector<std::size_t> tableIndex_;    ///< per log source: its life table (kNoTable: exact)
    std::vector<std::unique_ptr<ReplayLifeTable>> tables_;
    std::size_t mappedIntervals_ = 0;
    double lastFilmStepStart_ = 0.0;                             ///< the store step of the last film
    std::size_t mapStride_ = 1;                                  ///< maps kept every mapStride_ mapped intervals
    std::vector<std::pair<std::size_t, std::size_t>> keptMaps_;  ///< (mapped interval, index in steps)
    std::map<std::pair<std::string, std::string>, TargetState> targets_;
    ReplayResult result_;
};

}  // namespace

ReplayResult replayTool(TwinStore& store, std::int64_t toolId, const ReplaySetup& setup,
                        const ReplayProgress& progress) {
    Replayer r(store, toolId, setup);
    return r.run(store, toolId, progress);
}

}  // namespace magtwin
