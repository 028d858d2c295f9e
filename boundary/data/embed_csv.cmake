# Turns elements.csv into a C++ source so the binary carries its own data table.
file(READ ${INPUT} CONTENT)
file(WRITE ${OUTPUT}.tmp
"// Generated from boundary/data/elements.csv; do not edit.\n#include \"boundary/elements/BuiltinElementsCsv.hpp\"\nnamespace magtwin {\nconst char* builtinElementsCsv() {\n    return R\"magtwin_csv(${CONTENT})magtwin_csv\";\n}\n}  // namespace magtwin\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
