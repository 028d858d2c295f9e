#include "postprocessing/reports/DiagnosisReport.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"

#include <sstream>

namespace magtwin {

std::string diagnosisJson(const UniformityDiagnosis& d, const DiagnosisGeometry& g) {
    std::ostringstream o;
    o << "{\"dominant\": " << jsonString(causeName(d.dominant))
      << ", \"dominant_description\": " << jsonString(causeDescription(d.dominant, g))
      << ", \"U_pct\": " << jsonNumber(d.uPct) << ", \"components\": {";
    for (std::size_t k = 0; k < d.components.size(); ++k)
        o << (k ? ", " : "") << jsonString(causeName(d.components[k].cause))
          << ": {\"range_pct\": " << jsonNumber(d.components[k].rangePct)
          << ", \"share\": " << jsonNumber(d.components[k].share) << "}";
    o << "}, \"pitch_mm\": " << jsonNumber(g.pitchM * 1e3) << ", \"remedies\": [";
    for (std::size_t k = 0; k < d.remedies.size(); ++k) o << (k ? ", " : "") << jsonString(d.remedies[k]);
    o << "]}";
    return o.str();
}

void printDiagnosis(const UniformityDiagnosis& d, const DiagnosisGeometry& g, std::ostream& out) {
    if (d.components.empty()) {
        out << "diagnosis: no film in the quality area, nothing to split\n";
        return;
    }
    out << "diagnosis of U = " << textNumber(d.uPct, 3) << " % (U of each part alone, share):\n";
    for (const DiagnosisComponent& c : d.components)
        out << "  " << causeDescription(c.cause, g) << ": " << textNumber(c.rangePct, 3) << " %, "
            << textNumber(100 * c.share, 3) << " %" << (c.cause == d.dominant ? "  <- dominant" : "") << "\n";
    out << "what usually fixes the " << causeDescription(d.dominant, g) << ", in the order to try:\n";
    for (std::size_t k = 0; k < d.remedies.size(); ++k) out << "  " << k + 1 << ". " << d.remedies[k] << "\n";
}

void printCathodePowers(const std::string& label, const std::vector<std::string>& names,
                        const std::vector<double>& powersW, std::ostream& out) {
    out << label << " (kW):";
    for (std::size_t k = 0; k < powersW.size(); ++k)
        out << " " << (k < names.size() ? names[k] + " " : std::string()) << textNumber(powersW[k] / 1e3, 4);
    out << "\n";
}

}  // namespace magtwin
