// libFuzzer target for the tool-log reader (twin/logs): any bytes as a log file must give
// rows or clean errors (LogMappingError), never a crash, leak or undefined behaviour.
// The format is the DTU eKLipse mapping (12-hour stamps, numeric and text channels); the
// first input byte picks the batch size, the header position policy and the delimiter.
// Built and run by scripts/run-fuzz.sh (clang -fsanitize=fuzzer,address,undefined).
#include "twin/logs/LogReader.hpp"

#include <unistd.h>
#include <cstdint>
#include <cstdio>
#include <string>

using namespace magtwin;

namespace {

LogFormat fuzzFormat(unsigned char knob) {
    LogFormat f;
    f.name = "fuzz";
    if (knob & 1)
        f.header.preambleLines = 3;
    else
        f.header.findColumn = "Time Stamp";
    f.header.searchLines = 50;
    f.delimiter = (knob & 2) ? ';' : ',';
    f.timestampColumn = "Time Stamp";
    f.timestamp.pattern = (knob & 4) ? "%Y-%m-%d %H:%M:%S.%f" : "%b-%d-%Y %I:%M:%S.%f %p";
    f.timestamp.utcOffsetSeconds = 7200;
    f.numeric.push_back({"pressure", "PC Capman Pressure", 101325.0 / 760.0 * 1e-3, 0.0, "Pa"});
    f.numeric.push_back({"rf3.forward", "Power Supply 3 Fwd Power", 1.0, 0.0, "W"});
    f.numeric.push_back({"heater", "Substrate Heater Temperature", 1.0, 273.15, "K"});
    f.text.push_back({"source1.target", "PC Source 1 Loaded Target"});
    return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const std::string path = "/tmp/magtwin-fuzz-log-" + std::to_string(::getpid()) + ".csv";
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data + 1, 1, size - 1, f);
    std::fclose(f);
    const LogFormat format = fuzzFormat(data[0]);
    try {
        LogIssues issues;
        LogReader reader(format, path, issues, 64);  // a tiny buffer: lines straddle refills
        LogRowBatch batch;
        const std::size_t batchRows = 1 + (data[0] >> 4);
        std::uint64_t consumed = 0;
        while (reader.next(batch, batchRows)) {
            if (batch.endOffset < consumed) __builtin_trap();  // offsets never go back
            consumed = batch.endOffset;
            for (std::size_t r = 1; r < batch.rows(); ++r)
                if (!(batch.times[r] > batch.times[r - 1])) __builtin_trap();  // accepted rows strictly increase
        }
        reader.reportPendingLine();
        (void)issues.listed();
    } catch (const LogMappingError&) {
    }
    return 0;
}
