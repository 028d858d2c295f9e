#include "postprocessing/plot/GnuplotSession.hpp"

#include "postprocessing/io/AtomicFile.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace magtwin {

namespace fs = std::filesystem;

std::string gnuplotQuoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '\n') {  // a line break: gnuplot's escape in double-quoted strings
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\') out += '\\';
        if (c == '&') out += "\\\\";  // enhanced-text mode would swallow a bare '&'
        out += c;
    }
    return out + "\"";
}

std::string gnuplotLiteral(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '_' || c == '^' || c == '@' || c == '{' || c == '}' || c == '~') out += '\\';
        out += c;
    }
    return out;
}

std::string gnuplotText(const std::string& s) {
    std::string out;
    for (std::size_t k = 0; k < s.size(); ++k) {
        const bool escaped = k > 0 && s[k - 1] == '\\';
        const bool markup = k + 1 < s.size() && s[k + 1] == '{';
        if (s[k] == '_' && !escaped && !markup) out += '\\';
        out += s[k];
    }
    return gnuplotQuoted(out);
}

GnuplotSession::GnuplotSession() {
    char tmpl[] = "/tmp/magtwin-plot-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("cannot create a temporary folder for plotting");
    dir_ = tmpl;
}

GnuplotSession::~GnuplotSession() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

void GnuplotSession::render(const std::string& script, const std::string& pngPath) const {
    {
        std::ofstream gp(file("plot.gp"));
        gp << script;
        if (!gp) throw std::runtime_error("cannot write the gnuplot script for '" + pngPath + "'");
    }
    const std::string cmd =
        "gnuplot " + gnuplotQuoted(file("plot.gp").string()) + " 2> " + gnuplotQuoted(file("err").string());
    if (std::system(cmd.c_str()) != 0 || !fs::exists(png())) {
        std::ifstream err(file("err"));
        const std::string msg((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
        throw std::runtime_error("gnuplot failed to render '" + pngPath + "': " + msg);
    }
    const std::string tmp = temporaryPathFor(pngPath);
    fs::copy_file(png(), tmp, fs::copy_options::overwrite_existing);
    commitFile(tmp, pngPath);
}

}  // namespace magtwin
