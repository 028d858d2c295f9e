// ToolSchema: every key of a tool file in one table (section, key, kind, unit, default,
// meaning). It drives the reader (SchemaSection looks every key up here: defaults come
// from the table, a key missing from the table is a programming error) and the reference
// page docs/tool-file.md (toolSchemaMarkdown; a test compares the page with it).
#pragma once

#include "cli/config/ConfigReader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct ToolKey {
    enum class Kind {
        Section,
        List,
        Text,
        Choice,
        Number,
        Integer,
        Flag,
        Quantity,
        QuantityList,
        NumberList,
        NumberPairs,
        TextList,
        NumberMap,
        TextMap
    };
    std::string section;  ///< "" top level, "cathodes[]", "cathodes[].target", ...
    std::string key;
    Kind kind = Kind::Text;
    std::optional<Dimension> dimension;  ///< Quantity, QuantityList
    std::vector<std::string> choices;    ///< Choice
    std::string defaultValue;            ///< "" = required; "-" = optional without a default; else the default
    std::string meaning;
};

const std::vector<ToolKey>& toolSchema();
/// The entry for section.key; throws std::logic_error when the schema lacks it.
const ToolKey& toolKey(const std::string& section, const std::string& key);
/// docs/tool-file.md: intro, then one table per section.
std::string toolSchemaMarkdown();

/// A ConfigSection read through the schema: defaults and choices come from toolSchema().
class SchemaSection {
public:
    SchemaSection(ConfigSection raw, std::string schemaPath) : raw_(std::move(raw)), schema_(std::move(schemaPath)) {}
    const ConfigSection& raw() const { return raw_; }
    const std::string& schemaPath() const { return schema_; }

    bool has(const std::string& key) const;
    std::optional<SchemaSection> section(const std::string& key) const;  ///< nullopt when optional and absent
    std::vector<SchemaSection> list(const std::string& key) const;       ///< empty when optional and absent
    std::string text(const std::string& key) const;                      ///< the default when absent
    double number(const std::string& key) const;
    /// The schema's default when absent; fails naming the key below `minimum` (not a default).
    int integer(const std::string& key, int minimum) const;
    bool flag(const std::string& key) const;
    /// SI value; the default (if any) when absent; required keys fail when absent.
    double quantity(const std::string& key) const;
    std::optional<double> optionalQuantity(const std::string& key) const;
    std::vector<double> quantityList(const std::string& key) const;
    std::vector<double> numberList(const std::string& key) const;
    std::vector<std::string> textList(const std::string& key) const;
    std::vector<NamedNumber> numberMap(const std::string& key) const;  ///< empty when absent
    std::vector<NamedText> textMap(const std::string& key) const;      ///< empty when absent
    [[noreturn]] void failEntry(const std::string& key, const NamedNumber& e, const std::string& what) const {
        raw_.failEntry(key, e, what);
    }
    std::vector<std::pair<double, double>> numberPairs(const std::string& key) const;  ///< empty when absent
    [[noreturn]] void fail(const std::string& key, const std::string& what) const { raw_.fail(key, what); }

private:
    const ToolKey& spec(const std::string& key, ToolKey::Kind kind) const;
    ConfigSection raw_;
    std::string schema_;
};

}  // namespace magtwin
