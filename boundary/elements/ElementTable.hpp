// ElementTable: lookup of Element data by symbol.
//
// builtin() parses the project's elements.csv, compiled into the binary so the
// program needs no data path at run time. fromCsv() reads another file of the same
// format (e.g. a site's own table); parse errors name the source, line and column.
#pragma once

#include "boundary/elements/Element.hpp"

#include <string>
#include <vector>

namespace magtwin {

class ElementTable {
public:
    /// The table shipped with magtwin (boundary/data/elements.csv).
    static const ElementTable& builtin();
    /// Parse CSV text; `sourceName` is used in error messages.
    static ElementTable fromCsvText(const std::string& text, const std::string& sourceName);
    static ElementTable fromCsvFile(const std::string& path);

    /// Throws std::invalid_argument listing the known symbols when absent.
    const Element& get(const std::string& symbol) const;
    const Element* find(const std::string& symbol) const;
    const std::vector<Element>& all() const { return elements_; }
    /// Symbols of elements that can be targets (they have U_s and density).
    std::vector<std::string> targetSymbols() const;
    std::vector<std::string> symbols() const;

private:
    std::vector<Element> elements_;
};

}  // namespace magtwin
