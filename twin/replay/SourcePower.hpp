// SourcePower: each source's delivered power and ion energy per logged row, from the
// stored channels and the log format's supply/switch mapping, by the rules of the step
// detector (StepDetector.hpp): RF P = forward - reflected, DC P = power (or V x I); a
// supply is on when enabled and P > sourceOnPowerW; a supply switched to two sources at
// once feeds neither. The ion energy per charge is the discharge voltage: the DC (or
// pulsed-DC) supply's voltage, or the RF supply's DC self-bias (the cathode's mean
// potential, which sets the mean ion energy at an RF target: Chapman, Glow Discharge
// Processes, Wiley 1980, ch. 5). NaN when the feeding supply logs no voltage.
#pragma once

#include "logs/LogFormat.hpp"
#include "replay/ReplaySeries.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct SourcePowerSeries {
    std::string cathode;
    std::vector<double> powerW;    ///< per row, 0 when off
    std::vector<double> voltageV;  ///< per row, |V| of the feeding supply; NaN when off or unknown
    std::vector<int> supply;       ///< per row, index into LogFormat::supplies feeding it, -1 when off
};

std::vector<SourcePowerSeries> sourcePowers(const LogFormat& format, const ReplaySeries& series);

}  // namespace magtwin
