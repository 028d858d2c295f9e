// The libpqxx connection of a PostgresStore (private to the back end's .cpp files).
#pragma once

#include "twin/store/postgres/PostgresStore.hpp"

#include <pqxx/pqxx>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace magtwin {

struct PostgresStore::Connection {
    explicit Connection(const std::string& url) : c(url) {}
    pqxx::connection c;
};

namespace pg {

/// Doubles travel as text: 17 significant digits out, strtod in (correctly rounded), and
/// PostgreSQL's float8 output is the shortest exact form: bit-exact both ways.
inline std::string num(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

inline double real(const pqxx::field& f) {
    if (f.is_null()) return 0.0;
    const std::string s = f.c_str();
    if (s == "NaN") return std::nan("");
    if (s == "Infinity") return HUGE_VAL;
    if (s == "-Infinity") return -HUGE_VAL;
    return std::strtod(s.c_str(), nullptr);
}

/// As real(), but NULL (a column added by a migration, unset in older rows) reads as NaN.
inline double realOrNan(const pqxx::field& f) { return f.is_null() ? std::nan("") : real(f); }

inline std::int64_t integer(const pqxx::field& f) { return f.is_null() ? 0 : f.as<std::int64_t>(); }

}  // namespace pg

}  // namespace magtwin
