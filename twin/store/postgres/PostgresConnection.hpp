// The libpqxx connection of a PostgresStore (private to the back end's .cpp files).
#pragma once

#include "postgres/PostgresStore.hpp"

#include <pqxx/pqxx>

namespace magtwin {

struct PostgresStore::Connection {
    explicit Connection(const std::string& url) : c(url) {}
    pqxx::connection c;
};

}  // namespace magtwin
