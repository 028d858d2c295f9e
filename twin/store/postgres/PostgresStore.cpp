#include "twin/store/postgres/PostgresConnection.hpp"

#include "twin/store/StoreSchema.hpp"
#include "twin/store/StoreText.hpp"

#include <pqxx/pqxx>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace magtwin {

using pg::integer;
using pg::num;
using pg::real;

PostgresStore::PostgresStore(const std::string& url, int schemaVersion, StoreAccess access) : url_(url) {
    try {
        db_ = std::make_unique<Connection>(url);
    } catch (const std::exception& e) {
        throw std::invalid_argument("--store " + url + ": cannot connect to PostgreSQL: " + e.what());
    }
    if (access == StoreAccess::ReadOnly) {
        // Every later transaction of this session is READ ONLY: the server refuses any write.
        pqxx::nontransaction n(db_->c);
        n.exec("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        const bool hasVersion =
            n.exec("SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version'").size() > 0;
        n.commit();
        checkReadOnlySchema(url, hasVersion ? this->schemaVersion() : 0);
        return;
    }
    migrate(schemaVersion);
}

PostgresStore::~PostgresStore() = default;

int PostgresStore::schemaVersion() {
    pqxx::work w(db_->c);
    const auto r = w.exec("SELECT version FROM schema_version");
    return r.empty() ? 0 : static_cast<int>(integer(r[0][0]));
}

void PostgresStore::migrate(int targetVersion) {
    pqxx::work w(db_->c);
    // One migrating twin at a time (other twins of the fleet wait here).
    w.exec("SELECT pg_advisory_xact_lock(4711020011)");
    w.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const auto r = w.exec("SELECT version FROM schema_version");
    int version = r.empty() ? 0 : static_cast<int>(integer(r[0][0]));
    if (version > kStoreSchemaVersion)
        throw std::invalid_argument("--store " + url_ + ": schema version " + std::to_string(version) +
                                    " is newer than this magtwin (" + std::to_string(kStoreSchemaVersion) + ")");
    for (const auto& m : storeMigrations("BYTEA", "BIGSERIAL PRIMARY KEY"))
        if (m.toVersion > version && m.toVersion <= targetVersion) {
            for (const auto& sql : m.statements) w.exec(sql);
            w.exec("DELETE FROM schema_version");
            w.exec("INSERT INTO schema_version VALUES (" + std::to_string(m.toVersion) + ")");
            version = m.toVersion;
        }
    w.commit();
}

std::int64_t PostgresStore::ensureTool(const std::string& name) {
    {  // a tool already there is found without a write (read-only sessions)
        pqxx::read_transaction r(db_->c);
        const auto found = r.exec_params("SELECT id FROM tools WHERE name = $1", name);
        if (!found.empty()) return integer(found[0][0]);
    }
    pqxx::work w(db_->c);
    w.exec_params("INSERT INTO tools (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name);
    const auto id = integer(w.exec_params1("SELECT id FROM tools WHERE name = $1", name)[0]);
    w.commit();
    return id;
}

std::vector<std::string> PostgresStore::toolNames() {
    pqxx::read_transaction w(db_->c);
    std::vector<std::string> out;
    for (const auto& row : w.exec("SELECT name FROM tools ORDER BY id")) out.push_back(row[0].c_str());
    return out;
}

std::vector<LogFileState> PostgresStore::readFiles(const std::string& where, std::int64_t key) {
    pqxx::read_transaction w(db_->c);
    std::vector<LogFileState> out;
    for (const auto& r : w.exec_params(
             "SELECT id, path, format, channels, bytes_consumed, prefix_hash, rows_consumed, rows_stored, last_line,"
             " has_span, first_time, last_time, resume_state FROM log_files WHERE " +
                 where,
             key)) {
        LogFileState f;
        f.fileId = integer(r[0]);
        f.path = r[1].c_str();
        f.format = r[2].c_str();
        f.channels = splitLines(r[3].c_str());
        f.bytesConsumed = static_cast<std::uint64_t>(integer(r[4]));
        f.prefixHash = static_cast<std::uint64_t>(integer(r[5]));
        f.rowsConsumed = integer(r[6]);
        f.rowsStored = integer(r[7]);
        f.lastLine = integer(r[8]);
        f.hasSpan = integer(r[9]) != 0;
        f.firstTime = real(r[10]);
        f.lastTime = real(r[11]);
        f.resumeState = r[12].c_str();
        out.push_back(std::move(f));
    }
    return out;
}

std::optional<LogFileState> PostgresStore::currentFile(std::int64_t toolId, const std::string& path) {
    std::int64_t id = 0;
    {
        pqxx::read_transaction w(db_->c);
        const auto r = w.exec_params("SELECT max(id) FROM log_files WHERE tool_id = $1 AND path = $2", toolId, path);
        id = integer(r[0][0]);
    }
    if (id == 0) return std::nullopt;
    return readFiles("id = $1", id).front();
}

std::vector<LogFileState> PostgresStore::files(std::int64_t toolId) {
    return readFiles("tool_id = $1 ORDER BY id", toolId);
}

std::vector<std::pair<double, double>> PostgresStore::otherSpans(std::int64_t toolId, std::int64_t fileId) {
    pqxx::read_transaction w(db_->c);
    std::vector<std::pair<double, double>> out;
    for (const auto& r :
         w.exec_params("SELECT first_time, last_time FROM log_files WHERE tool_id = $1 AND id != $2 AND has_span = 1",
                       toolId, fileId))
        out.emplace_back(real(r[0]), real(r[1]));
    return out;
}

std::vector<TargetRecord> PostgresStore::targets(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<TargetRecord> out;
    for (const auto& r :
         w.exec_params("SELECT source, target_id, material, thickness_m, install_time, energy_j, steps, has_counter, "
                       "counter_first_j,"
                       " counter_last_j FROM targets WHERE tool_id = $1 ORDER BY source, install_time, target_id",
                       toolId))
        out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str(), real(r[3]), real(r[4]), real(r[5]), integer(r[6]),
                       integer(r[7]) != 0, real(r[8]), real(r[9])});
    return out;
}

std::vector<StepRecord> PostgresStore::steps(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<StepRecord> out;
    for (const auto& r : w.exec_params(
             "SELECT s.file_id, s.start_line, s.end_line, s.start_time, s.end_time, s.label, s.open FROM steps s"
             " JOIN log_files f ON f.id = s.file_id WHERE f.tool_id = $1 ORDER BY s.file_id, s.start_line",
             toolId))
        out.push_back({integer(r[0]),
                       integer(r[1]),
                       integer(r[2]),
                       real(r[3]),
                       real(r[4]),
                       r[5].c_str(),
                       integer(r[6]) != 0,
                       {}});
    for (auto& s : out)
        for (const auto& r : w.exec_params("SELECT source, target_id, energy_j FROM step_sources WHERE file_id = $1 AND"
                                           " start_line = $2 ORDER BY source",
                                           s.fileId, s.startLine))
            s.sources.push_back({r[0].c_str(), r[1].c_str(), real(r[2])});
    return out;
}

std::int64_t PostgresStore::commit(const SyncCommit& c) {
    pqxx::work w(db_->c);
    const LogFileState& f = c.file;
    std::int64_t fileId = f.fileId;
    if (fileId == 0)
        fileId =
            integer(w.exec_params1("INSERT INTO log_files (tool_id, path, format, channels, bytes_consumed, "
                                   "prefix_hash, rows_consumed, rows_stored,"
                                   " last_line, has_span, first_time, last_time, resume_state) VALUES ($1, $2, $3, $4, "
                                   "0, 0, 0, 0, 0, 0, 0, 0, '')"
                                   " RETURNING id",
                                   c.toolId, f.path, f.format, joinLines(f.channels))[0]);
    w.exec_params(
        "UPDATE log_files SET bytes_consumed = $1, prefix_hash = $2, rows_consumed = $3, rows_stored = $4,"
        " last_line = $5, has_span = $6, first_time = $7::float8, last_time = $8::float8, resume_state = $9"
        " WHERE id = $10",
        static_cast<std::int64_t>(f.bytesConsumed), static_cast<std::int64_t>(f.prefixHash), f.rowsConsumed,
        f.rowsStored, f.lastLine, static_cast<int>(f.hasSpan), num(f.firstTime), num(f.lastTime), f.resumeState,
        fileId);
    if (c.samples)
        w.exec_params("INSERT INTO sample_blocks (file_id, first_row, row_count, data) VALUES ($1, $2, $3, $4)", fileId,
                      c.samples->firstRow, c.samples->rowCount,
                      pqxx::binarystring(c.samples->data.data(), c.samples->data.size()));
    for (const auto& t : c.textChanges)
        w.exec_params(
            "INSERT INTO text_changes (file_id, line, time, channel, value) VALUES ($1, $2, $3::float8, $4, $5)",
            fileId, t.line, num(t.time), t.channel, t.value);
    for (const auto& s : c.steps) {
        w.exec_params(
            "INSERT INTO steps (file_id, start_line, end_line, start_time, end_time, label, open)"
            " VALUES ($1, $2, $3, $4::float8, $5::float8, $6, $7) ON CONFLICT (file_id, start_line) DO UPDATE SET"
            " end_line = EXCLUDED.end_line, end_time = EXCLUDED.end_time, label = EXCLUDED.label, open = EXCLUDED.open",
            fileId, s.startLine, s.endLine, num(s.startTime), num(s.endTime), s.label, static_cast<int>(s.open));
        for (const auto& e : s.sources)
            w.exec_params(
                "INSERT INTO step_sources (file_id, start_line, source, target_id, energy_j)"
                " VALUES ($1, $2, $3, $4, $5::float8) ON CONFLICT (file_id, start_line, source) DO UPDATE SET"
                " target_id = EXCLUDED.target_id, energy_j = EXCLUDED.energy_j",
                fileId, s.startLine, e.source, e.targetId, num(e.energyJ));
    }
    for (const auto& t : c.targets)
        w.exec_params(
            "INSERT INTO targets (tool_id, source, target_id, material, thickness_m, install_time, energy_j, steps,"
            " has_counter, counter_first_j, counter_last_j) VALUES ($1, $2, $3, $4, $5::float8, $6::float8, $7::float8,"
            " $8, $9, $10::float8, $11::float8) ON CONFLICT (tool_id, source, target_id) DO UPDATE SET"
            " material = EXCLUDED.material, thickness_m = EXCLUDED.thickness_m, install_time = EXCLUDED.install_time,"
            " energy_j = EXCLUDED.energy_j, steps = EXCLUDED.steps, has_counter = EXCLUDED.has_counter,"
            " counter_first_j = EXCLUDED.counter_first_j, counter_last_j = EXCLUDED.counter_last_j",
            c.toolId, t.source, t.targetId, t.material, num(t.thicknessM), num(t.installTime), num(t.energyJ), t.steps,
            static_cast<int>(t.hasCounter), num(t.counterFirstJ), num(t.counterLastJ));
    w.commit();
    return fileId;
}

StoreTotals PostgresStore::totals(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    StoreTotals t;
    t.rows =
        integer(w.exec_params1("SELECT coalesce(sum(rows_stored), 0) FROM log_files WHERE tool_id = $1", toolId)[0]);
    t.steps = integer(w.exec_params1(
        "SELECT count(*) FROM steps s JOIN log_files f ON f.id = s.file_id WHERE f.tool_id = $1", toolId)[0]);
    return t;
}

std::vector<SampleBlock> PostgresStore::sampleBlocks(std::int64_t fileId) {
    pqxx::read_transaction w(db_->c);
    std::vector<SampleBlock> out;
    for (const auto& r : w.exec_params(
             "SELECT first_row, row_count, data FROM sample_blocks WHERE file_id = $1 ORDER BY first_row", fileId)) {
        const pqxx::binarystring data(r[2]);
        out.push_back({integer(r[0]), integer(r[1]), data.str()});
    }
    return out;
}

std::vector<TextChange> PostgresStore::textChanges(std::int64_t fileId) {
    pqxx::read_transaction w(db_->c);
    std::vector<TextChange> out;
    for (const auto& r : w.exec_params(
             "SELECT line, time, channel, value FROM text_changes WHERE file_id = $1 ORDER BY line, channel", fileId))
        out.push_back({integer(r[0]), real(r[1]), r[2].c_str(), r[3].c_str()});
    return out;
}

}  // namespace magtwin
