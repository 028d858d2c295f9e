// MaterialLibrary: target materials by the names users write. Every element of the element
// table that can be a target is a material of its own (its density from the element table);
// compounds and alloys as sold (ITO, IGZO, MoNb, AlNd, AlCu, AlSiCu, TiN, TaN ...) come from
// boundary/data/materials.csv, compiled into the binary, whose header cites every number.
// A user's own composition (a tool file's `target: {composition: .., density: ..}`) is made
// by customMaterial.
#pragma once

#include "boundary/materials/Material.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace magtwin {

class MaterialLibrary {
public:
    /// The library shipped with magtwin.
    static const MaterialLibrary& builtin();
    /// Parse a table of materials.csv's format; errors name `sourceName`, line and column.
    static MaterialLibrary fromCsvText(const std::string& text, const std::string& sourceName);

    /// The material `name` names (an element symbol, a library name or one of its aliases,
    /// e.g. "ITO", "MoNb", "Mo-Nb"); exact match first, then one ignoring case, '-', '_' and
    /// blanks; nullopt when unknown.
    std::optional<Material> find(const std::string& name) const;
    /// As find; throws std::invalid_argument "'X' is not a known target material (did you
    /// mean 'Y'?); known: ..." when unknown.
    Material get(const std::string& name) const;
    /// Every name get() accepts (element symbols first, then the library's names).
    std::vector<std::string> names() const;

    /// Library entries beyond the elements (for `magtwin yield --list` and the docs).
    const std::vector<Material>& compounds() const { return compounds_; }

    std::vector<Material> compounds_;
    std::vector<std::pair<std::string, std::size_t>> aliases_;  ///< alias -> index into compounds_
};

/// How a user's fractions are meant: by atoms (at.%) or by weight (wt.%).
enum class FractionBasis { Atom, Weight };

/// A composition of the user's own: fractions (in any scale, checked to sum to 1 or 100
/// within 1e-3 relative) per element symbol, converted to atom fractions; bulk density
/// (required, g/cm^3) and optional film density. Throws std::invalid_argument naming the
/// sum and the convention, an unknown element or a missing density.
Material customMaterial(const std::vector<std::pair<std::string, double>>& fractions, FractionBasis basis,
                        double densityGPerCm3, std::optional<double> filmDensityGPerCm3 = std::nullopt);

}  // namespace magtwin
