#include "twin/simulate/LogSimulator.hpp"

#include "twin/simulate/TimestampWriter.hpp"

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>

namespace magtwin {

namespace {

/// Standard cm^3 per minute -> standard m^3/s (the twin's SI flow, docs/twin-logs.md).
constexpr double kSccmToSi = 1e-6 / 60.0;

std::string substrateId(const SimulationRecipe& r, int s) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d", s + 1);
    return r.idPrefix + b;
}

std::string initialTargetId(const SimulationRecipe& r, const std::string& cathode) {
    for (const auto& t : r.targets)
        if (t.cathode == cathode) return t.id;
    return cathode + "-T001";
}

double initialCounterJ(const SimulationRecipe& r, const std::string& cathode) {
    for (const auto& t : r.targets)
        if (t.cathode == cathode) return t.counterJ;
    return 0.0;
}

}  // namespace

SimulationTruth analyticTruth(const SimulationRecipe& r, const std::vector<SimulatedSource>& sources) {
    SimulationTruth truth;
    std::vector<std::size_t> current;
    for (const auto& s : sources) {
        current.push_back(truth.targets.size());
        truth.targets.push_back({s.cathode, initialTargetId(r, s.cathode), 0.0});
    }
    const double dt = r.intervalS;
    double level = 0.0;
    for (int sub = 0; sub < r.substrates; ++sub) {
        SubstrateTruth st{substrateId(r, sub), std::vector<double>(sources.size(), 0.0)};
        for (const RecipeStep& step : r.steps) {
            const double T = step.samples * dt;
            for (std::size_t k = 0; k < sources.size(); ++k) {
                const double P = r.powerOf(sources[k].cathode);
                double e = 0.0;
                if (step.kind == RecipeStep::Kind::Idle) {
                    e = level * P * dt / 2;  // the drop to 0 at the idle step's first row
                } else if (step.kind == RecipeStep::Kind::Ramp) {
                    e = (level + step.toFraction) / 2 * P * T;
                } else {
                    e = level * P * T;
                    if (step.kind == RecipeStep::Kind::Deposition) {
                        for (const auto& ev : r.events)
                            if (ev.kind == RecipeEvent::Kind::Arc && ev.substrate == sub &&
                                ev.cathode == sources[k].cathode)
                                e -= (1 - ev.residual) * level * P * dt;  // one row at residual * P
                        st.depositionEnergyJ[k] = e;
                    }
                }
                truth.targets[current[k]].energyJ += e;
            }
            if (step.kind == RecipeStep::Kind::Idle) {
                level = 0.0;
                for (const auto& ev : r.events)
                    if (ev.kind == RecipeEvent::Kind::TargetChange && ev.substrate == sub)
                        for (std::size_t k = 0; k < sources.size(); ++k)
                            if (sources[k].cathode == ev.cathode) {
                                current[k] = truth.targets.size();
                                truth.targets.push_back({ev.cathode, ev.targetId, 0.0});
                            }
            } else if (step.kind == RecipeStep::Kind::Ramp) {
                level = step.toFraction;
            }
        }
        truth.substrates.push_back(st);
    }
    return truth;
}

namespace {

/// The simulated tool's state at the current row.
struct ToolState {
    double timeS = 0.0;
    int substrate = 0;
    bool idle = true, shutterOpen = false, lost = false;
    std::vector<double> powerW, setpointW, counterJ;
    std::vector<int> fedBy;  ///< per source: index into LogFormat::supplies
    std::vector<std::string> targetId;
    double qcmRate = 0.0, qcmThicknessM = 0.0;
};

/// One written column: how its SI value (or text) comes from the state.
struct Column {
    std::string name;
    std::function<double()> si;
    std::function<std::string()> text;
    double scale = 1.0, offset = 0.0;
    int digits = 6;
};

int supplyIndex(const LogFormat& f, const std::string& name) {
    for (std::size_t i = 0; i < f.supplies.size(); ++i)
        if (f.supplies[i].name == name) return int(i);
    return -1;
}

/// "a.b.c" -> {"a", "b", "c"} (the last part may contain dots only for switches: a.b.switch.S).
std::vector<std::string> splitKey(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t dot; (dot = key.find('.', from)) != std::string::npos; from = dot + 1)
        parts.push_back(key.substr(from, dot - from));
    parts.push_back(key.substr(from));
    return parts;
}

}  // namespace

SimulatedLogFacts writeSimulatedLog(std::ostream& out, const LogFormat& format, const SimulationRecipe& r,
                                    const std::vector<SimulatedSource>& sources, const SimulatedLogSettings& settings) {
    const std::size_t n = sources.size();
    ToolState st;
    st.powerW.assign(n, 0.0), st.setpointW.assign(n, 0.0), st.counterJ.assign(n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
        const SourceChannels& sc = format.sources[k];
        st.fedBy.push_back(sc.switches.empty() ? sc.hardWiredSupply : sc.switches.front().supply);
        st.targetId.push_back(initialTargetId(r, sources[k].cathode));
        st.counterJ[k] = initialCounterJ(r, sources[k].cathode);
    }
    std::mt19937_64 rng(settings.seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const auto noisy = [&](double v, double relSigma) { return v * (1.0 + relSigma * gauss(rng)); };
    const auto sourceOf = [&](const std::string& cathode) {
        for (std::size_t k = 0; k < n; ++k)
            if (sources[k].cathode == cathode) return int(k);
        return -1;
    };
    const auto fedSource = [&](int supply) {
        for (std::size_t k = 0; k < n; ++k)
            if (st.fedBy[k] == supply) return int(k);
        return -1;
    };

    std::vector<Column> cols;
    std::vector<double> rowVoltage(format.supplies.size(), 0.0);
    const auto nan = [] { return std::numeric_limits<double>::quiet_NaN(); };
    for (const NumericChannel& ch : format.numeric) {
        Column c{ch.column, nan, {}, ch.scale, ch.offset, 6};
        const auto p = splitKey(ch.key);
        if (p[0] == "chamber" && (p[1] == "pressure" || p[1] == "gauge_pressure")) {
            c.si = [&] { return noisy(r.pressurePa, 0.01); };
        } else if (p[0] == "chamber" && p[1] == "pressure_setpoint") {
            c.si = [&] { return r.pressurePa; };
        } else if (p[0] == "chamber" && p[1] == "substrate_shutter") {
            c.si = [&] { return st.shutterOpen ? 1.0 : 0.0; };
        } else if (p[0] == "gas" && p.back() == "flow") {
            const double flow = p[1] == "Ar" ? r.arFlowSccm * kSccmToSi : 0.0;
            c.si = [&, flow] { return noisy(flow, 0.005); };
        } else if (p[0] == "gas" && p.back() == "setpoint") {
            const double flow = p[1] == "Ar" ? r.arFlowSccm * kSccmToSi : 0.0;
            c.si = [flow] { return flow; };
        } else if (p[0] == "supply") {
            const int s = supplyIndex(format, p[1]);
            const std::string& q = p[2];
            c.digits = 12;
            if (q == "enabled") c.si = [&, s] { return fedSource(s) >= 0 && !st.idle ? 1.0 : 0.0; };
            if (q == "setpoint")
                c.si = [&, s] {
                    const int k = fedSource(s);
                    return k < 0 ? 0.0 : st.setpointW[std::size_t(k)];
                };
            if (q == "power" || q == "forward_power")
                c.si = [&, s] {
                    const int k = fedSource(s);
                    return k < 0 ? 0.0 : st.powerW[std::size_t(k)];
                };
            if (q == "reflected_power") c.si = [] { return 0.0; };
            if (q == "voltage" || q == "current") {
                // Both columns of a supply share the row's noisy voltage (drawn by the voltage
                // column, which the check below puts first); current = power / voltage.
                const bool isVoltage = q == "voltage";
                c.digits = 6;
                c.si = [&, s, isVoltage] {
                    const int k = fedSource(s);
                    const double P = k < 0 ? 0.0 : st.powerW[std::size_t(k)];
                    double& v = rowVoltage[std::size_t(s)];
                    if (isVoltage) v = P > 0 ? noisy(sources[std::size_t(k)].voltageV, 0.005) : 0.0;
                    return isVoltage ? v : (P > 0 && v > 0 ? P / v : 0.0);
                };
            }
        } else if (p[0] == "source") {
            const int k = sourceOf(p[1]);
            c.digits = 12;
            if (p[2] == "usage_counter") c.si = [&, k] { return st.counterJ[std::size_t(k)]; };
            if (p[2] == "shutter") c.si = [] { return 1.0; };
            if (p[2] == "switch") {
                const int s = supplyIndex(format, p[3]);
                c.si = [&, k, s] { return st.fedBy[std::size_t(k)] == s ? 1.0 : 0.0; };
            }
        } else if (p[0] == "sensor") {
            if (p[2] == "rate") c.si = [&] { return noisy(st.qcmRate * settings.qcmTooling, 0.02); };
            if (p[2] == "thickness") c.si = [&] { return st.qcmThicknessM * settings.qcmTooling; };
            if (p[2] == "tooling") c.si = [&] { return settings.qcmTooling; };
        }
        cols.push_back(c);
    }
    for (const TextChannel& ch : format.text) {
        Column c{ch.column, {}, [] { return std::string(); }};
        const auto p = splitKey(ch.key);
        if (p[0] == "source") {
            const int k = sourceOf(p[1]);
            if (p[2] == "target_id") c.text = [&, k] { return st.targetId[std::size_t(k)]; };
            if (p[2] == "material") c.text = [&, k] { return sources[std::size_t(k)].material; };
        } else if (ch.key == "chamber.substrate_id") {
            c.text = [&] { return substrateId(r, st.substrate); };
        } else if (p[0] == "sensor" && p[2] == "active_material") {
            c.text = [&] { return settings.filmMaterial; };
        }
        cols.push_back(c);
    }
    // The current column must see the voltage of the same row: voltage columns are written
    // before current columns of the same supply in every shipped mapping; enforce it.
    for (std::size_t i = 0; i < format.numeric.size(); ++i) {
        const auto& key = format.numeric[i].key;
        if (key.size() > 8 && key.compare(key.size() - 8, 8, ".current") == 0) {
            const std::string v = key.substr(0, key.size() - 8) + ".voltage";
            bool before = false;
            for (std::size_t j = 0; j < i; ++j) before = before || format.numeric[j].key == v;
            bool mapped = false;
            for (const auto& ch : format.numeric) mapped = mapped || ch.key == v;
            if (mapped && !before)
                throw std::invalid_argument(settings.toolName + ": log format '" + format.name + "': map " + v +
                                            " before " + key + " for simulate-log");
        }
    }

    SimulatedLogFacts facts;
    const char delim = format.delimiter;
    std::string line;
    const auto writeLine = [&](const std::string& l) {
        out << l << '\n';
        facts.bytes += std::int64_t(l.size() + 1);
        ++facts.lines;
    };
    const int preamble = format.header.preambleLines >= 0 ? format.header.preambleLines : 1;
    for (int i = 0; i < preamble; ++i)
        writeLine(i == 0 ? "# " + settings.toolName + " log simulated by magtwin twin simulate-log"
                         : "# recipe " + r.name + ", seed " + std::to_string(settings.seed));
    line = format.timestampColumn;
    for (const auto& c : cols) line += delim + c.name;
    writeLine(line);

    const double dt = r.intervalS;
    std::int64_t sample = 0;
    std::vector<double> prevPower(n, 0.0);
    double prevRate = 0.0;
    bool afterGap = false;
    char num[48];
    const auto emit = [&](double level, const std::vector<double>& arcFactor) {
        st.timeS = r.startUtcS + double(sample) * dt;
        double rate = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            const double P = r.powerOf(sources[k].cathode);
            st.setpointW[k] = level * P;
            st.powerW[k] = level * P * arcFactor[k];
            if (sample > 0) st.counterJ[k] += (prevPower[k] + st.powerW[k]) / 2 * dt;  // the tool's own counter
            prevPower[k] = st.powerW[k];
            rate += st.powerW[k] * sources[k].filmRateMPerSPerW;
        }
        st.qcmRate = rate;
        if (sample > 0) st.qcmThicknessM += (prevRate + rate) / 2 * dt;
        prevRate = rate;
        ++sample;
        if (st.lost) {
            afterGap = true;
            return;
        }
        if (afterGap) facts.gapLines.push_back(facts.lines + 1), afterGap = false;
        line = formatTimestamp(format.timestamp, st.timeS);
        for (const auto& c : cols) {
            line += delim;
            if (c.text) {
                line += c.text();
                continue;
            }
            const double v = c.si();
            if (std::isnan(v)) continue;
            std::snprintf(num, sizeof num, "%.*g", c.digits, (v - c.offset) / c.scale);
            line += num;
        }
        writeLine(line);
        ++facts.rows;
    };

    const std::vector<double> noArc(n, 1.0);
    emit(0.0, noArc);  // the log opens with the tool idle
    double level = 0.0;
    for (int sub = 0; sub < r.substrates; ++sub) {
        for (const RecipeStep& step : r.steps) {
            const double from = level;
            for (int j = 1; j <= step.samples; ++j) {
                st.idle = step.kind == RecipeStep::Kind::Idle;
                st.shutterOpen = step.kind == RecipeStep::Kind::Deposition;
                st.lost = false;
                std::vector<double> arc = noArc;
                if (st.idle) {
                    level = 0.0;
                    if (j == 1) st.substrate = sub, st.qcmThicknessM = 0.0, prevRate = 0.0;  // load; crystal zeroed
                    for (const auto& ev : r.events) {
                        if (ev.substrate != sub) continue;
                        if (j == 2 && ev.kind == RecipeEvent::Kind::TargetChange) {
                            const int k = sourceOf(ev.cathode);
                            st.targetId[std::size_t(k)] = ev.targetId;
                            st.counterJ[std::size_t(k)] = 0.0;
                            facts.targetChangeLines.push_back(facts.lines + 1);
                        }
                        if (j == 2 && ev.kind == RecipeEvent::Kind::SupplySwitch) {
                            const int k = sourceOf(ev.cathode), s = supplyIndex(format, ev.supply);
                            bool switchable = false;
                            for (const auto& sw : format.sources[std::size_t(k)].switches)
                                switchable = switchable || sw.supply == s;
                            if (!switchable)
                                throw std::invalid_argument(r.file + ": supply-switch: log format '" + format.name +
                                                            "' has no switch column from '" + ev.supply + "' to '" +
                                                            ev.cathode + "'");
                            st.fedBy[std::size_t(k)] = s;
                        }
                        if (ev.kind == RecipeEvent::Kind::Gap && j >= 3 && j < 3 + ev.gapSamples) st.lost = true;
                    }
                } else if (step.kind == RecipeStep::Kind::Ramp) {
                    level = from + (step.toFraction - from) * j / step.samples;
                } else if (step.kind == RecipeStep::Kind::Deposition) {
                    for (const auto& ev : r.events)
                        if (ev.kind == RecipeEvent::Kind::Arc && ev.substrate == sub && ev.atSample == j) {
                            arc[std::size_t(sourceOf(ev.cathode))] = ev.residual;
                            facts.arcLines.push_back(facts.lines + 1);
                        }
                }
                emit(level, arc);
            }
            if (step.kind == RecipeStep::Kind::Ramp) level = step.toFraction;
        }
    }
    return facts;
}

}  // namespace magtwin
