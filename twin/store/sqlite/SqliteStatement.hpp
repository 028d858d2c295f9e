// A prepared SQLite statement of a SqliteStore (private to the back end's .cpp files).
#pragma once

#include "twin/store/sqlite/SqliteStore.hpp"

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace magtwin {

class SqliteStore::Statement {
public:
    Statement(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            throw std::runtime_error("sqlite: " + std::string(sqlite3_errmsg(db)) + " in: " + sql);
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement& reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        column_ = 1;
        return *this;
    }
    Statement& bind(std::int64_t v) { return check(sqlite3_bind_int64(stmt_, column_++, v)); }
    Statement& bind(double v) { return check(sqlite3_bind_double(stmt_, column_++, v)); }
    Statement& bind(const std::string& v) {
        return check(sqlite3_bind_text(stmt_, column_++, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    Statement& bindBlob(const std::string& v) {
        return check(sqlite3_bind_blob(stmt_, column_++, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }
    void run() {
        while (step()) {
        }
    }
    std::int64_t integer(int c) const { return sqlite3_column_int64(stmt_, c); }
    double real(int c) const { return sqlite3_column_double(stmt_, c); }
    /// NULL (what SQLite makes of a bound NaN) reads back as NaN.
    double realOrNan(int c) const {
        return sqlite3_column_type(stmt_, c) == SQLITE_NULL ? std::nan("") : sqlite3_column_double(stmt_, c);
    }
    std::string text(int c) const {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, c));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))) : std::string();
    }

private:
    Statement& check(int rc) {
        if (rc != SQLITE_OK) throw std::runtime_error(std::string("sqlite bind: ") + sqlite3_errmsg(db_));
        return *this;
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int column_ = 1;
};

}  // namespace magtwin
