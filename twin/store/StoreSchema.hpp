// StoreSchema: the store's tables as SQL shared by the SQLite and PostgreSQL back ends, and
// the migrations from one schema version to the next (applied in order, each in the same
// transaction as its version bump). Version 1: tools, log files (consumed prefix), sample
// blocks, text changes, steps with per-source energy, targets with energy and counters.
// Version 2: calibrations (versioned; before, created ad hoc by the first save), erosion
// state per target, predictions per replay run and interval, measurements (TwinState.hpp).
// Version 3: the calibration's gas-scattering strength (CalibrationRecord.hpp).
// Version 4: tool settings the sync keeps from the tool file (the E10 equipment-state rules,
// twin/equipment/E10Settings.hpp), so readers of the store alone apply them.
// Version 5: the reactive state per target (compound fractions, TwinState.hpp).
// Version 6: the target volume per erosion state, the newest replay's thickness map and
// findings, the newest forecast (TwinState.hpp), for `twin serve`'s page.
#pragma once

#include <string>
#include <vector>

namespace magtwin {

struct StoreMigration {
    int toVersion;
    std::vector<std::string> statements;
};

/// `blobType` is BLOB (SQLite) or BYTEA (PostgreSQL); `idType` the auto-increment key
/// declaration ("INTEGER PRIMARY KEY" / "BIGSERIAL PRIMARY KEY").
std::vector<StoreMigration> storeMigrations(const std::string& blobType, const std::string& idType);
constexpr int kStoreSchemaVersion = 6;

/// How a back end opens its store: read-write (created and migrated as needed) or read-only
/// (an existing store of this magtwin's schema version; openStoreReadOnly, TwinStore.hpp).
enum class StoreAccess { ReadWrite, ReadOnly };

/// A read-only opening's schema check: throws std::invalid_argument naming `location` when
/// `version` is 0 (not a store), newer or older than kStoreSchemaVersion (TwinStore.cpp).
void checkReadOnlySchema(const std::string& location, int version);

}  // namespace magtwin
