// ConfigReader: reads a YAML config (yaml-cpp) into plain values, once, at the edge.
// Reusable by every command that takes a YAML file (erode, deposit, ...):
//  - every error names the file, the line and the full key ("racetrack.profile.sigma")
//    and says what was expected; it is a ConfigError (a UsageError: exit status 2);
//  - quantities carry units, either in the value ("16 mm", "12 kW") or in the key
//    ("thickness_mm: 16"), and come back in SI; a bare number where a unit is needed is an
//    error ("missing unit");
//  - keys the reader never asked for are errors with a "did you mean" suggestion
//    (call rejectUnknownKeys() on the root after reading everything).
#pragma once

#include "cli/UsageError.hpp"
#include "cli/config/Units.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace YAML {
class Node;
}

namespace magtwin {

struct ConfigError : UsageError {
    explicit ConfigError(const std::string& what) : UsageError(what) {}
};

/// Closest candidate by edit distance, or "" when none is close (distance > max(2, len/3)).
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

/// One entry of a map of plain names to plain numbers (numberMap), with its line.
struct NamedNumber {
    std::string name;
    double value = 0.0;
    int line = 0;
};

/// One entry of a map of plain names to text values (textMap), with its line.
struct NamedText {
    std::string name;
    std::string text;
    int line = 0;
};

class ConfigSection {
public:
    /// Throws ConfigError naming the file (and line for YAML syntax errors).
    static ConfigSection loadFile(const std::string& path);
    static ConfigSection parse(const std::string& text, const std::string& sourceName);
    ~ConfigSection();
    ConfigSection(const ConfigSection&);
    ConfigSection& operator=(const ConfigSection&);

    const std::string& file() const;
    /// Full key path of this section ("" for the root).
    const std::string& path() const { return path_; }
    int line() const;  ///< 1-based line of this section

    /// True when `key` (or, for quantities, a unit-suffixed form) is present. Marks `key`
    /// as a valid key of this section.
    bool has(const std::string& key) const;
    ConfigSection section(const std::string& key) const;
    std::optional<ConfigSection> optionalSection(const std::string& key) const;
    /// A required, non-empty list of sections ("- key: value" items); item i has the
    /// path "key[i]" in messages.
    std::vector<ConfigSection> sectionList(const std::string& key) const;

    std::string text(const std::string& key) const;
    std::string textOr(const std::string& key, const std::string& fallback) const;
    /// `text(key)` that must be one of `choices` (the error lists them).
    std::string choice(const std::string& key, const std::vector<std::string>& choices,
                       const std::string& fallback = "") const;
    double number(const std::string& key) const;
    double numberOr(const std::string& key, double fallback) const;
    int integerOr(const std::string& key, int fallback) const;

    /// SI value of a quantity (see the header comment).
    double quantity(const std::string& key, Dimension d) const;
    std::optional<double> optionalQuantity(const std::string& key, Dimension d) const;
    double quantityOr(const std::string& key, Dimension d, double fallback) const;
    /// quantity() that must be > 0 (or >= 0 with allowZero).
    double positiveQuantity(const std::string& key, Dimension d, bool allowZero = false) const;
    /// A list of quantities: ["1000 kWh", "2 MWh"] or key_kWh: [1000, 2000].
    std::vector<double> quantityList(const std::string& key, Dimension d) const;
    /// A list of plain numbers [0.9, 1.1]; empty when the key is absent.
    std::vector<double> numberList(const std::string& key) const;
    /// A list of number pairs [[0, 1.2], [0.1, 1.0]]; empty when the key is absent.
    std::vector<std::pair<double, double>> numberPairs(const std::string& key) const;
    /// A list of texts [tube01, tube02]; empty when the key is absent.
    std::vector<std::string> textList(const std::string& key) const;
    /// A map of names to plain numbers {In: 0.37, Sn: 0.03}, in file order; empty when the
    /// key is absent. Its entries' names are free (not checked as keys).
    std::vector<NamedNumber> numberMap(const std::string& key) const;
    /// A map of names to scalar texts {N2: 10 sccm}, in file order; empty when absent.
    std::vector<NamedText> textMap(const std::string& key) const;
    /// "FILE:LINE: key 'a.b.entry': <what>" for one entry of a numberMap.
    [[noreturn]] void failEntry(const std::string& key, const NamedNumber& entry, const std::string& what) const;

    /// "FILE:LINE: key 'a.b': <what>" as a ConfigError; the line is the key's value line.
    [[noreturn]] void fail(const std::string& key, const std::string& what) const;
    /// Every key of every section read so far that no reader asked for -> ConfigError.
    void rejectUnknownKeys() const;
    /// rejectUnknownKeys() for this section's own keys only (sub-sections not included),
    /// so a reader can report a misspelt key before checks that combine several keys.
    void rejectUnknownKeysHere() const;

private:
    struct Shared;
    struct Known;
    ConfigSection(std::shared_ptr<Shared> shared, std::unique_ptr<YAML::Node> node, std::string path);
    std::string keyPath(const std::string& key) const;
    int lineOf(const std::string& key) const;
    /// The present spelling of a quantity key: key itself or key_<unit>; "" when absent.
    std::string presentQuantityKey(const std::string& key, Dimension d) const;
    YAML::Node child(const std::string& key) const;
    void rejectUnknownKeysOf(const YAML::Node& node, const std::string& path, const Known& known) const;
    [[noreturn]] void failMissing(const std::string& key, const std::string& what) const;

    std::shared_ptr<Shared> shared_;
    std::unique_ptr<YAML::Node> node_;
    std::string path_;
    std::shared_ptr<Known> known_;
};

}  // namespace magtwin
