#include "cli/tool/ToolSchema.hpp"

#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

using K = ToolKey::Kind;
constexpr auto L = Dimension::Length;

ToolKey sec(std::string s, std::string k, K kind, std::string def, std::string meaning) {
    return {std::move(s), std::move(k), kind, std::nullopt, {}, std::move(def), std::move(meaning)};
}
ToolKey qty(std::string s, std::string k, Dimension d, std::string def, std::string meaning) {
    return {std::move(s), std::move(k), K::Quantity, d, {}, std::move(def), std::move(meaning)};
}
ToolKey qlist(std::string s, std::string k, Dimension d, std::string def, std::string meaning) {
    return {std::move(s), std::move(k), K::QuantityList, d, {}, std::move(def), std::move(meaning)};
}
ToolKey pick(std::string s, std::string k, std::vector<std::string> c, std::string def, std::string meaning) {
    return {std::move(s), std::move(k), K::Choice, std::nullopt, std::move(c), std::move(def), std::move(meaning)};
}

/// A descriptive default "(...)" or "-": optional, computed by the reader.
bool computedDefault(const std::string& d) { return d == "-" || (!d.empty() && d.front() == '('); }

std::vector<ToolKey> buildSchema() {
    const std::string C = "cathodes[]", T = "cathodes[].target", M = "cathodes[].magnets",
                      R = "cathodes[].magnets.racetrack", P = "cathodes[].magnets.racetrack.profile",
                      MM = "cathodes[].magnets.motion", AT = "cathodes[].magnets.racetrack.along_track",
                      D = "cathodes[].discharge", S = "substrates[]";
    return {
        sec("", "tool", K::Section, "", "identity of the chamber"),
        sec("", "process", K::Section, "-", "process defaults of the chamber"),
        sec("", "cathodes", K::List, "", "the sputter sources (an `array:` item expands to NAME01..NAMENN)"),
        sec("", "substrates", K::List, "-", "substrates and their handling (needed by `deposit`)"),
        sec("", "sensors", K::List, "-", "crystal monitors"),
        sec("", "supplies", K::List, "-", "power supplies and the cathodes each can feed"),
        sec("", "erosion", K::Section, "-",
            "erosion engine settings of every path that erodes (`erode`, `deposit --life-kWh`/`--life-sweep`, "
            "`compare`, the twin)"),
        sec("", "deposition", K::Section, "-", "run settings of `magtwin deposit`"),
        sec("", "logs", K::List, "-",
            "tool-log formats: read by twin/logs (issue 11, loadToolFile's ToolLogsReader), not by this schema"),

        sec("tool", "name", K::Text, "", "identifier of the tool"),
        sec("tool", "description", K::Text, "-", "free text"),

        sec("process", "gas", K::Text, "Ar",
            "sputter gas, a noble gas: He Ne Ar Kr Xe (reactive gases: process.reactive); default of every discharge"),
        qty("process", "pressure", Dimension::Pressure, "0 Pa",
            "working pressure; 0 = collisionless transport in `deposit`"),
        qty("process", "temperature", Dimension::Temperature, "300 K", "gas temperature"),
        qty("process", "cycle_time", Dimension::Time, "-",
            "time from one substrate to the next (> 0): `deposit --life-sweep` gives the target life in substrates "
            "and days"),
        sec("process", "sticking", K::Section, "-",
            "sticking coefficients of the sputtered atoms on the chamber's surfaces other than the substrate "
            "(solvers/deposition/ChamberSticking.hpp); an atom that does not stick leaves diffusely at the gas "
            "temperature. Used by the gas Monte Carlo (`deposit --method mc`) and the OpenFOAM case (`foam-case`); "
            "the line-of-sight and fast gas models lose every atom that misses the substrate, so `deposit` refuses "
            "them below 1"),
        qty("process.sticking", "targets", Dimension::Fraction, "1",
            "on the target faces, [0, 1]; 1: a project assumption (metal atoms condense on their own metal near "
            "unity, Ohring, Materials Science of Thin Films, 2002, ch. 7)"),
        qty("process.sticking", "shields", Dimension::Fraction, "1",
            "on the shields: the plane of the target faces outside the targets, [0, 1]; 1 as for the targets"),
        qty("process.sticking", "walls", Dimension::Fraction, "1",
            "on the chamber walls: the sides and the floor beside the substrate, [0, 1]; 1 as for the targets"),
        sec("process", "reactive", K::Section, "-",
            "reactive sputtering chamber (Berg's model, `magtwin reactive`, docs/reactive.md)"),
        {"process.reactive",
         "pumping_speed_L_s",
         K::Number,
         std::nullopt,
         {},
         "(unless --pressure)",
         "pumping speed S for the reactive gas, litres per second (> 0); `magtwin reactive --pressure P` sets it "
         "instead from S = Q_total / P"},
        {"process.reactive",
         "target_area_cm2",
         K::Number,
         std::nullopt,
         {},
         "(the target face)",
         "A_t, the sputtered target area, cm^2 (> 0); default the face: planar-rect length x width, "
         "planar-circular pi r^2, rotary 2 pi R L"},
        {"process.reactive",
         "collector_area_cm2",
         K::Number,
         std::nullopt,
         {},
         "",
         "A_c, the area the film grows on (substrate and walls in view of the target), cm^2 (> 0)"},
        sec("process.reactive", "sticking_target", K::Number, "1",
            "alpha_t, sticking coefficient of the reactive gas on the bare target metal, (0, 1]; 1: the upper bound "
            "of Berg's model (Berg & Nyberg, Thin Solid Films 476 (2005) 215)"),
        sec("process.reactive", "sticking_collector", K::Number, "1",
            "alpha_c, sticking coefficient on the bare collector film, (0, 1]; 1 as for the target"),
        sec("process.reactive", "flow_scale", K::Number, "1",
            "true sccm per unit of the flows given to `magtwin reactive` and in `flows` (> 0): the unit and "
            "gas-correction factor of a log whose flow unit is not sccm; it scales the flows and the pumping speed "
            "from --pressure"),
        sec("process.reactive", "substrate_rate_factor", K::Number, "1",
            "the substrate's film rate over the model's mean over collector_area_cm2 (> 0): the throw geometry; "
            "multiplies `magtwin reactive`'s rate_nm_s"),
        {"process.reactive",
         "secondary_electron_yield_compound",
         K::Number,
         std::nullopt,
         {},
         "(Baragiola's estimate)",
         "gamma_c, ion-induced electron yield of the compound-covered target (> 0): at fixed power the voltage "
         "follows V = V_m gamma_m / gamma(theta_t) (Thornton 1978; Depla et al., J. Phys. D 40 (2007) 1957); "
         "default the estimate of boundary/racetrack/IonSupply.hpp for the compound"},
        sec("process.reactive", "implantation", K::Flag, "false",
            "implantation of reactive ions (RSD: Strijckmans & Depla, J. Phys. D 47 (2014) 235302): the ion "
            "current's reactive share p_R / (p_R + p_inert) nitrides/oxidises the target below its surface; with "
            "`flows` it needs a working gas among them (p_inert = k T Q_inert / S)"),
        sec("process.reactive", "redeposition_fraction", K::Number, "0",
            "f_rd in [0, 1): share of the sputtered metal and compound that returns to the target, spread uniformly "
            "over its face (RSD: Strijckmans & Depla, J. Phys. D 47 (2014) 235302); the collector gets 1 - f_rd. "
            "0: Berg's model (no measured value for a chamber: docs/reactive.md)"),
        sec("process.reactive", "flows", K::TextMap, "-",
            "the reactive supply of `erode` and `deposit`: gas flows with a unit (sccm, slm), e.g. {N2: 10 sccm} "
            "(one reactive gas: N2, O2; inert gases allowed); given: the target's state at this flow sets the "
            "erosion, the emission and the film (docs/reactive.md)"),
        pick("process.reactive", "approach", {"from_metal", "from_compound"}, "from_metal",
             "process history inside the hysteresis: from_metal = flow raised from a clean target (metal branch), "
             "from_compound = flow lowered from a poisoned target (compound branch)"),

        sec(C, "name", K::Text, "", "name of the cathode (of the array: members are NAME01, NAME02, ...)"),
        pick(C, "type", {"planar-rect", "planar-circular", "rotary"}, "", "cathode type"),
        sec(C, "array", K::Section, "-", "repeat the cathode along x, centred on `position`"),
        qlist(C, "position", L, "",
              "[x, y, z]: planar: centre of the sputtering face; rotary: centre of the tube axis"),
        qty(C, "length", L, "(planar-rect, rotary)", "target length along y (rotary: tube length)"),
        qty(C, "width", L, "(planar-rect)", "target width along x"),
        qty(C, "radius", L, "(planar-circular)", "target radius"),
        qty(C, "outer_radius", L, "(rotary)", "outer radius of the new target tube"),
        {C,
         "facing",
         K::NumberList,
         std::nullopt,
         {},
         "-",
         "planar: direction [x, y, z] the sputtering face looks into (normalised; default [0, 0, -1], straight "
         "down); the target turns about its face centre `position` by the smallest rotation from straight down. "
         "One of facing and tilt"},
        sec(C, "tilt", K::Section, "-",
            "planar: the target turned about a chamber axis through its face centre `position` (one of facing and "
            "tilt)"),
        qty(C, "life", Dimension::Energy, "-", "this cathode's own life point for `deposit` (overrides --life-kWh)"),
        sec(C, "target", K::Section, "", "target material and build"),
        sec(C, "magnets", K::Section, "", "magnet pack: racetrack and motion"),
        sec(C, "discharge", K::Section, "", "discharge defaults"),
        sec(C, "mesh", K::Section, "-", "emission elements of `deposit` (and default erosion grid)"),

        pick("cathodes[].tilt", "axis", {"x", "y"}, "",
             "chamber axis (through the face centre) the target turns about"),
        qty("cathodes[].tilt", "angle", Dimension::Angle, "",
            "right-handed turn about that axis; the face must still look down (|angle| < 90 deg) and stay above z = "
            "0"),
        {"cathodes[].array", "count", K::Integer, std::nullopt, {}, "", "number of cathodes (>= 1)"},
        qty("cathodes[].array", "pitch", L, "", "centre-to-centre distance along x"),

        sec(T, "material", K::Text, "(unless composition)",
            "an element symbol or a library material: ITO, IGZO, MoNb (Mo-Nb), AlNd, AlCu, AlSiCu, CuMn, MoTi, TiN, "
            "TaN, AZO, WTi (`magtwin yield --list`)"),
        sec(T, "composition", K::NumberMap, "-",
            "a composition of your own instead of `material`: element symbol -> fraction, e.g. {In: 0.37, Sn: 0.03, "
            "O: 0.6}; fractions sum to 1 (or 100)"),
        pick(T, "composition_basis", {"atomic", "weight"}, "atomic",
             "how `composition` fractions are meant: atomic (at.%) or weight (wt.%)"),
        qty(T, "density", Dimension::Density, "(with composition)",
            "bulk density of the target; with `material`, overrides the library's"),
        sec(T, "name", K::Text, "-", "name of a `composition` material (default: its formula)"),
        qty(T, "thickness", L, "", "target material thickness (rotary: wall of target material)"),
        sec(T, "backing", K::Text, "-", "backing plate or tube (description)"),
        qty(T, "magnet_distance", L, "0 mm", "new target face -> magnet poles; > thickness; 0 = no track narrowing"),
        sec(T, "groove_redeposition", K::Flag, "false",
            "erosion engine (`erode`, `deposit --life-kWh`, `compare`, the twin): atoms leaving a groove wall that hit "
            "the target again stick there (planar-rect, rotary)"),
        sec(T, "multiplier_map", K::Text, "-",
            "CSV x_mm,y_mm,multiplier (cathode frame): grain/texture yield map of the erosion engine (`erode`, used "
            "targets in `deposit`, `compare`, the twin)"),

        sec(M, "racetrack", K::Section, "", "racetrack of the magnet pack"),
        sec(M, "motion", K::Section, "-", "magnet motion"),
        qty(R, "straight_length", L, "(planar-rect, rotary)", "length of each straight track"),
        qty(R, "track_separation", L, "(planar-rect, rotary)",
            "centre to centre of the straights (rotary: arc length)"),
        qty(R, "ring_radius", L, "(planar-circular)", "centre-line radius of the ring track"),
        sec(R, "turnaround_enhancement", K::Number, "1", "flux at the turnaround apex / straight flux"),
        sec(R, "narrowing_exponent", K::Number, "1", "track width ~ (distance to the magnets)^p (TrackNarrowing)"),
        sec(R, "profile", K::Section, "", "cross-track flux profile"),
        sec(R, "along_track", K::Section, "-",
            "flux factor A(x) along the straights (planar-rect, rotary; AlongTrackProfile)"),
        pick(AT, "shape", {"uniform", "end-boost", "table"}, "uniform",
             "uniform: A = 1; end-boost: A = 1 + gain (1 + cos(pi d/length))/2 within `length` of each end (d from the "
             "end); "
             "table: `points` or `points_mm`, linear"),
        sec(AT, "gain", K::Number, "(end-boost)",
            "A - 1 at the ends of the straight (>= -1); the turnarounds take the end's factor"),
        qty(AT, "length", L, "(end-boost)",
            "distance from each end of the straight over which the boost applies (<= half the straight)"),
        {AT,
         "points",
         K::NumberPairs,
         std::nullopt,
         {},
         "(table)",
         "[[position / straight length, factor], ...] from the straight's end at -y (0..1)"},
        {AT,
         "points_mm",
         K::NumberPairs,
         std::nullopt,
         {},
         "(table)",
         "as `points` with the position in mm (0..straight length)"},
        sec(AT, "symmetric", K::Flag, "false",
            "table: positions from the nearer end (0..0.5, or half the straight in mm), mirrored"),
        pick(P, "shape", {"gaussian", "asymmetric-gaussian", "tabulated"}, "", "profile shape (TrackProfile)"),
        qty(P, "sigma", L, "(gaussian)", "Gaussian width"),
        qty(P, "sigma_inner", L, "(asymmetric-gaussian)", "width on the inner side"),
        qty(P, "sigma_outer", L, "(asymmetric-gaussian)", "width on the outer side"),
        sec(P, "file", K::Text, "(tabulated)", "CSV offset_mm,value (outward positive), beside the tool file"),
        pick(MM, "kind", {"none", "rotating", "wobble"}, "none",
             "rotating: magnet pack turning about a circular target's axis; wobble: bar swing (rotary) or travel "
             "(planar-rect)"),
        qty(MM, "offset", L, "(rotating)", "ring centre from the target axis"),
        {MM, "angle_samples", K::Integer, std::nullopt, {}, "256", "rotating: trapezoid nodes over a turn (>= 8)"},
        qty(MM, "amplitude", Dimension::Angle, "(wobble, rotary)",
            "swing amplitude of the magnet bar around the axis (deposit averages the emission over it; the erosion, a "
            "rotation average, is unchanged)"),
        qty(MM, "travel", L, "(wobble, planar-rect)",
            "travel amplitude of the magnet pack across the target width (erode and deposit time-average it)"),
        pick(MM, "waveform", {"sinusoidal", "triangular", "dwell"}, "sinusoidal",
             "wobble: position over a period (sinusoidal; triangular: constant speed; dwell: constant speed, stopped "
             "at the reversal points)"),
        qty(MM, "dwell_fraction", Dimension::Fraction, "(waveform dwell)",
            "wobble: fraction of a period stopped at the reversal points (half at each), [0, 1)"),
        {MM,
         "samples",
         K::Integer,
         std::nullopt,
         {},
         "16",
         "wobble: quadrature nodes of the time average (>= 1; Gauss-Chebyshev, triangular and dwell Gauss-Legendre)"},

        sec(D, "gas", K::Text, "(process.gas)", "sputter gas, a noble gas: He Ne Ar Kr Xe"),
        qty(D, "voltage", Dimension::Voltage, "", "cathode voltage"),
        qty(D, "power", Dimension::Power, "(one of power, current)", "discharge power per cathode (> 0)"),
        qty(D, "current", Dimension::Current, "(one of power, current)", "discharge current per cathode"),
        sec(D, "gamma_se", K::Number, "(Baragiola 1979, IonSupply)", "ion-induced secondary electron yield"),
        sec(D, "yield_model", K::Text, "auto", "sputter yield model (`magtwin yield --help`)"),

        qty("cathodes[].mesh", "pitch", L, "2 mm", "emission element pitch (rotary: axial)"),
        qty("cathodes[].mesh", "angular_pitch", Dimension::Angle, "3 deg",
            "rotary: angular pitch of the emission elements"),

        sec(S, "name", K::Text, "", "name of the substrate"),
        pick(S, "kind", {"glass", "wafer"}, "glass", "substrate kind"),
        qty(S, "size_x", L, "(glass)", "size along x"),
        qty(S, "size_y", L, "(glass)", "size along y"),
        qty(S, "diameter", L, "(wafer)", "wafer diameter"),
        qlist(S, "centre", L, "[0 mm, 0 mm]", "[x, y] of the substrate centre on z = 0"),
        qty(S, "pitch", L, "2 mm", "thickness-map resolution"),
        qty(S, "edge_exclusion", L, "", "band along the edge outside the uniformity area"),
        sec(S, "motion", K::Section, "-", "substrate handling"),
        sec(S, "spec", K::Section, "-", "uniformity specification"),
        sec(S, "film", K::Section, "-", "film"),
        pick("substrates[].motion", "kind", {"static", "scan", "rotation", "oscillation"}, "static",
             "static, in-line scan along x, wafer rotation, static deposition with the substrate oscillating along x"),
        qty("substrates[].motion", "time", Dimension::Time, "60 s", "exposure time (static, rotation, oscillation)"),
        qty("substrates[].motion", "angle", Dimension::Angle, "0 deg",
            "static: the platen angle the substrate rests at, a right-handed turn about the vertical axis through "
            "the substrate centre (the axis `rotation` spins about); the maps are in the substrate's own frame"),
        qty("substrates[].motion", "amplitude", L, "(oscillation)",
            "oscillation: half the peak-to-peak travel along x (the array pitch axis), >= 0"),
        qty("substrates[].motion", "period", Dimension::Time, "(oscillation)",
            "oscillation: period of one back-and-forth cycle"),
        pick("substrates[].motion", "waveform", {"sinusoidal", "triangular", "dwell"}, "sinusoidal",
             "oscillation: u = A sin(2 pi t / P); constant speed; or constant speed with stops at the reversal points"),
        qty("substrates[].motion", "dwell", Dimension::Fraction, "(waveform dwell)",
            "oscillation: fraction of a period stopped at the reversal points (half at each), [0, 1)"),
        qty("substrates[].motion", "speed", Dimension::Speed, "10 mm/s", "scan speed"),
        {"substrates[].motion", "passes", K::Integer, std::nullopt, {}, "1", "scan passes"},
        qty("substrates[].spec", "uniformity_target", Dimension::Fraction, "3 %", "U = (max-min)/(max+min) limit"),
        sec("substrates[].film", "material", K::Text, "(first cathode's target)",
            "film material: an element symbol, a library material (ITO, TiN ...) or `target` for the first "
            "cathode's target (a custom composition); its elements must come from the targets"),
        qty("substrates[].film", "density", Dimension::Density, "-",
            "film density (default: the material's film density, e.g. ITO 7.1 g/cm^3; elements: bulk)"),
        qty("substrates[].film", "sticking", Dimension::Fraction, "1", "sticking coefficient (0, 1]"),

        sec("sensors[]", "name", K::Text, "", "name of the sensor"),
        pick("sensors[]", "type", {"crystal-monitor"}, "crystal-monitor", "sensor type"),
        qlist("sensors[]", "position", L, "", "[x, y, z] of the crystal"),
        {"sensors[]",
         "facing",
         K::NumberList,
         std::nullopt,
         {},
         "[0, 0, 1]",
         "direction the crystal faces (normalised)"},
        sec("sensors[]", "tooling_factor", K::Number, "1", "film at the substrate / film at the crystal"),

        sec("supplies[]", "name", K::Text, "", "name of the supply"),
        pick("supplies[]", "kind", {"dc", "rf", "pulsed-dc"}, "dc", "supply kind"),
        sec("supplies[]", "feeds", K::TextList, "", "cathode names the supply can be switched to"),
        sec("supplies[]", "match_efficiency", K::Number, "0.7",
            "rf: share of the delivered (forward - reflected) power the matching network passes to the electrode, "
            "(0, 1]; 10-50 % is lost in typical networks (docs/rf.md)"),
        sec("supplies[]", "cable_efficiency", K::Number, "0.99",
            "rf: share the cable and feedthrough pass on, (0, 1]; a few metres of RG-213 at 13.56 MHz (docs/rf.md)"),
        sec("supplies[]", "electron_temperature_eV", K::Number, "3",
            "rf: T_e of the discharge, eV, [1, 10] (Lieberman & Lichtenberg's argon energy balance, docs/rf.md)"),
        qty("supplies[]", "plasma_potential", Dimension::Voltage, "(5.2 T_e)",
            "rf: time-averaged plasma potential V_p (ion energy e (V_dc + V_p)); default the wall value of docs/rf.md"),

        pick("erosion", "angular", {"yamamura1983", "none"}, "yamamura1983", "angular factor of the yield"),
        qty("erosion", "grid_spacing", L, "(cathode mesh.pitch)", "erosion grid spacing"),
        qty("erosion", "max_depth_increment", L, "0.1 mm", "largest depth change per step"),
        {"erosion", "angular_cells", K::Integer, std::nullopt, {}, "0", "rotary: angular cells (0 = automatic)"},
        qty("erosion", "min_remaining_thickness", L, "1 mm", "end of life"),
        qty("erosion", "limit", Dimension::Energy, "-", "stop at this life"),
        qlist("erosion", "outputs", Dimension::Energy, "-", "life points written"),
        {"erosion",
         "output_angular_cells",
         K::Integer,
         std::nullopt,
         {},
         "72",
         "rotary: cells of the written surfaces (>= 8)"},
        qty("erosion", "vtk_spacing", L, "(<= ~150k points per surface)", "VTK surface point spacing"),

        pick("deposition", "angular", {"cosine", "cosn", "yamamura1981"}, "cosine", "emission angular law"),
        sec("deposition", "cos_exponent", K::Number, "1", "cosn exponent"),
        sec("deposition", "optimise", K::Section, "-", "power-trim optimiser"),
        sec("deposition", "gas_model", K::Section, "-", "fast gas model parameters (GasAttenuationModel.hpp)"),
        sec("deposition", "monte_carlo", K::Section, "-", "--method mc settings"),
        sec("deposition.optimise", "power_trims", K::Flag, "false",
            "optimise per-cathode power trims for the lowest U"),
        sec("deposition.optimise", "min_trim", K::Number, "0.5", "smallest trim"),
        sec("deposition.optimise", "max_trim", K::Number, "1.5", "largest trim"),
        qlist("deposition.optimise", "wobble_amplitudes", Dimension::Angle, "-", "rotary wobble amplitudes to try"),
        {"deposition.optimise",
         "end_boost_gain",
         K::NumberList,
         std::nullopt,
         {},
         "-",
         "[min, max]: choose the along_track end-boost gain (cathodes with shape end-boost) for the lowest U after "
         "trims"},
        qlist("deposition.optimise", "end_boost_length", L, "-",
              "[min, max]: choose the end-boost length too (golden section)"),
        sec("deposition.gas_model", "sigma_eff_m2", K::Number, "6.31e-21",
            "effective cross-section (Mo in Ar calibration)"),
        sec("deposition.gas_model", "eta", K::Number, "0", "forward-scattered fraction (Mo in Ar calibration)"),
        sec("deposition.gas_model", "thermalisation_column_per_m2", K::Number, "2.51e17",
            "thermalisation column (Mo in Ar calibration)"),
        {"deposition.monte_carlo", "histories", K::Integer, std::nullopt, {}, "10000000", "histories (>= 1)"},
        {"deposition.monte_carlo", "seed", K::Integer, std::nullopt, {}, "12345", "random seed"},
    };
}

std::string kindText(const ToolKey& k) {
    switch (k.kind) {
        case K::Section:
            return "section";
        case K::List:
            return "list";
        case K::Text:
            return "text";
        case K::Choice: {
            std::string s;
            for (const auto& c : k.choices) s += (s.empty() ? "" : " \\| ") + c;
            return s;
        }
        case K::Number:
            return "number";
        case K::Integer:
            return "integer";
        case K::Flag:
            return "true \\| false";
        case K::Quantity:
            return dimensionName(*k.dimension);
        case K::QuantityList:
            return "list of " + dimensionName(*k.dimension);
        case K::NumberList:
            return "list of numbers";
        case K::NumberPairs:
            return "list of [number, number]";
        case K::TextList:
            return "list of names";
        case K::NumberMap:
            return "map of name: number";
        case K::TextMap:
            return "map of name: value";
    }
    return "";
}

std::string unitText(const ToolKey& k) {
    if (!k.dimension) return "";
    std::string s;
    for (const auto& u : unitsOf(*k.dimension)) s += (s.empty() ? "" : ", ") + u;
    return s;
}

}  // namespace

const std::vector<ToolKey>& toolSchema() {
    static const std::vector<ToolKey> schema = buildSchema();
    return schema;
}

const ToolKey& toolKey(const std::string& section, const std::string& key) {
    for (const auto& k : toolSchema())
        if (k.section == section && k.key == key) return k;
    throw std::logic_error("tool schema has no key '" + (section.empty() ? key : section + "." + key) + "'");
}

std::string toolSchemaMarkdown() {
    std::ostringstream o;
    o << "# Tool file reference\n\n"
         "<!-- Generated from cli/tool/ToolSchema.cpp by `magtwin tool schema --markdown`; "
         "tests/cli/tool_command_test.sh fails when this page and the schema differ. -->\n\n"
         "A tool file (`cases/tools/*.yaml`) describes one sputter chamber once; `magtwin erode TOOL --cathode NAME`,\n"
         "`magtwin deposit TOOL [--substrate NAME]`, `magtwin tool check|show TOOL` and the twin read it.\n"
         "New to tool files? Start with [your first tool file](first-tool-file.md): `magtwin tool init`, typical\n"
         "magnet-pack values with their sources, and which keys dominate U.\n\n"
         "**Chamber frame.** The substrate plane is z = 0, z up towards the cathodes; y runs along the long axis\n"
         "of the cathodes (planar-rect length, rotary tube axis), x across them (arrays repeat along x).\n"
         "Planar targets face down unless turned by `facing` or `tilt`. The erosion engine works in each cathode's own "
         "frame (u along the long axis);\n"
         "`magtwin erode` writes its VTK surfaces and cross-sections in the chamber frame (placed at the\n"
         "cathode's `position`, long axis along y, turned with a tilted target), so they line up with `deposit`'s "
         "substrate maps.\n\n"
         "**Units.** A quantity carries its unit in the value (`12 kW`, `3370 mm`) or in the key (`thickness_mm: "
         "16`).\n"
         "Default: empty = required; `(...)` = required for the kinds named, or computed as described; `-` = "
         "optional.\n"
         "Unknown keys, missing units and inconsistent geometry (overlapping cathodes, a cathode through the\n"
         "substrate plane, a racetrack off its target, a sensor inside a target, a supply feeding an unknown\n"
         "cathode, an array of count 0) stop with file:line: key and exit status 2.\n";
    std::string current = "\x01";
    for (const auto& k : toolSchema()) {
        if (k.section != current) {
            current = k.section;
            o << "\n## " << (current.empty() ? "top level" : "`" + current + "`") << "\n\n"
              << "| key | type | units | default | meaning |\n|---|---|---|---|---|\n";
        }
        o << "| `" << k.key << "` | " << kindText(k) << " | " << unitText(k) << " | "
          << (k.defaultValue.empty()  ? "required"
              : k.defaultValue == "-" ? "-"
                                      : "`" + k.defaultValue + "`")
          << " | " << k.meaning << " |\n";
    }
    return o.str();
}

// ---------------------------------------------------------------------------------------

const ToolKey& SchemaSection::spec(const std::string& key, ToolKey::Kind kind) const {
    const ToolKey& k = toolKey(schema_, key);
    if (k.kind != kind) throw std::logic_error("tool schema: key '" + schema_ + "." + key + "' read as another kind");
    return k;
}

bool SchemaSection::has(const std::string& key) const {
    const ToolKey& k = toolKey(schema_, key);
    if (k.kind == K::Quantity) return raw_.optionalQuantity(key, *k.dimension).has_value();
    return raw_.has(key);
}

std::optional<SchemaSection> SchemaSection::section(const std::string& key) const {
    const ToolKey& k = spec(key, K::Section);
    const std::string path = schema_.empty() ? key : schema_ + "." + key;
    if (k.defaultValue.empty()) return SchemaSection(raw_.section(key), path);
    const auto s = raw_.optionalSection(key);
    if (!s) return std::nullopt;
    return SchemaSection(*s, path);
}

std::vector<SchemaSection> SchemaSection::list(const std::string& key) const {
    const ToolKey& k = spec(key, K::List);
    std::vector<SchemaSection> out;
    if (!k.defaultValue.empty() && !raw_.has(key)) return out;
    const std::string path = (schema_.empty() ? key : schema_ + "." + key) + "[]";
    for (auto& s : raw_.sectionList(key)) out.emplace_back(s, path);
    return out;
}

std::string SchemaSection::text(const std::string& key) const {
    const ToolKey& k = toolKey(schema_, key);
    if (k.kind == K::Choice) {
        const bool optional = !k.defaultValue.empty();
        return raw_.choice(key, k.choices, optional ? k.defaultValue : "");
    }
    spec(key, K::Text);
    if (k.defaultValue.empty()) return raw_.text(key);
    return raw_.textOr(key, computedDefault(k.defaultValue) ? "" : k.defaultValue);
}

double SchemaSection::number(const std::string& key) const {
    const ToolKey& k = spec(key, K::Number);
    if (k.defaultValue.empty()) return raw_.number(key);
    if (computedDefault(k.defaultValue) && !raw_.has(key))
        throw std::logic_error("tool schema: " + key + " has no value");
    return raw_.numberOr(key, computedDefault(k.defaultValue) ? 0.0 : std::stod(k.defaultValue));
}

int SchemaSection::integer(const std::string& key, int minimum) const {
    const ToolKey& k = spec(key, K::Integer);
    if (k.defaultValue.empty() && !raw_.has(key)) raw_.text(key);  // "missing (required)"
    const int v = raw_.integerOr(key, k.defaultValue.empty() ? 0 : std::stoi(k.defaultValue));
    if (v < minimum) raw_.fail(key, "expected an integer >= " + std::to_string(minimum) + ", got " + std::to_string(v));
    return v;
}

bool SchemaSection::flag(const std::string& key) const {
    const ToolKey& k = spec(key, K::Flag);
    return raw_.choice(key, {"true", "false"}, k.defaultValue) == "true";
}

std::optional<double> SchemaSection::optionalQuantity(const std::string& key) const {
    const ToolKey& k = spec(key, K::Quantity);
    return raw_.optionalQuantity(key, *k.dimension);
}

double SchemaSection::quantity(const std::string& key) const {
    const ToolKey& k = spec(key, K::Quantity);
    if (k.defaultValue.empty() || computedDefault(k.defaultValue)) return raw_.quantity(key, *k.dimension);
    const auto parsed = splitQuantity(k.defaultValue);
    const double fallback = parsed->value * (parsed->unit.empty() ? 1.0 : *unitFactor(*k.dimension, parsed->unit));
    return raw_.quantityOr(key, *k.dimension, fallback);
}

std::vector<double> SchemaSection::quantityList(const std::string& key) const {
    const ToolKey& k = spec(key, K::QuantityList);
    if (k.defaultValue.empty() && !raw_.has(key)) raw_.quantity(key, *k.dimension);  // "missing (required)"
    if (!raw_.has(key) && k.defaultValue.size() > 2 && k.defaultValue.front() == '[') {
        std::vector<double> out;
        std::stringstream items(k.defaultValue.substr(1, k.defaultValue.size() - 2));
        for (std::string item; std::getline(items, item, ',');) {
            const auto q = splitQuantity(item.substr(item.find_first_not_of(' ')));
            out.push_back(q->value * *unitFactor(*k.dimension, q->unit));
        }
        return out;
    }
    return raw_.quantityList(key, *k.dimension);
}

std::vector<double> SchemaSection::numberList(const std::string& key) const {
    const ToolKey& k = spec(key, K::NumberList);
    if (!raw_.has(key) && k.defaultValue.size() > 2 && k.defaultValue.front() == '[') {
        std::vector<double> out;
        std::stringstream items(k.defaultValue.substr(1, k.defaultValue.size() - 2));
        for (std::string item; std::getline(items, item, ',');) out.push_back(std::stod(item));
        return out;
    }
    return raw_.numberList(key);
}

std::vector<std::pair<double, double>> SchemaSection::numberPairs(const std::string& key) const {
    (void)spec(key, K::NumberPairs);
    return raw_.numberPairs(key);
}

std::vector<NamedNumber> SchemaSection::numberMap(const std::string& key) const {
    (void)spec(key, K::NumberMap);
    return raw_.numberMap(key);
}

std::vector<NamedText> SchemaSection::textMap(const std::string& key) const {
    (void)spec(key, K::TextMap);
    return raw_.textMap(key);
}

std::vector<std::string> SchemaSection::textList(const std::string& key) const {
    const ToolKey& k = spec(key, K::TextList);
    if (k.defaultValue.empty() && !raw_.has(key)) raw_.text(key);  // "missing (required)"
    return raw_.textList(key);
}

}  // namespace magtwin
