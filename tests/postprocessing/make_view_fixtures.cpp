// make_view_fixtures OUTDIR: writes the analytic result folders used by the ParaView
// tests (erosion-planar, erosion-rotary, compare/{planar,rotary}, deposition-glass,
// deposition-wafer) so they can be opened by hand or rendered with `magtwin view`.
#include "tests/postprocessing/ViewFixtures.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_view_fixtures OUTDIR\n";
        return 2;
    }
    using namespace magtwin::test;
    const std::string out = argv[1];
    try {
        writeErosionFolder(planarGrooveSeries(), 12.0, out + "/erosion-planar");
        writeErosionFolder(rotaryGrooveSeries(), 12.0, out + "/erosion-rotary");
        writeErosionFolder(planarGrooveSeries(), 12.0, out + "/compare/planar");
        writeErosionFolder(rotaryGrooveSeries(), 12.0, out + "/compare/rotary");
        writeDepositionFolder(glassThickness(), out + "/deposition-glass");
        writeDepositionFolder(waferThickness(), out + "/deposition-wafer");
    } catch (const std::exception& e) {
        std::cerr << "make_view_fixtures: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
