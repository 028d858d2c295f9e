#include "boundary/util/Csv.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {
std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == sep && !quoted) {
            out.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(trim(cur));
    return out;
}
}  // namespace

std::optional<double> parseNumber(const std::string& s) {
    const std::string t = trim(s);
    if (t.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
    return v;
}

CsvTable CsvTable::parse(const std::string& textIn, const std::string& sourceName) {
    CsvTable t;
    t.source_ = sourceName;
    std::string text = textIn;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
        static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
        text.erase(0, 3);
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    char sep = ',';
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string stripped = trim(line);
        if (stripped.empty() || stripped[0] == '#') continue;
        if (t.header_.empty()) {
            if (line.find('\t') != std::string::npos) sep = '\t';
            t.header_ = split(line, sep);
            continue;
        }
        auto cells = split(line, sep);
        if (cells.size() != t.header_.size())
            throw std::invalid_argument(sourceName + ":" + std::to_string(lineNo) + ": expected " +
                                        std::to_string(t.header_.size()) + " columns, found " +
                                        std::to_string(cells.size()));
        t.rows_.push_back(std::move(cells));
        t.lines_.push_back(lineNo);
    }
    if (t.header_.empty()) throw std::invalid_argument(sourceName + ": no header row");
    return t;
}

CsvTable CsvTable::readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument("cannot open '" + path + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path);
}

bool CsvTable::hasColumn(const std::string& name) const {
    for (const auto& h : header_)
        if (h == name) return true;
    return false;
}

void CsvTable::requireColumn(const std::string& name) const { (void)columnIndex(name); }

std::size_t CsvTable::columnIndex(const std::string& name) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name) return i;
    std::string cols;
    for (const auto& h : header_) cols += (cols.empty() ? "" : ", ") + h;
    throw std::invalid_argument(source_ + ": missing column '" + name + "' (columns: " + cols + ")");
}

std::string CsvTable::where(std::size_t row, const std::string& column) const {
    return source_ + ":" + std::to_string(lines_.at(row)) + ", column '" + column + "'";
}

const std::string& CsvTable::text(std::size_t row, const std::string& column) const {
    return rows_.at(row).at(columnIndex(column));
}

std::optional<double> CsvTable::optionalNumber(std::size_t row, const std::string& column) const {
    const std::string& cell = text(row, column);
    if (trim(cell).empty()) return std::nullopt;
    auto v = parseNumber(cell);
    if (!v) throw std::invalid_argument(where(row, column) + ": expected a number, got '" + cell + "'");
    return v;
}

double CsvTable::number(std::size_t row, const std::string& column) const {
    auto v = optionalNumber(row, column);
    if (!v) throw std::invalid_argument(where(row, column) + ": expected a number, found a blank cell");
    return *v;
}

}  // namespace magtwin
