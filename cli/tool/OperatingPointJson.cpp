#include "tool/OperatingPointJson.hpp"

#include "io/OutputFolder.hpp"

namespace magtwin {

std::string operatingPointJson(const OperatingPoint& op) {
    const auto n = [](double v) { return jsonNumber(v, 17); };
    // gas, material and yield model are element symbols and registry names (no escaping needed).
    return "{\"power_W\": " + n(op.powerW) + ", \"voltage_V\": " + n(op.voltageV) +
           ", \"discharge_current_A\": " + n(op.dischargeCurrentA) + ", \"gamma_se\": " + n(op.gammaSE) +
           ", \"ion_current_A\": " + n(op.ionCurrentA) + ", \"ions_per_s\": " + n(op.ionsPerSecond) +
           ", \"ion_energy_eV\": " + n(op.ionEnergyEv) + ", \"yield_atoms_per_ion\": " + n(op.yieldAtomsPerIon) +
           ", \"sputtered_atoms_per_s\": " + n(op.atomsPerSecond()) + ", \"gas\": \"" + op.gas +
           "\", \"material\": \"" + op.material + "\", \"yield_model\": \"" + op.yieldModel + "\"}";
}

}  // namespace magtwin
