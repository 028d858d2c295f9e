// The texts of boundary/data/materials.csv and constituents.csv, compiled in
// (see boundary/data/embed_csv.cmake).
#pragma once

namespace magtwin {
const char* builtinMaterialsCsv();
const char* builtinConstituentsCsv();
}  // namespace magtwin
