// `magtwin view RESULT_DIR [--png OUT.png]`: the standard picture of a result folder,
// rendered with ParaView (pvbatch) under Xvfb, without the user knowing ParaView.
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

/// Registers the subcommand on `app`; the subcommand's callback runs it.
void addViewCommand(CLI::App& app);

}  // namespace magtwin
