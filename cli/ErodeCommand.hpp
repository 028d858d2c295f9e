// `magtwin erode CONFIG.yaml --out DIR [--json]`: target erosion over life (see README).
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

/// Registers the subcommand on `app`; the subcommand's callback runs it.
void addErodeCommand(CLI::App& app);

}  // namespace magtwin
