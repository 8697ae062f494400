// The SDK's local-file helpers: reading a file the agent picked within a limit, and saving a file
// a customer sent into the downloads folder without replacing anything there.

#include <agentdesk/local_files.hpp>

#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace agentdesk;
using agentdesk::testing::ScratchDir;

namespace {

std::string contentOf(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a local file is read whole with its name and type - missing, too large and folders say why") {
    ScratchDir dir("agentdesk-local");
    const auto label = dir.path() / "Label.PDF";
    std::ofstream(label, std::ios::binary) << std::string("%PDF\0bytes", 10);
    std::string problem;
    const std::optional<LocalFile> read = readLocalFile(label, 10, problem);
    REQUIRE(read);
    CHECK(read->name == "Label.PDF");
    CHECK(read->mimeType == "application/pdf");
    CHECK(std::string(read->data.begin(), read->data.end()) == std::string("%PDF\0bytes", 10));
    CHECK(problem.empty());

    CHECK_FALSE(readLocalFile(label, 9, problem));
    CHECK(problem == "\"Label.PDF\" is 10 bytes; it may be at most 9 bytes.");
    CHECK_FALSE(readLocalFile(dir.path() / "none.png", 100, problem));
    CHECK(problem == "Cannot read \"" + (dir.path() / "none.png").string() + "\": there is no such file.");
    CHECK_FALSE(readLocalFile(dir.path(), 100, problem));
    CHECK(problem.ends_with("there is no such file."));
    if (::geteuid() != 0) {  // root reads anything
        ::chmod(label.c_str(), 0);
        CHECK_FALSE(readLocalFile(label, 100, problem));
        CHECK(problem == "Cannot read \"" + label.string() + "\".");
    }
}

TEST_CASE("a name someone else chose loses its folders and control characters") {
    CHECK(safeFileName("photo.png") == "photo.png");
    CHECK(safeFileName("../../.bashrc") == ".bashrc");
    CHECK(safeFileName("/etc/passwd") == "passwd");
    CHECK(safeFileName("bad\nname\t.txt") == "badname.txt");
    CHECK(safeFileName("") == "attachment");
    CHECK(safeFileName("..") == "attachment");
    CHECK(safeFileName("folder/") == "attachment");
}

TEST_CASE("a saved file never replaces one already there - the next free name is numbered") {
    ScratchDir dir("agentdesk-save");
    const auto downloads = dir.path() / "Downloads";  // created when missing
    std::string problem;
    const auto first = saveNewFile(downloads, "zip.png", {'1'}, problem);
    REQUIRE(first);
    CHECK(*first == downloads / "zip.png");
    const auto second = saveNewFile(downloads, "zip.png", {'2'}, problem);
    const auto third = saveNewFile(downloads, "../zip.png", {'3'}, problem);
    REQUIRE(second);
    REQUIRE(third);
    CHECK(*second == downloads / "zip (1).png");
    CHECK(*third == downloads / "zip (2).png");
    CHECK(contentOf(*first) == "1");  // untouched
    CHECK(contentOf(*third) == "3");
    const auto plain = saveNewFile(downloads, "README", {}, problem);
    REQUIRE(plain);
    CHECK(std::filesystem::file_size(*plain) == 0);
    CHECK(saveNewFile(downloads, "README", {'x'}, problem) == downloads / "README (1)");

    std::ofstream(dir.path() / "file") << "not a folder";
    CHECK_FALSE(saveNewFile(dir.path() / "file", "zip.png", {'1'}, problem));
    CHECK(problem.starts_with("Could not save " + (dir.path() / "file" / "zip.png").string()));
}

TEST_CASE("downloads go to ~/Downloads") {
    const char* home = std::getenv("HOME");
    const std::string saved = home ? home : "";
    ::setenv("HOME", "/home/anna", 1);
    CHECK(downloadsFolder() == std::filesystem::path("/home/anna/Downloads"));
    if (home) {
        ::setenv("HOME", saved.c_str(), 1);
    } else {
        ::unsetenv("HOME");
    }
}
