// YieldValidation: compares yield models with measured yields.
//
// Data: the experimental points compiled (and digitized) in Yamamura & Tawara (1996),
// one row per point: target, projectile, energy (eV), yield (atoms/ion). The metric per
// (projectile, model) is the median over all points of |ln(Y_model / Y_exp)|, which
// treats a factor-2 over- and under-estimate alike; points where a model gives 0
// (below its threshold) count as |ln| = +inf, i.e. as worst, which is what a median
// should do with a model that predicts no sputtering where sputtering was measured.
#pragma once

#include "boundary/elements/ElementTable.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct MeasuredYield {
    std::string target;
    std::string projectile;
    double energyEv;
    double yield;
};

/// Read measured points (columns target, projectile, energy, yield). Molecular ions and
/// rows whose elements are not in `elements` are skipped by the caller's filter below.
std::vector<MeasuredYield> readMeasuredYields(const std::string& path);

struct ValidationRow {
    std::string projectile;
    std::string model;
    std::size_t points = 0;
    std::size_t targets = 0;
    double medianAbsLog = 0.0;  ///< median |ln(Y_model/Y_exp)|
    double medianSigned = 0.0;  ///< median ln(Y_model/Y_exp): > 0 over-, < 0 under-estimate
};

struct ValidationOptions {
    std::vector<std::string> projectiles{"He", "Ne", "Ar", "Kr", "Xe"};
    std::vector<std::string> models{"sigmund1969", "chen1985", "yamamura1996"};
    double minEnergyEv = 100.0;
    double maxEnergyEv = 5000.0;
    /// Only targets with Yamamura-Tawara Table I parameters (the data set's targets).
    bool tableITargetsOnly = true;
};

std::vector<ValidationRow> validateYieldModels(const std::vector<MeasuredYield>& data, const ElementTable& elements,
                                               const ValidationOptions& options);

/// Per-target breakdown for one projectile: median |ln| for each model and target.
struct TargetValidationRow {
    std::string target;
    std::string model;
    std::size_t points = 0;
    double medianSigned = 0.0;
};
std::vector<TargetValidationRow> validateByTarget(const std::vector<MeasuredYield>& data, const ElementTable& elements,
                                                  const std::string& projectile, const ValidationOptions& options);

/// Path of the compiled data set under a shared validation folder.
std::string measuredYieldsFile(const std::string& validationDir);

}  // namespace magtwin
