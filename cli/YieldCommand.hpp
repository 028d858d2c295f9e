// `magtwin yield`: sputtering yields from the command line (see README).
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

/// Registers the subcommand on `app`; the subcommand's callback runs it.
void addYieldCommand(CLI::App& app);

}  // namespace magtwin
