// ResumeState: what a sync must remember to continue a file exactly where it stopped (row
// filter, step detector, last text values), as one text blob stored with the file state.
// Doubles are written as hex floats (%a), so a resumed sync computes bit-identical results.
#pragma once

#include "twin/logs/LogReader.hpp"
#include "twin/replay/StepDetector.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct ResumeState {
    RowFilterState filter;
    DetectorState detector;
    std::vector<std::string> lastTexts;  ///< per text channel (changes are stored as events)
    bool hasTexts = false;
};

std::string encodeResumeState(const ResumeState& s);
/// Throws std::runtime_error when the text is not a state this version wrote.
ResumeState decodeResumeState(const std::string& text);

}  // namespace magtwin
