// ConfigReader: strict reading of a YAML config into SI numbers, at the command-line
// edge (the physics core never sees YAML). Every error names the file, the line, the
// key path and what was expected, and is a UsageError (exit status 2):
//   cases/x.yaml:12: key 'cathodes[0].power': expected a power such as "12 kW", got "12"
// Quantities carry their unit in the value ("250 mm", "12 kW", "10 mm/s", "3 %").
// Unknown keys are errors, with the closest known key suggested.
#pragma once

#include "UsageError.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

/// Physical dimensions a quantity can have; each lists its accepted units. (Named apart
/// from the erosion branch's cli/config Dimension so both readers can link into one
/// program; the two readers should become one when the branches meet.)
enum class QuantityKind { Length, Power, Voltage, Time, Speed, Angle, Fraction, Energy, Pressure, Temperature, None };

class ConfigNode {
public:
    /// Parses `path`; a YAML syntax error becomes a UsageError with file and line.
    static ConfigNode load(const std::string& path);

    bool has(const std::string& key) const;
    /// Throws for any key not in `known` (suggesting the closest one).
    void allowOnly(std::initializer_list<const char*> known) const;

    ConfigNode child(const std::string& key) const;  ///< required mapping
    std::vector<ConfigNode> list(const std::string& key) const;  ///< required sequence of mappings

    double quantity(const std::string& key, QuantityKind d) const;
    double quantity(const std::string& key, QuantityKind d, double defaultSi) const;
    std::vector<double> quantities(const std::string& key, QuantityKind d) const;  ///< [a, b, ...]
    std::string text(const std::string& key) const;
    std::string text(const std::string& key, const std::string& fallback) const;
    /// One of `choices`, else an error listing them.
    std::string choice(const std::string& key, std::initializer_list<const char*> choices, const std::string& fallback) const;
    long integer(const std::string& key, long fallback, long minimum) const;

    /// An error at this node's (or its key's) line.
    [[noreturn]] void fail(const std::string& key, const std::string& expected) const;
    const std::string& path() const { return path_; }

private:
    ConfigNode(YAML::Node node, std::string file, std::string path) : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {}
    YAML::Node at(const std::string& key) const;
    std::string where(const YAML::Node& n) const;
    std::string keyPath(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

    YAML::Node node_;
    std::string file_;
    std::string path_;
};

/// "12 kW" -> 12000 (SI). Throws std::invalid_argument listing the accepted units.
double parseQuantity(const std::string& text, QuantityKind d);

}  // namespace magtwin
