// ReactiveSupply: the log's reactive supply per row, per reactive gas, in sccm, from what the
// tool logged (no physics here; the target's response is TargetStateDynamics, through
// ReactiveTargetState.hpp):
//  - mass-flow controllers: the `gas_flows[]` channel "gas.G.flow" of every gas G the
//    reactive model has data for (reactiveGases(), solvers/reactive/ReactiveProcess.hpp),
//    stored in SI (standard m^3/s) and read back as sccm (1 sccm = 1e-6/60 m^3/s); a reading
//    at or below 1 sccm is the controller's zero offset and counts as 0 (the DTU plugin's
//    MFC_FLOW_THRESHOLD; the DTU log's shut O2 MFC reads 0.12 sccm);
//  - crackers (`crackers[]`, twin/logs/LogFormat.hpp): while the valve is open (valve >
//    open_above, and the control enabled where mapped) the flow is the tool's own conversion
//    S [sccm] = sccm_per_torr x p_S [Torr] (2.8e4, the DTU NOMAD plugin's sputter_log_reader.py),
//    where p_S is the rise of the mapped gauge over its valve-shut baseline (the median of
//    its last 60 readings with the valve shut, so one noisy reading does not set it); a rise
//    of at most one least step of the gauge's readings is quantisation and counts as 0.
//    The plugin reads p_S with the cracker open and no MFC gas flowing; the rise over the
//    shut-valve reading is the same quantity while the other gases hold their flows, and it
//    can be read in every window. Before the first shut-valve reading the rise is unknown:
//    the flow is 0 and a note says so.
// Gauge resolution: `resolutionSccm` is the flow of one least step of the gauge's readings
// (the most frequent change between consecutive readings x the conversion), the
// floor below which a cracker flow cannot be told from 0 (the DTU log's Wide Range Gauge:
// 1e-4 Torr, 2.8 sccm).
#pragma once

#include "twin/logs/LogFormat.hpp"

#include <map>
#include <string>
#include <vector>

namespace magtwin {

class ReplaySeries;

struct ReactiveSupplySeries {
    std::map<std::string, std::vector<double>> sccm;       ///< per gas, per row (0 when not supplied)
    std::map<std::string, std::vector<char>> crackerOpen;  ///< per cracker name, per row
    std::map<std::string, double> resolutionSccm;          ///< per cracker: one gauge step as flow
    std::vector<std::string> notes;
};

/// 1 Torr in Pa (101325 / 760, exact by definition).
inline constexpr double kPaPerTorr = 101325.0 / 760.0;

ReactiveSupplySeries reactiveSupply(const LogFormat& format, const ReplaySeries& series);

}  // namespace magtwin
