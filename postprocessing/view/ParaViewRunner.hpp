// Runs a magtwin pvbatch view script (postprocessing/paraview/*.py) with ParaView's
// pvbatch under a virtual X server, and commits the PNG atomically.
//
// pvbatch is looked up as: $MAGTWIN_PVBATCH, else the wrapper scripts/install-paraview.sh
// writes into the build tree (build/paraview/pvbatch), else `pvbatch` on PATH (a system
// ParaView). Rendering needs an X server: a private Xvfb on a display number it locks
// (race-free against parallel runs) when Xvfb is on PATH, else $DISPLAY. The scripts folder is
// $MAGTWIN_PARAVIEW_SCRIPTS or the source tree's.
#pragma once

#include "postprocessing/view/ResultFolder.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct ViewRequest {
    std::string resultDir;
    std::string pngPath;
    ResultKind kind = ResultKind::Erosion;
    int width = 1600;                    ///< pixels
    int height = 900;                    ///< pixels
    std::vector<std::string> extraArgs;  ///< passed to the script after the standard ones
};

/// The pvbatch to run; throws std::runtime_error saying how to install one.
std::string findPvbatch();

/// Folder holding the view scripts.
std::string paraviewScriptsDir();

/// Renders `request` into request.pngPath (written under a temporary name, renamed when
/// pvbatch succeeded and the PNG exists). The script's report line goes to stdout.
/// Throws std::invalid_argument if the script rejects the folder (exit status 2: a field
/// or file is missing), std::runtime_error if pvbatch or the X server fails.
void renderResultView(const ViewRequest& request);

}  // namespace magtwin
