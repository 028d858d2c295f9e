#include "twin/forecast/UniformityForecast.hpp"

#include "boundary/util/TextNumber.hpp"
#include "solvers/optimise/Bisection.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "solvers/deposition/ErodedTargets.hpp"
#include "solvers/deposition/LifeSweep.hpp"
#include "solvers/deposition/Uniformity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace magtwin {
namespace {

constexpr double kJPerKWh = 3.6e6;

bool groupHasSource(const CathodeGroup& g, const std::string& source) {
    if (g.name == source) return true;
    return std::find(g.memberNames.begin(), g.memberNames.end(), source) != g.memberNames.end();
}

}  // namespace

std::vector<GroupUsage> groupUsage(const DepositCase& c, const std::vector<TargetRecord>& targets, double lastTime) {
    std::map<std::string, const TargetRecord*> current;  // source -> newest target
    for (const auto& t : targets) {
        auto& slot = current[t.source];
        if (!slot || t.installTime > slot->installTime) slot = &t;
    }
    std::vector<GroupUsage> usage;
    for (const auto& g : c.cathodes) {
        GroupUsage u;
        int n = 0;
        double days = 0.0;
        for (const auto& [source, t] : current) {
            if (!groupHasSource(g, source)) continue;
            u.nowKWh += t->energyJ / kJPerKWh;
            u.targetIds.push_back(t->targetId);
            days = std::max(days, (lastTime - t->installTime) / 86400.0);
            ++n;
        }
        if (n == 0) throw std::invalid_argument("no stored target on cathode '" + g.name + "' of the tool file");
        u.nowKWh /= n;
        u.kWhPerDay = days > 0 ? u.nowKWh / days : 0.0;
        usage.push_back(u);
    }
    return usage;
}

ForecastModel::ForecastModel(DepositCase c, std::vector<GroupUsage> usage, TransportMethod method)
    : c_(std::move(c)),
      law_(angularLaw(c_)),
      usage_(std::move(usage)),
      method_(method),
      grid_(sampleSubstrate(c_.substrate)) {
    if (usage_.size() != c_.cathodes.size()) throw std::invalid_argument("forecast: one usage per cathode group");
    for (const auto& u : usage_) xNow_ += u.nowKWh / usage_.size(), meanRate_ += u.kWhPerDay / usage_.size();
}

DepositCase ForecastModel::caseAt(double x) const {
    DepositCase d = c_;
    for (std::size_t g = 0; g < d.cathodes.size(); ++g) {
        const double share = meanRate_ > 0 ? usage_[g].kWhPerDay / meanRate_ : 1.0;
        d.cathodes[g].lifeKWh = std::max(0.0, usage_[g].nowKWh + (x - xNow_) * share);
    }
    return d;
}

double ForecastModel::uniformityPct(const DepositCase& d, const CathodeResponses& r,
                                    const std::vector<double>& trims) const {
    const double n = d.filmMaterial.filmAtomicDensityPerM3();
    return uniformity(thicknessNm(r.combined(cathodeTrims(d, trims)), n, d.sticking), grid_.inUniformityArea,
                      d.uniformityTargetPct)
        .rangePct;
}

double ForecastModel::uniformityPct(double x, const std::vector<double>& trims) const {
    const DepositCase d = caseAt(x);
    const auto eroded = erodeCathodeGroups(d.cathodes, law_, 0.0);
    return uniformityPct(d, responsesAt(d, law_, 0.0, eroded, grid_, method_), trims);
}

TrimResult ForecastModel::retrim(const DepositCase& d) const {
    const auto eroded = erodeCathodeGroups(d.cathodes, law_, 0.0);
    const CathodeResponses r = responsesAt(d, law_, 0.0, eroded, grid_, method_);
    double pitch = 0;
    TrimResult t = optimiseTrims(d, law_, 0.0, eroded, method_, pitch, &r);
    t.rangePctAfter = uniformityPct(d, r, t.trims);
    return t;
}

double bisectSpecCrossing(const std::function<double(double)>& u, double spec, double lo, double hi, double uLo,
                          double uHi, double relTol, const ProgressFn& progress) {
    BisectionOptions tolerance;
    tolerance.relativeTolerance = relTol;
    return bisectRoot(
        [&](double mid) {
            if (progress) progress("bisection: " + textNumber(mid, 6) + " kWh");
            return u(mid);
        },
        spec, lo, hi, uLo, uHi, tolerance);
}

ForecastResult forecastUniformity(const DepositCase& c, const std::vector<GroupUsage>& usage,
                                  const std::optional<LoggedRecipe>& logged, TransportMethod method,
                                  const ForecastSettings& settings, const ProgressFn& progress) {
    if (settings.points < 2) throw std::invalid_argument("forecast: at least 2 life points");
    auto say = [&](const std::string& m) {
        if (progress) progress(m);
    };
    const ForecastModel f(c, usage, method);
    ForecastResult out;
    out.specPct = c.uniformityTargetPct;
    out.xNow = f.xNow();
    out.meanRate = f.meanRate();
    out.usage = f.usage();

    // End of life of each group's target, and where the first one is reached on the x axis.
    double xEnd = INFINITY;
    for (std::size_t g = 0; g < c.cathodes.size(); ++g) {
        CathodeGroup fresh = c.cathodes[g];
        fresh.lifeKWh = -1.0;
        TargetErosionState one({fresh});
        say("erosion engine: end of life of " + fresh.name);
        out.eolKWh.push_back(one.endOfLifeKWh());
        const double share = f.meanRate() > 0 ? out.usage[g].kWhPerDay / f.meanRate() : 1.0;
        xEnd = std::min(xEnd, f.xNow() + (out.eolKWh.back() - out.usage[g].nowKWh) / share);
    }
    xEnd = f.xNow() + (xEnd - f.xNow()) * 0.995;
    if (!(xEnd > f.xNow())) throw std::domain_error("a target is past its end of life already");
    out.xEnd = xEnd;

    std::vector<double> todayTrims;
    out.logged = logged;
    out.recipe = logged ? "logged" : "configured";
    if (logged) {
        todayTrims = logged->trims;
    } else if (c.optimiseTrims) {
        say("today's recipe: trims at life now");
        todayTrims = f.retrim(f.caseAt(f.xNow())).trims;
    }
    out.recipeTrims = cathodeTrims(c, todayTrims);
    for (int i = 0; i < settings.points; ++i) {
        out.xs.push_back(f.xNow() + (xEnd - f.xNow()) * i / (settings.points - 1));
        say("life point " + std::to_string(i + 1) + "/" + std::to_string(settings.points) + ": " +
            textNumber(out.xs.back(), 5) + " kWh");
        out.us.push_back(f.uniformityPct(out.xs.back(), todayTrims));
    }
    out.crossingKWh = firstSpecCrossingKWh(out.xs, out.us, out.specPct);
    if (out.crossingKWh && *out.crossingKWh > out.xs.front()) {
        const std::size_t i = std::upper_bound(out.xs.begin(), out.xs.end(), *out.crossingKWh) - out.xs.begin();
        const std::size_t j = std::min(i, out.xs.size() - 1);
        out.crossingKWh = bisectSpecCrossing([&](double x) { return f.uniformityPct(x, todayTrims); }, out.specPct,
                                             out.xs[i - 1], out.xs[j], out.us[i - 1], out.us[j], 1e-3, progress);
    }
    if (out.crossingKWh) {
        say("re-optimised trims at " + textNumber(xEnd, 5) + " kWh");
        const DepositCase best = f.caseAt(xEnd);
        TrimResult t = f.retrim(best);
        for (double a : c.wobbleCandidatesRad) {
            const TrimResult r = f.retrim(withRotaryWobble(f.caseAt(xEnd), a));
            if (r.rangePctAfter < t.rangePctAfter) t = r, out.wobbleRad = a;
        }
        out.recommendedTrims = cathodeTrims(best, t.trims);
        out.uAfterPct = t.rangePctAfter;
    }
    return out;
}

}  // namespace magtwin
