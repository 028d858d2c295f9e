// `magtwin sensitivity TOOL [--substrate NAME] [--step-pct 10] [--method fast] [--markdown]`:
// how much each magnet-pack key moves U (solvers/deposition/MagnetPackSensitivity.hpp), each
// key changed by +- step % in every cathode that has it, the case run as `deposit` runs it.
// Prints a table (--markdown: the table of docs/first-tool-file.md, which a test keeps equal
// to this output). Writes no files.
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {
void addSensitivityCommand(CLI::App& app);
}
