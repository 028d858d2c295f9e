#include "twin/replay/StepDetector.hpp"

#include "twin/replay/DeliveredEnergy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>

namespace magtwin {

StepDetector::StepDetector(const LogFormat& format, const std::vector<TargetRecord>& knownTargets, LogIssues& issues)
    : format_(format), rules_(format), issues_(issues) {
    for (const auto& t : knownTargets) targets_[{t.source, t.targetId}] = t;
    if (format.sources.size() > 64)
        throw std::invalid_argument("log format '" + format.name + "': more than 64 sources");
    setState({});
}

void StepDetector::setState(DetectorState s) {
    state_ = std::move(s);
    current_.assign(format_.sources.size(), nullptr);
    state_.prevSourcePower.resize(format_.sources.size(), 0.0);
    state_.prevSetpoint.resize(format_.supplies.size(), std::numeric_limits<double>::quiet_NaN());
    state_.currentTarget.resize(format_.sources.size());
}

TargetRecord& StepDetector::target(std::size_t c, double time, const LogRowBatch& b, std::size_t row) {
    const SourceChannels& src = format_.sources[c];
    std::string& id = state_.currentTarget[c];
    if (src.targetId >= 0) {
        const std::string& logged = b.text(row, src.targetId);
        if (!logged.empty() && logged != id) id = logged;
    }
    if (id.empty()) id = src.targetId >= 0 ? "unknown" : src.cathode + "-target";
    if (current_[c] && current_[c]->targetId == id) return *current_[c];
    const auto key = std::make_pair(src.cathode, id);
    auto it = targets_.find(key);
    if (it == targets_.end()) {
        TargetRecord t;
        t.source = src.cathode;
        t.targetId = id;
        t.material = src.material >= 0 ? b.text(row, src.material) : src.materialFromToolFile;
        if (t.material.empty()) t.material = src.materialFromToolFile;
        t.thicknessM = src.targetThicknessM;
        t.installTime = time;
        it = targets_.emplace(key, t).first;
        changed_.insert(&it->second);
    }
    current_[c] = &it->second;
    return it->second;
}

void StepDetector::process(const LogRowBatch& b, std::vector<StepRecord>& steps) {
    const StepThresholds& th = format_.thresholds;
    const std::size_t nSupply = format_.supplies.size(), nSource = format_.sources.size();
    std::vector<double> setpoint(nSupply), power(nSource), dE(nSource);
    std::vector<char> sourceOn(nSource), ramping(nSource), shutterOpen(nSource);
    auto on = [&](std::size_t row, int channel) { return channel < 0 || b.value(row, channel) > th.switchOn; };

    for (std::size_t row = 0; row < b.rows(); ++row) {
        const double t = b.times[row];
        const std::int64_t line = b.lines[row];
        rules_.apply(&b.values[row * b.numericCount], rowPower_);
        for (std::size_t s = 0; s < nSupply; ++s) {
            const SupplyChannels& sup = format_.supplies[s];
            setpoint[s] = sup.setpoint >= 0 ? b.value(row, sup.setpoint) : std::numeric_limits<double>::quiet_NaN();
        }
        std::size_t nOn = 0, nDepositing = 0;
        bool anyRamp = false;
        const bool substrateOpen = on(row, format_.substrateShutter);
        for (std::size_t c = 0; c < nSource; ++c) {
            for (int s : rowPower_.ambiguous[c])
                issues_.add(line, "ambiguous-switch",
                            "supply '" + format_.supplies[static_cast<std::size_t>(s)].name +
                                "' is switched to several sources; its energy is not attributed");
            power[c] = rowPower_.sourceW[c];
            sourceOn[c] = !rowPower_.feeding[c].empty();
            ramping[c] = 0;
            for (int s : rowPower_.feeding[c])
                if (state_.hasPrev && std::fabs(setpoint[s] - state_.prevSetpoint[s]) > th.rampSetpointChangeW)
                    ramping[c] = 1;
            shutterOpen[c] = on(row, format_.sources[c].shutter);
            nOn += sourceOn[c];
            nDepositing += sourceOn[c] && shutterOpen[c];
            anyRamp = anyRamp || ramping[c];
        }
        const char* label = "";
        if (nOn > 0)
            label = anyRamp                              ? "ramp"
                    : !substrateOpen || nDepositing == 0 ? "pre-sputter"
                    : nDepositing >= 2                   ? "co-sputter"
                                                         : "deposition";
        std::uint64_t mask = 0;
        for (std::size_t c = 0; c < nSource; ++c)
            if (sourceOn[c]) mask |= std::uint64_t{1} << c;

        const bool gap = b.gapBefore[row] != 0;
        const bool integrate = state_.hasPrev && !gap;
        for (std::size_t c = 0; c < nSource; ++c) {
            dE[c] = integrate ? segmentEnergyJ(state_.prevSourcePower[c], power[c], t - state_.prevTime) : 0.0;
            TargetRecord& tgt = target(c, t, b, row);
            bool changed = dE[c] != 0.0;
            tgt.energyJ += dE[c];
            const SourceChannels& src = format_.sources[c];
            if (src.usageCounter >= 0 && !std::isnan(b.value(row, src.usageCounter))) {
                const double counter = b.value(row, src.usageCounter);
                if (!tgt.hasCounter) tgt.counterFirstJ = counter, tgt.hasCounter = true, changed = true;
                changed = changed || tgt.counterLastJ != counter;
                tgt.counterLastJ = counter;
            }
            if (changed) changed_.insert(&tgt);
        }

        auto addEnergy = [&](StepRecord& step, bool onlyUnclaimed, const StepRecord* claimed) {
            for (auto& e : step.sources) {
                const auto c = static_cast<std::size_t>(
                    std::find_if(format_.sources.begin(), format_.sources.end(),
                                 [&](const SourceChannels& s) { return s.cathode == e.source; }) -
                    format_.sources.begin());
                if (onlyUnclaimed && claimed &&
                    std::any_of(claimed->sources.begin(), claimed->sources.end(),
                                [&](const StepSourceEnergy& x) { return x.source == e.source; }))
                    continue;
                e.energyJ += dE[c];
            }
        };
        const bool transition = state_.stepOpen && (gap || state_.step.label != label || state_.stepSources != mask);
        StepRecord closing;
        if (transition) closing = state_.step;
        if (transition) state_.stepOpen = false;
        if (*label != '\0' && !state_.stepOpen) {
            StepRecord s;
            s.fileId = fileId_;
            s.startLine = s.endLine = line;
            s.startTime = s.endTime = t;
            s.label = label;
            s.open = true;
            for (std::size_t c = 0; c < nSource; ++c)
                if (sourceOn[c]) {
                    s.sources.push_back({format_.sources[c].cathode, state_.currentTarget[c], 0.0});
                    TargetRecord& tgt = *current_[c];
                    ++tgt.steps;
                    changed_.insert(&tgt);
                }
            state_.step = s;
            state_.stepSources = mask;
            state_.stepOpen = true;
        }
        if (state_.stepOpen) addEnergy(state_.step, false, nullptr);
        if (transition && !gap) addEnergy(closing, true, state_.stepOpen ? &state_.step : nullptr);
        if (transition) {
            closing.open = false;
            steps.push_back(closing);
        }
        if (state_.stepOpen) state_.step.endLine = line, state_.step.endTime = t;

        state_.hasPrev = true;
        state_.prevTime = t;
        state_.prevSourcePower = power;
        state_.prevSetpoint = setpoint;
    }
    if (state_.stepOpen) steps.push_back(state_.step);
}

std::vector<TargetRecord> StepDetector::takeChangedTargets() {
    std::vector<TargetRecord> out;
    for (const TargetRecord* t : changed_) out.push_back(*t);
    std::sort(out.begin(), out.end(), [](const TargetRecord& a, const TargetRecord& b) {
        return std::tie(a.source, a.targetId) < std::tie(b.source, b.targetId);
    });
    changed_.clear();
    return out;
}

}  // namespace magtwin
