// CsvTable: a small, strict reader for comma/tab separated tables with a header row.
// Lines starting with '#' and blank lines are skipped; a UTF-8 BOM and CRLF endings
// are accepted (public data exports often have both). Every access error names the
// source, the 1-based line number and the column, so a bad data file is easy to fix.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

class CsvTable {
public:
    /// Parse `text`. The separator is ',' unless the header line contains a tab.
    static CsvTable parse(const std::string& text, const std::string& sourceName);
    static CsvTable readFile(const std::string& path);

    std::size_t rowCount() const { return rows_.size(); }
    const std::vector<std::string>& header() const { return header_; }
    bool hasColumn(const std::string& name) const;
    /// Throws naming the file and listing the columns present.
    void requireColumn(const std::string& name) const;

    const std::string& text(std::size_t row, const std::string& column) const;
    /// A number; throws naming file, line and column when blank or malformed.
    double number(std::size_t row, const std::string& column) const;
    /// Blank -> nullopt; malformed -> throws.
    std::optional<double> optionalNumber(std::size_t row, const std::string& column) const;
    /// "file:line, column 'x'" for messages.
    std::string where(std::size_t row, const std::string& column) const;
    int lineNumber(std::size_t row) const { return lines_.at(row); }

private:
    std::size_t columnIndex(const std::string& name) const;
    std::string source_;
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<int> lines_;
};

/// Strict number parse of the whole string (leading/trailing blanks allowed).
std::optional<double> parseNumber(const std::string& s);

}  // namespace magtwin
