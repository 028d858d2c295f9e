// The text of boundary/data/elements.csv, compiled in (see boundary/data/embed_csv.cmake).
#pragma once

namespace magtwin {
const char* builtinElementsCsv();
}
