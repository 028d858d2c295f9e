// GnuplotSession: one gnuplot render (Debian gnuplot-nox, pngcairo terminal) in a private
// temporary folder that holds its data files and script; the PNG is moved into place
// atomically and the folder is removed when the session ends. LinePlot and HeatMap use it.
#pragma once

#include <filesystem>
#include <string>

namespace magtwin {

/// A gnuplot string literal: double-quoted, with '"' and '\' escaped and '&' protected
/// from enhanced-text mode (which would swallow it); a line break becomes gnuplot's \n.
std::string gnuplotQuoted(const std::string& s);

/// `s` (a tool, cathode or file name) printed as it is in a title or legend: the characters
/// gnuplot's enhanced text reads as markup (_ ^ @ { } ~) are escaped, so "gen10_5_line" is not
/// set with subscripts. Labels that use markup on purpose ("Ar^+") are passed without it.
std::string gnuplotLiteral(const std::string& s);

/// Text for a title, axis label or legend entry (enhanced-text terminals): gnuplotQuoted with
/// every '_' shown as an underscore (a name such as fab7_mo_line is never set with subscripts),
/// unless it is escaped already (gnuplotLiteral) or opens deliberate markup ("_{...}").
/// Superscript markup ("cm^{-2}", "Ar^+") is kept. Never for file names (gnuplotQuoted).
std::string gnuplotText(const std::string& s);

class GnuplotSession {
public:
    GnuplotSession();
    ~GnuplotSession();
    GnuplotSession(const GnuplotSession&) = delete;
    GnuplotSession& operator=(const GnuplotSession&) = delete;

    /// A path inside the session folder (for data files the script reads).
    std::filesystem::path file(const std::string& name) const { return dir_ / name; }
    /// Where the script must `set output`.
    std::filesystem::path png() const { return dir_ / "out.png"; }
    /// Runs gnuplot on `script`; moves the PNG to `pngPath` (temporary name, then rename).
    /// Throws std::runtime_error with gnuplot's message when it fails.
    void render(const std::string& script, const std::string& pngPath) const;

private:
    std::filesystem::path dir_;
};

}  // namespace magtwin
