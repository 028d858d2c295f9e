#include "solvers/chamber/CathodeSpec.hpp"

namespace magtwin {

double dischargePowerW(const DischargeSpec& d) {
    if (d.powerW) return *d.powerW;
    return d.currentA ? d.voltageV * *d.currentA : 0.0;
}

}  // namespace magtwin
