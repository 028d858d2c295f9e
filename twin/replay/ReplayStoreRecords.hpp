// ReplayStoreRecords: what a replay leaves in the store (TwinState.hpp), as plain records
// (the store writes them in one transaction; replay never sees SQL):
//  - per (source, target ID) the erosion state at the last interval the target deposited
//    in: its life point, deepest erosion and removed volume, with the energy the target consumed in all
//    (the store's targets table; pre-sputter and ramps included);
//  - per interval the predicted monitor rate (uncalibrated, calibrated), the substrate map's
//    mean rate and uniformity, and the depositing sources with their life points;
//  - per interval with a reading the crystal monitor's mean displayed rate (A/s);
//  - the last substrate's thickness map (ReplayFilm) and, from the report, its findings with
//    their times: both replace the tool's earlier ones (schema 6).
#pragma once

#include "twin/replay/ReplayReport.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/TwinState.hpp"

#include <string>

namespace magtwin {

/// The run id of a replay of a store whose content digest is `storeDigest` with calibration
/// `calibrationVersion` (0: none): the same inputs give the same id.
std::string replayRunId(const std::string& storeDigest, std::int64_t calibrationVersion);

ReplayRunRecord replayRunRecord(const ReplayResult& replay, const std::vector<TargetRecord>& targets,
                                const std::string& runId, const std::string& monitorName);
/// The same with the report's findings (what `twin replay` stores).
ReplayRunRecord replayRunRecord(const ReplayReport& report, const std::vector<TargetRecord>& targets,
                                const std::string& runId, const std::string& monitorName);

}  // namespace magtwin
