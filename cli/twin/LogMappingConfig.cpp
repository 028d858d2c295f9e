#include "cli/twin/LogMappingConfig.hpp"

#include "cli/twin/LogUnits.hpp"
#include "twin/logs/TimestampParser.hpp"

#include <algorithm>

namespace magtwin {

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

/// Reads one log's keys into a LogFormat; channels are `{column: NAME, unit: UNIT}` sections.
class MappingReader {
public:
    MappingReader(LogFormat& f, const ToolNames& names) : f_(f), names_(names) {}

    int numeric(const ConfigSection& parent, const std::string& key, const std::string& channelKey, LogQuantity q) {
        const auto s = parent.optionalSection(key);
        if (!s) return -1;
        const std::string column = s->text("column");
        if (column.find_first_not_of(" \t") == std::string::npos)
            s->fail("column", "empty: name the log column of " + channelKey);
        const std::string unit = s->textOr("unit", "");
        const auto u = logUnit(q, unit);
        if (!u) {
            if (unit.empty())
                s->fail("unit",
                        "missing: a " + logQuantityName(q) + " column needs a unit (" + joined(logUnitNames(q)) + ")");
            s->fail("unit", "unknown unit '" + unit + "' for " + logQuantityName(q) +
                                "; expected one of: " + joined(logUnitNames(q)));
        }
        s->rejectUnknownKeysHere();
        f_.numeric.push_back({channelKey, column, u->scale, u->offset, u->siUnit});
        return static_cast<int>(f_.numeric.size()) - 1;
    }

    int text(const ConfigSection& parent, const std::string& key, const std::string& channelKey) {
        const auto s = parent.optionalSection(key);
        if (!s) return -1;
        const std::string column = s->text("column");
        if (column.find_first_not_of(" \t") == std::string::npos)
            s->fail("column", "empty: name the log column of " + channelKey);
        f_.text.push_back({channelKey, column});
        s->rejectUnknownKeysHere();
        return static_cast<int>(f_.text.size()) - 1;
    }

    int supplyIndex(const ConfigSection& s, const std::string& key, const std::string& name) const {
        for (std::size_t i = 0; i < f_.supplies.size(); ++i)
            if (f_.supplies[i].name == name) return static_cast<int>(i);
        std::vector<std::string> known;
        for (const auto& sup : f_.supplies) known.push_back(sup.name);
        s.fail(key, "supply '" + name + "' has no channels in this log's `supplies:` (mapped: " + joined(known) + ")");
    }

    void supplies(const ConfigSection& log) {
        if (!log.has("supplies")) return;
        for (const auto& s : log.sectionList("supplies")) {
            SupplyChannels c;
            c.name = s.text("supply");
            const auto it = std::find_if(names_.supplies.begin(), names_.supplies.end(),
                                         [&](const ToolNames::Supply& x) { return x.name == c.name; });
            if (it == names_.supplies.end()) {
                std::vector<std::string> known;
                for (const auto& x : names_.supplies) known.push_back(x.name);
                s.fail("supply", "'" + c.name + "' is not a supply of the tool file (supplies: " + joined(known) + ")");
            }
            c.kind = it->kind;
            c.rf = it->rf;
            const std::string p = "supply." + c.name + ".";
            c.enabled = numeric(s, "enabled", p + "enabled", LogQuantity::Flag);
            c.setpoint = numeric(s, "setpoint", p + "setpoint", LogQuantity::Power);
            if (c.kind == SupplyKind::Rf) {
                c.forwardPower = numeric(s, "forward_power", p + "forward_power", LogQuantity::Power);
                c.reflectedPower = numeric(s, "reflected_power", p + "reflected_power", LogQuantity::Power);
                numeric(s, "dc_bias", p + "dc_bias", LogQuantity::Voltage);
                numeric(s, "load_position", p + "load_position", LogQuantity::Fraction);
                numeric(s, "tune_position", p + "tune_position", LogQuantity::Fraction);
                if (c.forwardPower < 0) s.fail("forward_power", "an RF supply needs its forward power column");
            } else {
                c.power = numeric(s, "power", p + "power", LogQuantity::Power);
                c.voltage = numeric(s, "voltage", p + "voltage", LogQuantity::Voltage);
                c.current = numeric(s, "current", p + "current", LogQuantity::Current);
                if (c.kind == SupplyKind::PulsedDc) {
                    numeric(s, "pulse_frequency", p + "pulse_frequency", LogQuantity::Frequency);
                    numeric(s, "reverse_time", p + "reverse_time", LogQuantity::Time);
                }
                if (c.power < 0 && (c.voltage < 0 || c.current < 0))
                    s.fail("power", "a DC supply needs a power column, or voltage and current columns");
            }
            s.rejectUnknownKeysHere();
            f_.supplies.push_back(c);
        }
    }

    void sources(const ConfigSection& log) {
        if (!log.has("sources")) return;
        for (const auto& s : log.sectionList("sources")) {
            SourceChannels c;
            c.cathode = s.text("cathode");
            const auto it = std::find_if(names_.cathodes.begin(), names_.cathodes.end(),
                                         [&](const ToolNames::Cathode& x) { return x.name == c.cathode; });
            if (it == names_.cathodes.end()) s.fail("cathode", "'" + c.cathode + "' is not a cathode of the tool file");
            c.materialFromToolFile = it->material;
            c.targetThicknessM = it->targetThicknessM;
            const std::string p = "source." + c.cathode + ".";
            c.shutter = numeric(s, "shutter", p + "shutter", LogQuantity::Flag);
            c.usageCounter = numeric(s, "usage_counter", p + "usage_counter", LogQuantity::Energy);
            c.targetId = text(s, "target_id", p + "target_id");
            c.material = text(s, "material", p + "material");
            auto feeds = [&](const ConfigSection& at, const std::string& key, const std::string& supply) {
                const int i = supplyIndex(at, key, supply);
                const auto& sup = *std::find_if(names_.supplies.begin(), names_.supplies.end(),
                                                [&](const ToolNames::Supply& x) { return x.name == supply; });
                if (std::find(sup.feeds.begin(), sup.feeds.end(), c.cathode) == sup.feeds.end())
                    at.fail(key, "supply '" + supply + "' does not feed '" + c.cathode +
                                     "' (its feeds: " + joined(sup.feeds) + ")");
                return i;
            };
            if (s.has("switches")) {
                for (const auto& sw : s.sectionList("switches")) {
                    const int supply = feeds(sw, "supply", sw.text("supply"));
                    const std::string key = p + "switch." + f_.supplies[supply].name;
                    f_.numeric.push_back({key, sw.text("column"), 1.0, 0.0, "1"});
                    c.switches.push_back({supply, static_cast<int>(f_.numeric.size()) - 1});
                    sw.rejectUnknownKeysHere();
                }
            } else {
                c.hardWiredSupply = feeds(s, "supply", s.text("supply"));
            }
            s.rejectUnknownKeysHere();
            f_.sources.push_back(c);
        }
    }

    void chamber(const ConfigSection& log) {
        const auto c = log.optionalSection("chamber");
        if (!c) return;
        numeric(*c, "pressure", "chamber.pressure", LogQuantity::Pressure);
        numeric(*c, "pressure_setpoint", "chamber.pressure_setpoint", LogQuantity::Pressure);
        numeric(*c, "gauge_pressure", "chamber.gauge_pressure", LogQuantity::Pressure);
        f_.substrateShutter = numeric(*c, "substrate_shutter", "chamber.substrate_shutter", LogQuantity::Flag);
        numeric(*c, "heater_temperature", "chamber.heater_temperature", LogQuantity::Temperature);
        numeric(*c, "heater_setpoint", "chamber.heater_setpoint", LogQuantity::Temperature);
        numeric(*c, "substrate_rotation", "chamber.substrate_rotation", LogQuantity::Angle);
        numeric(*c, "carrier_position", "chamber.carrier_position", LogQuantity::Length);
        text(*c, "substrate_id", "chamber.substrate_id");
        if (text(*c, "recipe", "chamber.recipe") >= 0) f_.equipment.recipeKey = "chamber.recipe";
        c->rejectUnknownKeysHere();
    }

    void gasFlows(const ConfigSection& log) {
        if (!log.has("gas_flows")) return;
        for (const auto& g : log.sectionList("gas_flows")) {
            const std::string p = "gas." + g.text("gas") + ".";
            if (numeric(g, "flow", p + "flow", LogQuantity::Flow) < 0) g.fail("flow", "missing (required)");
            numeric(g, "setpoint", p + "setpoint", LogQuantity::Flow);
            g.rejectUnknownKeysHere();
        }
    }

    /// `crackers:` a valved reactive source (twin/logs/LogFormat.hpp CrackerChannels): the
    /// valve and the sulfur pressure are required, the zones and control columns optional.
    void crackers(const ConfigSection& log) {
        if (!log.has("crackers")) return;
        for (const auto& k : log.sectionList("crackers")) {
            CrackerChannels c;
            c.name = k.text("name");
            if (c.name.empty()) k.fail("name", "empty: name the cracker");
            for (const auto& other : f_.crackers)
                if (other.name == c.name) k.fail("name", "cracker '" + c.name + "' is mapped twice");
            c.gas = k.text("gas");
            if (c.gas.empty()) k.fail("gas", "empty: the reactive gas the cracker delivers (S2)");
            const std::string p = "cracker." + c.name + ".";
            c.valve = numeric(k, "valve", p + "valve", LogQuantity::Number);
            if (c.valve < 0) k.fail("valve", "missing (required): the valve opening column");
            c.openAbove = k.numberOr("open_above", 0.0);
            c.sulfurPressure = numeric(k, "sulfur_pressure", p + "sulfur_pressure", LogQuantity::Pressure);
            if (c.sulfurPressure < 0)
                k.fail("sulfur_pressure",
                       "missing (required): the gauge whose rise over the valve-shut reading is the cracker's "
                       "pressure p_S (S [sccm] = 2.8e4 x p_S [Torr], the tool's NOMAD plugin)");
            c.sccmPerTorr = k.numberOr("sccm_per_torr", c.sccmPerTorr);
            if (!(c.sccmPerTorr > 0.0)) k.fail("sccm_per_torr", "must be > 0");
            if (k.has("zones")) {
                int zone = 0;
                for (const auto& z : k.sectionList("zones")) {
                    const std::string zp = p + "zone" + std::to_string(++zone) + ".";
                    if (numeric(z, "temperature", zp + "temperature", LogQuantity::Temperature) < 0)
                        z.fail("temperature", "missing (required): the zone's temperature column");
                    numeric(z, "enabled", zp + "enabled", LogQuantity::Flag);
                    numeric(z, "setpoint", zp + "setpoint", LogQuantity::Temperature);
                    z.rejectUnknownKeysHere();
                }
            }
            if (const auto ctl = k.optionalSection("control")) {
                const std::string cp = p + "control.";
                c.enabled = numeric(*ctl, "enabled", cp + "enabled", LogQuantity::Flag);
                for (const char* key : {"mode", "sensor_value", "setpoint", "setpoint_feedback", "valve_init_frequency",
                                        "valve_pulse_width", "valve_pulse_width_feedback", "valve_setpoint"})
                    numeric(*ctl, key, cp + key, LogQuantity::Number);
                ctl->rejectUnknownKeysHere();
            }
            k.rejectUnknownKeysHere();
            f_.crackers.push_back(c);
        }
    }

    void crystalMonitors(const ConfigSection& log) {
        if (!log.has("crystal_monitors")) return;
        for (const auto& m : log.sectionList("crystal_monitors")) {
            const std::string sensor = m.text("sensor");
            if (std::find(names_.sensors.begin(), names_.sensors.end(), sensor) == names_.sensors.end())
                m.fail("sensor",
                       "'" + sensor + "' is not a sensor of the tool file (sensors: " + joined(names_.sensors) + ")");
            const std::string p = "sensor." + sensor + ".";
            numeric(m, "rate", p + "rate", LogQuantity::Rate);
            numeric(m, "thickness", p + "thickness", LogQuantity::Thickness);
            numeric(m, "tooling", p + "tooling", LogQuantity::Fraction);
            numeric(m, "density", p + "density", LogQuantity::Density);
            numeric(m, "z_ratio", p + "z_ratio", LogQuantity::Number);
            numeric(m, "shutter", p + "shutter", LogQuantity::Flag);
            text(m, "active_material", p + "active_material");
            m.rejectUnknownKeysHere();
        }
    }

private:
    LogFormat& f_;
    const ToolNames& names_;
};

void readHeaderAndTime(const ConfigSection& log, LogFormat& f) {
    const ConfigSection h = log.section("header");
    if (h.has("preamble_lines")) {
        f.header.preambleLines = h.integerOr("preamble_lines", 0);
        if (f.header.preambleLines < 0) h.fail("preamble_lines", "must be >= 0");
    }
    f.header.findColumn = h.textOr("find_column", "");
    if (f.header.preambleLines < 0 && f.header.findColumn.empty())
        h.fail("preamble_lines", "give preamble_lines (lines before the header) or find_column (a header name)");
    f.header.searchLines = h.integerOr("search_lines", 200);
    h.rejectUnknownKeysHere();
    const std::string delimiter = log.textOr("delimiter", ",");
    if (delimiter.size() != 1 && delimiter != "\\t") log.fail("delimiter", "expected one character (or \\t)");
    f.delimiter = delimiter == "\\t" ? '\t' : delimiter[0];

    const ConfigSection t = log.section("timestamp");
    f.timestampColumn = t.text("column");
    const std::string format = t.text("format");
    if (format == "iso8601") {
        f.timestamp.kind = TimestampFormat::Kind::Iso8601;
    } else if (format == "epoch") {
        f.timestamp.kind = TimestampFormat::Kind::EpochSeconds;
    } else {
        f.timestamp.kind = TimestampFormat::Kind::Pattern;
        f.timestamp.pattern = format;
        if (const std::string bad = TimestampParser::checkPattern(format); !bad.empty())
            t.fail("format", bad + " (or use iso8601 / epoch)");
    }
    const std::string zone = t.textOr("time_zone", "UTC");
    const auto offset = parseUtcOffset(zone);
    if (!offset)
        t.fail("time_zone", "'" + zone + "' is not UTC or a fixed offset like +02:00 (named zones are not supported)");
    f.timestamp.utcOffsetSeconds = *offset;
    t.rejectUnknownKeysHere();
}

/// `equipment_states:` -> E10 rules (twin/equipment/E10Settings.hpp; docs/twin-status.md).
void readEquipmentStates(const ConfigSection& log, LogFormat& f) {
    const auto s = log.optionalSection("equipment_states");
    if (!s) return;
    E10Settings& e = f.equipment;
    e.pumpedBelowPa = s->quantityOr("pumped_below", Dimension::Pressure, e.pumpedBelowPa);
    if (!(e.pumpedBelowPa > 0.0)) s->fail("pumped_below", "must be > 0");
    e.arcDipFraction = s->numberOr("arc_dip", e.arcDipFraction);
    if (!(e.arcDipFraction > 0.0 && e.arcDipFraction < 1.0)) s->fail("arc_dip", "must be between 0 and 1");
    e.faultAfterS = s->quantityOr("fault_after", Dimension::Time, e.faultAfterS);
    if (!(e.faultAfterS >= 0.0)) s->fail("fault_after", "must be >= 0");
    auto stateOf = [](const ConfigSection& at, const std::string& key, const std::vector<E10State>& allowed) {
        const std::string name = at.text(key);
        const auto st = e10StateNamed(name);
        std::string names;
        for (E10State a : allowed) names += (names.empty() ? "" : ", ") + std::string(e10Name(a));
        if (!st || std::find(allowed.begin(), allowed.end(), *st) == allowed.end())
            at.fail(key, "'" + name + "' is not one of: " + names);
        return *st;
    };
    if (s->has("vented"))
        e.ventedState = stateOf(*s, "vented", std::vector<E10State>(kE10States.begin(), kE10States.end()));
    if (s->has("recipes")) {
        if (e.recipeKey.empty())
            s->fail("recipes", "map the recipe or phase column first (chamber: {recipe: {column: NAME}})");
        for (const auto& r : s->sectionList("recipes")) {
            E10RecipeRule rule;
            rule.pattern = r.text("match");
            rule.state = stateOf(r, "state", std::vector<E10State>(kE10States.begin(), kE10States.end()));
            r.rejectUnknownKeysHere();
            e.recipes.push_back(rule);
        }
    }
    if (s->has("calendar")) {
        TimestampFormat iso;
        iso.kind = TimestampFormat::Kind::Iso8601;
        iso.utcOffsetSeconds = f.timestamp.utcOffsetSeconds;  // a time without offset: the log's zone
        const TimestampParser parse(iso);
        for (const auto& w : s->sectionList("calendar")) {
            E10CalendarWindow win;
            const auto time = [&](const std::string& key) {
                const std::string text = w.text(key);
                const auto t = parse.parse(text);
                if (!t)
                    w.fail(key, "'" + text + "' is not an ISO 8601 time (2025-07-08T08:00:00, +02:00 or Z allowed)");
                return *t;
            };
            win.start = time("from");
            win.end = time("to");
            if (!(win.end > win.start)) w.fail("to", "must be after `from`");
            win.state = stateOf(w, "state", {E10State::ScheduledDown, E10State::Engineering, E10State::NonScheduled});
            win.note = w.textOr("note", "");
            w.rejectUnknownKeysHere();
            e.calendar.push_back(win);
        }
    }
    s->rejectUnknownKeysHere();
}

void readThresholds(const ConfigSection& log, StepThresholds& th) {
    if (const auto s = log.optionalSection("steps")) {
        th.sourceOnPowerW = s->quantityOr("source_on_power", Dimension::Power, th.sourceOnPowerW);
        th.rampSetpointChangeW = s->quantityOr("ramp_setpoint_change", Dimension::Power, th.rampSetpointChangeW);
        th.switchOn = s->numberOr("switch_on", th.switchOn);
        s->rejectUnknownKeysHere();
    }
    if (const auto g = log.optionalSection("gaps")) {
        th.gapFactor = g->numberOr("factor", th.gapFactor);
        if (th.gapFactor <= 1.0) g->fail("factor", "must be > 1 (a multiple of the median interval)");
        g->rejectUnknownKeysHere();
    }
}

}  // namespace

std::vector<LogFormat> readLogFormats(const ConfigSection& root, const ToolNames& names) {
    std::vector<LogFormat> out;
    for (const auto& log : root.sectionList("logs")) {
        LogFormat f;
        f.name = log.text("name");
        for (const auto& other : out)
            if (other.name == f.name) log.fail("name", "log format '" + f.name + "' is defined twice");
        readHeaderAndTime(log, f);
        readThresholds(log, f.thresholds);
        MappingReader m(f, names);
        m.chamber(log);
        m.gasFlows(log);
        m.supplies(log);
        m.sources(log);
        m.crystalMonitors(log);
        m.crackers(log);
        readEquipmentStates(log, f);
        log.rejectUnknownKeysHere();
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace magtwin
