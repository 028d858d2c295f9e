// Result folders are written complete or not at all (the standard's "no partial output").
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/io/OutputFolder.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <stdexcept>
#include <thread>

using namespace magtwin;
namespace fs = std::filesystem;

namespace {
void touch(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
std::string read(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

TEST(OutputFolder, ReplacesTheFolderOnlyWhenComplete) {
    const fs::path dir = fs::temp_directory_path() / ("magtwin_outfolder_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    writeFolderAtomically(dir.string(), [](const fs::path& tmp) { touch(tmp / "a.txt", "first"); });
    EXPECT_EQ(read(dir / "a.txt"), "first");
    // A failing writer leaves the previous folder as it was and no temporary folder behind.
    EXPECT_THROW(writeFolderAtomically(dir.string(),
                                       [](const fs::path& tmp) {
                                           touch(tmp / "a.txt", "second");
                                           throw std::runtime_error("disk full");
                                       }),
                 std::runtime_error);
    EXPECT_EQ(read(dir / "a.txt"), "first");
    for (const auto& e : fs::directory_iterator(dir.parent_path()))
        EXPECT_EQ(e.path().filename().string().find(dir.filename().string() + ".tmp-"), std::string::npos);
    writeFolderAtomically(dir.string(), [](const fs::path& tmp) { touch(tmp / "b.txt", "new"); });
    EXPECT_FALSE(fs::exists(dir / "a.txt"));  // replaced as a whole
    EXPECT_EQ(read(dir / "b.txt"), "new");
    fs::remove_all(dir);
}

// `--out /dev/null` and friends: a path that is a device or a pipe is written in place, never
// replaced by a rename (as root, renaming onto /dev/null replaces the device for every process).
// A FIFO stands in for the device (a regression must not clobber the real /dev/null).
TEST(AtomicFile, WritesIntoAPipeInsteadOfReplacingIt) {
    const fs::path dir = fs::temp_directory_path() / ("magtwin_fifo_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (bool viaCommit : {false, true}) {
        const fs::path fifo = dir / (viaCommit ? "commit.fifo" : "write.fifo");
        ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
        std::string got;
        std::thread reader([&] {
            std::ifstream in(fifo);
            got.assign(std::istreambuf_iterator<char>(in), {});
        });
        if (viaCommit) {
            const std::string tmp = temporaryPathFor(fifo.string());
            std::ofstream(tmp) << "through commitFile\n";
            commitFile(tmp, fifo.string());
            EXPECT_FALSE(fs::exists(tmp));
        } else {
            writeFileAtomically(fifo.string(), [](std::ostream& o) { o << "through writeFileAtomically\n"; });
        }
        reader.join();
        EXPECT_EQ(got, viaCommit ? "through commitFile\n" : "through writeFileAtomically\n");
        EXPECT_TRUE(fs::is_fifo(fifo)) << "the pipe was replaced by a file";
    }
    fs::remove_all(dir);
}
