#include "twin/store/CalibrationRecord.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace magtwin {

std::string encodeCalibrationParameters(const std::vector<CalibrationParameter>& params) {
    std::string out;
    char buf[64];
    for (const auto& p : params) {
        if (p.source.find_first_of("\t\n") != std::string::npos ||
            p.targetId.find_first_of("\t\n") != std::string::npos)
            throw std::invalid_argument("calibration: a source or target name holds a tab or newline");
        out += p.source + "\t" + p.targetId;
        std::snprintf(buf, sizeof buf, "\t%.17g", p.scale);
        out += buf;
        std::snprintf(buf, sizeof buf, "\t%.17g\n", p.sigma);
        out += buf;
    }
    return out;
}

std::vector<CalibrationParameter> decodeCalibrationParameters(const std::string& text) {
    std::vector<CalibrationParameter> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
        if (a == std::string::npos || b == std::string::npos || c == std::string::npos)
            throw std::runtime_error("store: malformed calibration parameter line '" + line + "'");
        CalibrationParameter p;
        p.source = line.substr(0, a);
        p.targetId = line.substr(a + 1, b - a - 1);
        p.scale = std::stod(line.substr(b + 1, c - b - 1));
        p.sigma = std::stod(line.substr(c + 1));
        out.push_back(p);
    }
    return out;
}

std::string calibrationTableSql(const std::string& idType) {
    return "CREATE TABLE IF NOT EXISTS calibrations (id " + idType +
           ", tool_id BIGINT NOT NULL REFERENCES tools(id), version BIGINT NOT NULL, created_time DOUBLE PRECISION NOT "
           "NULL,"
           " method TEXT NOT NULL, parameters TEXT NOT NULL, summary TEXT NOT NULL, UNIQUE (tool_id, version))";
}

}  // namespace magtwin
