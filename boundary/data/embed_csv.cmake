# Turns a data CSV (elements.csv, materials.csv ...) into a C++ source so the binary carries its
# own data tables. -DFUNCTION=name -DHEADER=path select the function and its declaring header
# (default: builtinElementsCsv in boundary/elements/BuiltinElementsCsv.hpp).
if(NOT DEFINED FUNCTION)
  set(FUNCTION builtinElementsCsv)
endif()
if(NOT DEFINED HEADER)
  set(HEADER boundary/elements/BuiltinElementsCsv.hpp)
endif()
get_filename_component(NAME ${INPUT} NAME)
file(READ ${INPUT} CONTENT)
file(WRITE ${OUTPUT}.tmp
"// Generated from boundary/data/${NAME}; do not edit.\n#include \"${HEADER}\"\nnamespace magtwin {\nconst char* ${FUNCTION}() {\n    return R\"magtwin_csv(${CONTENT})magtwin_csv\";\n}\n}  // namespace magtwin\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
