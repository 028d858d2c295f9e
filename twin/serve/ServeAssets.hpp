// ServeAssets: the web view's pages, script and style (twin/serve/assets/), embedded in the
// program at build time (EmbedAssets.cmake writes ServeAssets.cpp into the build tree), so
// `twin serve` needs no files beside it and serves nothing but these.
#pragma once

#include <string_view>

namespace magtwin {

struct ServeAsset {
    std::string_view name;  ///< "index.html", "tool.js", ...
    std::string_view mime;
    std::string_view body;
};

/// The embedded asset called exactly `name` (no folders), or nullptr.
const ServeAsset* findServeAsset(std::string_view name);

}  // namespace magtwin
