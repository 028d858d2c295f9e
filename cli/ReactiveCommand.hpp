// `magtwin reactive TOOL --cathode NAME --flow "Ar=480 sccm" --flow "N2=720 sccm" [--power P]
// [--pressure P] [--json] [--gas N2 --flow-range FROM:TO:N --out DIR]`: the stable steady states
// of a metal target in a reactive gas under flow control (Berg's model, solvers/reactive), and
// the process curve. docs/reactive.md.
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

/// Registers the subcommand on `app`; the subcommand's callback runs it.
void addReactiveCommand(CLI::App& app);

}  // namespace magtwin
