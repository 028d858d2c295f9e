#include "twin/store/sqlite/SqliteStatement.hpp"

#include "twin/store/StoreSchema.hpp"
#include "twin/store/StoreText.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace magtwin {

SqliteStore::SqliteStore(const std::string& path, int schemaVersion, StoreAccess access) : path_(path) {
    const bool readOnly = access == StoreAccess::ReadOnly;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::invalid_argument("--store " + path + ": cannot open SQLite store: " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    try {
        if (readOnly) {  // no pragma that writes, no migration: the schema must be this magtwin's
            int version = 0;
            try {
                version = this->schemaVersion();
            } catch (const std::exception& e) {
                throw std::invalid_argument("--store " + path + ": not a magtwin store (" + e.what() + ")");
            }
            checkReadOnlySchema(path, version);
            return;
        }
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=NORMAL");
        exec("PRAGMA foreign_keys=ON");
        migrate(schemaVersion);
    } catch (...) {  // the destructor does not run for a throwing constructor
        statements_.clear();
        sqlite3_close(db_);
        throw;
    }
}

SqliteStore::~SqliteStore() {
    statements_.clear();  // statements are finalized before the connection closes
    sqlite3_close(db_);
}

SqliteStore::Statement& SqliteStore::prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, std::make_unique<Statement>(db_, sql)).first;
    return it->second->reset();
}

void SqliteStore::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error("sqlite (" + path_ + "): " + msg + " in: " + sql);
    }
}

int SqliteStore::schemaVersion() {
    auto& s = prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'");
    s.step();
    if (s.integer(0) == 0) return 0;
    auto& v = prepare("SELECT version FROM schema_version");
    return v.step() ? static_cast<int>(v.integer(0)) : 0;
}

void SqliteStore::migrate(int targetVersion) {
    exec("BEGIN IMMEDIATE");
    try {
        exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int version = schemaVersion();
        if (version > kStoreSchemaVersion)
            throw std::invalid_argument("--store " + path_ + ": schema version " + std::to_string(version) +
                                        " is newer than this magtwin (" + std::to_string(kStoreSchemaVersion) + ")");
        for (const auto& m : storeMigrations("BLOB", "INTEGER PRIMARY KEY"))
            if (m.toVersion > version && m.toVersion <= targetVersion) {
                for (const auto& sql : m.statements) exec(sql);
                exec("DELETE FROM schema_version");
                exec("INSERT INTO schema_version VALUES (" + std::to_string(m.toVersion) + ")");
                version = m.toVersion;
            }
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

std::int64_t SqliteStore::ensureTool(const std::string& name) {
    {  // a tool already there is found without a write (read-only stores)
        auto& s = prepare("SELECT id FROM tools WHERE name = ?").bind(name);
        if (s.step()) return s.integer(0);
    }
    prepare("INSERT OR IGNORE INTO tools (name) VALUES (?)").bind(name).run();
    auto& s = prepare("SELECT id FROM tools WHERE name = ?").bind(name);
    s.step();
    return s.integer(0);
}

std::vector<std::string> SqliteStore::toolNames() {
    std::vector<std::string> out;
    auto& s = prepare("SELECT name FROM tools ORDER BY id");
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::vector<LogFileState> SqliteStore::readFiles(const std::string& where, std::int64_t a, std::int64_t b) {
    auto& s = prepare(
        "SELECT id, path, format, channels, bytes_consumed, prefix_hash, rows_consumed, rows_stored, last_line,"
        " has_span, first_time, last_time, resume_state FROM log_files WHERE " +
        where);
    s.bind(a);
    if (where.find("?2") != std::string::npos) s.bind(b);
    std::vector<LogFileState> out;
    while (s.step()) {
        LogFileState f;
        f.fileId = s.integer(0);
        f.path = s.text(1);
        f.format = s.text(2);
        f.channels = splitLines(s.text(3));
        f.bytesConsumed = static_cast<std::uint64_t>(s.integer(4));
        f.prefixHash = static_cast<std::uint64_t>(s.integer(5));
        f.rowsConsumed = s.integer(6);
        f.rowsStored = s.integer(7);
        f.lastLine = s.integer(8);
        f.hasSpan = s.integer(9) != 0;
        f.firstTime = s.real(10);
        f.lastTime = s.real(11);
        f.resumeState = s.text(12);
        out.push_back(std::move(f));
    }
    return out;
}

std::optional<LogFileState> SqliteStore::currentFile(std::int64_t toolId, const std::string& path) {
    auto& s = prepare("SELECT max(id) FROM log_files WHERE tool_id = ? AND path = ?").bind(toolId).bind(path);
    if (!s.step() || s.integer(0) == 0) return std::nullopt;
    const std::int64_t id = s.integer(0);
    auto files = readFiles("id = ?1", id, 0);
    return files.front();
}

std::vector<LogFileState> SqliteStore::files(std::int64_t toolId) {
    return readFiles("tool_id = ?1 ORDER BY id", toolId, 0);
}

std::vector<std::pair<double, double>> SqliteStore::otherSpans(std::int64_t toolId, std::int64_t fileId) {
    std::vector<std::pair<double, double>> out;
    auto& s = prepare("SELECT first_time, last_time FROM log_files WHERE tool_id = ? AND id != ? AND has_span = 1")
                  .bind(toolId)
                  .bind(fileId);
    while (s.step()) out.emplace_back(s.real(0), s.real(1));
    return out;
}

std::vector<TargetRecord> SqliteStore::targets(std::int64_t toolId) {
    std::vector<TargetRecord> out;
    auto& s = prepare(
                  "SELECT source, target_id, material, thickness_m, install_time, energy_j, steps, has_counter, "
                  "counter_first_j,"
                  " counter_last_j FROM targets WHERE tool_id = ? ORDER BY source, install_time, target_id")
                  .bind(toolId);
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.real(3), s.real(4), s.real(5), s.integer(6),
                       s.integer(7) != 0, s.real(8), s.real(9)});
    return out;
}

std::vector<StepRecord> SqliteStore::steps(std::int64_t toolId) {
    std::vector<StepRecord> out;
    auto& s = prepare(
                  "SELECT s.file_id, s.start_line, s.end_line, s.start_time, s.end_time, s.label, s.open FROM steps s"
                  " JOIN log_files f ON f.id = s.file_id WHERE f.tool_id = ? ORDER BY s.file_id, s.start_line")
                  .bind(toolId);
    while (s.step())
        out.push_back(
            {s.integer(0), s.integer(1), s.integer(2), s.real(3), s.real(4), s.text(5), s.integer(6) != 0, {}});
    for (auto& step : out) {
        auto& q = prepare(
                      "SELECT source, target_id, energy_j FROM step_sources WHERE file_id = ? AND start_line = ?"
                      " ORDER BY source")
                      .bind(step.fileId)
                      .bind(step.startLine);
        while (q.step()) step.sources.push_back({q.text(0), q.text(1), q.real(2)});
    }
    return out;
}

std::int64_t SqliteStore::commit(const SyncCommit& c) {
    exec("BEGIN IMMEDIATE");
    try {
        const LogFileState& f = c.file;
        std::int64_t fileId = f.fileId;
        if (fileId == 0) {
            prepare(
                "INSERT INTO log_files (tool_id, path, format, channels, bytes_consumed, prefix_hash, rows_consumed,"
                " rows_stored, last_line, has_span, first_time, last_time, resume_state)"
                " VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')")
                .bind(c.toolId)
                .bind(f.path)
                .bind(f.format)
                .bind(joinLines(f.channels))
                .run();
            fileId = sqlite3_last_insert_rowid(db_);
        }
        prepare(
            "UPDATE log_files SET bytes_consumed = ?, prefix_hash = ?, rows_consumed = ?, rows_stored = ?,"
            " last_line = ?, has_span = ?, first_time = ?, last_time = ?, resume_state = ? WHERE id = ?")
            .bind(static_cast<std::int64_t>(f.bytesConsumed))
            .bind(static_cast<std::int64_t>(f.prefixHash))
            .bind(f.rowsConsumed)
            .bind(f.rowsStored)
            .bind(f.lastLine)
            .bind(static_cast<std::int64_t>(f.hasSpan))
            .bind(f.firstTime)
            .bind(f.lastTime)
            .bind(f.resumeState)
            .bind(fileId)
            .run();
        if (c.samples)
            prepare("INSERT INTO sample_blocks (file_id, first_row, row_count, data) VALUES (?, ?, ?, ?)")
                .bind(fileId)
                .bind(c.samples->firstRow)
                .bind(c.samples->rowCount)
                .bindBlob(c.samples->data)
                .run();
        for (const auto& t : c.textChanges)
            prepare("INSERT INTO text_changes (file_id, line, time, channel, value) VALUES (?, ?, ?, ?, ?)")
                .bind(fileId)
                .bind(t.line)
                .bind(t.time)
                .bind(t.channel)
                .bind(t.value)
                .run();
        for (const auto& s : c.steps) {
            prepare(
                "INSERT OR REPLACE INTO steps (file_id, start_line, end_line, start_time, end_time, label, open)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(fileId)
                .bind(s.startLine)
                .bind(s.endLine)
                .bind(s.startTime)
                .bind(s.endTime)
                .bind(s.label)
                .bind(static_cast<std::int64_t>(s.open))
                .run();
            for (const auto& e : s.sources)
                prepare(
                    "INSERT OR REPLACE INTO step_sources (file_id, start_line, source, target_id, energy_j)"
                    " VALUES (?, ?, ?, ?, ?)")
                    .bind(fileId)
                    .bind(s.startLine)
                    .bind(e.source)
                    .bind(e.targetId)
                    .bind(e.energyJ)
                    .run();
        }
        for (const auto& t : c.targets)
            prepare(
                "INSERT OR REPLACE INTO targets (tool_id, source, target_id, material, thickness_m, install_time,"
                " energy_j, steps, has_counter, counter_first_j, counter_last_j) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?)")
                .bind(c.toolId)
                .bind(t.source)
                .bind(t.targetId)
                .bind(t.material)
                .bind(t.thicknessM)
                .bind(t.installTime)
                .bind(t.energyJ)
                .bind(t.steps)
                .bind(static_cast<std::int64_t>(t.hasCounter))
                .bind(t.counterFirstJ)
                .bind(t.counterLastJ)
                .run();
        exec("COMMIT");
        return fileId;
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

StoreTotals SqliteStore::totals(std::int64_t toolId) {
    StoreTotals t;
    auto& r = prepare("SELECT coalesce(sum(rows_stored), 0) FROM log_files WHERE tool_id = ?").bind(toolId);
    r.step();
    t.rows = r.integer(0);
    auto& s =
        prepare("SELECT count(*) FROM steps s JOIN log_files f ON f.id = s.file_id WHERE f.tool_id = ?").bind(toolId);
    s.step();
    t.steps = s.integer(0);
    return t;
}

std::vector<SampleBlock> SqliteStore::sampleBlocks(std::int64_t fileId) {
    std::vector<SampleBlock> out;
    auto& s = prepare("SELECT first_row, row_count, data FROM sample_blocks WHERE file_id = ? ORDER BY first_row")
                  .bind(fileId);
    while (s.step()) out.push_back({s.integer(0), s.integer(1), s.text(2)});
    return out;
}

std::vector<TextChange> SqliteStore::textChanges(std::int64_t fileId) {
    std::vector<TextChange> out;
    auto& s = prepare("SELECT line, time, channel, value FROM text_changes WHERE file_id = ? ORDER BY line, channel")
                  .bind(fileId);
    while (s.step()) out.push_back({s.integer(0), s.real(1), s.text(2), s.text(3)});
    return out;
}

}  // namespace magtwin
