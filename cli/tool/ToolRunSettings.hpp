// ToolRunSettings: the `erosion:` and `deposition:` run-settings sections of a tool file
// (ToolSchema), and the small reading helpers the tool-file readers share.
#pragma once

#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolSchema.hpp"

namespace magtwin {

/// quantity(key) that must be > 0.
inline double positive(const SchemaSection& s, const std::string& key) {
    const double v = s.quantity(key);
    if (!(v > 0)) s.fail(key, "must be > 0");
    return v;
}

/// `erosion:` of `top` (absent: the defaults of ToolErosionSettings).
void readErosionSettings(const SchemaSection& top, ToolErosionSettings& e);
/// `deposition:` of `top`; the gas-model and Monte Carlo defaults come from the schema.
void readDepositionSettings(const SchemaSection& top, ToolDepositionSettings& d);

}  // namespace magtwin
