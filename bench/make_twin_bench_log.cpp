// make_twin_bench_log REAL_LOG OUT ROWS: the real eKLipse export repeated with shifted times
// until OUT has ROWS data rows (the bench and kill tests' large log). Each repetition starts
// one median interval (1 s) after the previous one ended, so the result is a valid,
// gap-free, strictly increasing log; everything but the timestamp is copied verbatim.
// Timestamps are written back in the export's own format ("Jul-07-2025 03:31:02.806 PM").
#include "twin/logs/TimestampParser.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

/// Inverse of daysFromCivil (H. Hinnant, civil_from_days).
void civilFromDays(long long z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

std::string formatStamp(long long ms) {  // local milliseconds since the epoch
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const long long days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    long long rest = ms - days * 86400000;
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    const int h = static_cast<int>(rest / 3600000);
    rest %= 3600000;
    const int mi = static_cast<int>(rest / 60000);
    rest %= 60000;
    const int h12 = h % 12 == 0 ? 12 : h % 12;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s-%02u-%04d %02d:%02d:%02d.%03lld %s", months[m - 1], d, y, h12, mi,
                  static_cast<int>(rest / 1000), rest % 1000, h < 12 ? "AM" : "PM");
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: make_twin_bench_log REAL_LOG OUT ROWS\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "make_twin_bench_log: cannot open " << argv[1] << "\n";
        return 2;
    }
    const long long wanted = std::stoll(argv[3]);
    std::vector<std::string> preamble, rows;
    std::vector<long long> stampMs;
    magtwin::TimestampFormat f;
    f.pattern = "%b-%d-%Y %I:%M:%S.%f %p";
    const magtwin::TimestampParser parser(f);
    std::string line;
    while (std::getline(in, line)) {
        const auto comma = line.find(',');
        const auto t = comma == std::string::npos ? std::nullopt : parser.parse(line.substr(0, comma));
        if (!t) {
            if (rows.empty()) preamble.push_back(line);
            continue;
        }
        stampMs.push_back(std::llround(*t * 1000.0));
        rows.push_back(line.substr(comma));
    }
    if (rows.size() < 2) {
        std::cerr << "make_twin_bench_log: no data rows in " << argv[1] << "\n";
        return 2;
    }
    std::ofstream out(argv[2], std::ios::binary);
    for (const auto& p : preamble) out << p << "\n";
    const long long period = stampMs.back() - stampMs.front() + 1000;
    for (long long n = 0; n < wanted; ++n) {
        const std::size_t i = static_cast<std::size_t>(n % static_cast<long long>(rows.size()));
        const long long rep = n / static_cast<long long>(rows.size());
        out << formatStamp(stampMs[i] + rep * period) << rows[i] << "\n";
    }
    return out ? 0 : 1;
}
