#include "postprocessing/reports/OperatingPointJson.hpp"

#include "boundary/util/Json.hpp"

namespace magtwin {

std::string operatingPointJson(const OperatingPoint& op) {
    const auto n = [](double v) { return jsonNumber(v); };
    return "{\"power_W\": " + n(op.powerW) + ", \"voltage_V\": " + n(op.voltageV) +
           ", \"discharge_current_A\": " + n(op.dischargeCurrentA) + ", \"gamma_se\": " + n(op.gammaSE) +
           ", \"ion_current_A\": " + n(op.ionCurrentA) + ", \"ions_per_s\": " + n(op.ionsPerSecond) +
           ", \"ion_energy_eV\": " + n(op.ionEnergyEv) + ", \"yield_atoms_per_ion\": " + n(op.yieldAtomsPerIon) +
           ", \"sputtered_atoms_per_s\": " + n(op.atomsPerSecond()) + ", \"gas\": " + jsonString(op.gas) +
           ", \"material\": " + jsonString(op.material) + ", \"yield_model\": " + jsonString(op.yieldModel) + "}";
}

}  // namespace magtwin
