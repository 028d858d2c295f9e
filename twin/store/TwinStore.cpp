#include "twin/store/TwinStore.hpp"

#include "twin/logs/PrefixHash.hpp"
#include "twin/store/SampleBlockCodec.hpp"
#include "twin/store/StoreText.hpp"
#include "twin/store/sqlite/SqliteStore.hpp"
#ifdef MAGTWIN_HAVE_POSTGRES
#include "twin/store/postgres/PostgresStore.hpp"
#endif

#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace magtwin {

std::string joinLines(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
    return out;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = text.find('\n', start);
        out.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) return out;
        start = nl + 1;
    }
}

std::unique_ptr<TwinStore> openStore(const std::string& location, int schemaVersion) {
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
#ifdef MAGTWIN_HAVE_POSTGRES
        return std::make_unique<PostgresStore>(location, schemaVersion);
#else
        throw std::invalid_argument("--store " + location + ": this magtwin was built without PostgreSQL (libpqxx)");
#endif
    }
    if (location.empty()) throw std::invalid_argument("--store: empty store location");
    return std::make_unique<SqliteStore>(location, schemaVersion);
}

std::unique_ptr<TwinStore> openStoreReadOnly(const std::string& location) {
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
#ifdef MAGTWIN_HAVE_POSTGRES
        return std::make_unique<PostgresStore>(location, kStoreSchemaVersion, StoreAccess::ReadOnly);
#else
        throw std::invalid_argument("--store " + location + ": this magtwin was built without PostgreSQL (libpqxx)");
#endif
    }
    if (location.empty()) throw std::invalid_argument("--store: empty store location");
    return std::make_unique<SqliteStore>(location, kStoreSchemaVersion, StoreAccess::ReadOnly);
}

void checkReadOnlySchema(const std::string& location, int version) {
    if (version == 0) throw std::invalid_argument("--store " + location + ": not a magtwin store (no schema_version)");
    if (version > kStoreSchemaVersion)
        throw std::invalid_argument("--store " + location + ": schema version " + std::to_string(version) +
                                    " is newer than this magtwin (" + std::to_string(kStoreSchemaVersion) + ")");
    if (version < kStoreSchemaVersion)
        throw std::invalid_argument("--store " + location + ": schema version " + std::to_string(version) +
                                    " is older than this magtwin's (" + std::to_string(kStoreSchemaVersion) +
                                    "); a read-only reader does not migrate it: run `magtwin twin sync` first");
}

namespace {

struct DigestStream {
    PrefixHash hash;
    std::size_t items = 0;
    void add(const std::string& s) {
        const std::uint64_t n = s.size();
        hash.update(reinterpret_cast<const char*>(&n), 8);
        hash.update(s.data(), s.size());
        ++items;
    }
    void add(std::int64_t v) { hash.update(reinterpret_cast<const char*>(&v), 8), ++items; }
    void add(double v) { hash.update(reinterpret_cast<const char*>(&v), 8), ++items; }
};

}  // namespace

std::string storeContentDigest(TwinStore& store, std::int64_t toolId) {
    DigestStream d;
    std::int64_t rows = 0;
    for (const LogFileState& f : store.files(toolId)) {
        d.add(f.path), d.add(f.format), d.add(joinLines(f.channels));
        d.add(static_cast<std::int64_t>(f.bytesConsumed)), d.add(static_cast<std::int64_t>(f.prefixHash));
        d.add(f.rowsConsumed), d.add(f.rowsStored), d.add(f.lastLine), d.add(static_cast<std::int64_t>(f.hasSpan));
        d.add(f.firstTime), d.add(f.lastTime), d.add(f.resumeState);
        std::int64_t next = 0;
        for (const SampleBlock& b : store.sampleBlocks(f.fileId)) {
            if (b.firstRow != next)
                throw std::runtime_error("store: sample blocks of '" + f.path + "' are not contiguous");
            const DecodedSamples s = decodeSamples(b.data);
            for (std::size_t r = 0; r < s.rows; ++r) {
                d.add(s.lines[r]), d.add(s.times[r]);
                d.hash.update(reinterpret_cast<const char*>(&s.values[r * s.channels]), 8 * s.channels);
            }
            next += b.rowCount;
            rows += b.rowCount;
        }
        if (next != f.rowsStored)
            throw std::runtime_error("store: '" + f.path + "' has " + std::to_string(next) +
                                     " sample rows but records " + std::to_string(f.rowsStored));
        for (const TextChange& t : store.textChanges(f.fileId))
            d.add(t.line), d.add(t.time), d.add(t.channel), d.add(t.value);
    }
    std::int64_t steps = 0;
    for (const StepRecord& s : store.steps(toolId)) {
        d.add(s.startLine), d.add(s.endLine), d.add(s.startTime), d.add(s.endTime), d.add(s.label);
        d.add(static_cast<std::int64_t>(s.open));
        for (const auto& e : s.sources) d.add(e.source), d.add(e.targetId), d.add(e.energyJ);
        ++steps;
    }
    for (const TargetRecord& t : store.targets(toolId)) {
        d.add(t.source), d.add(t.targetId), d.add(t.material), d.add(t.thicknessM), d.add(t.installTime),
            d.add(t.energyJ);
        d.add(t.steps), d.add(static_cast<std::int64_t>(t.hasCounter)), d.add(t.counterFirstJ), d.add(t.counterLastJ);
    }
    char buf[96];
    std::snprintf(buf, sizeof buf, "%016llx rows=%lld steps=%lld", static_cast<unsigned long long>(d.hash.digest()),
                  static_cast<long long>(rows), static_cast<long long>(steps));
    return buf;
}

}  // namespace magtwin
