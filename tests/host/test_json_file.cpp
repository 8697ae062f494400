#include "core/json_file.hpp"

#include <doctest/doctest.h>

#include <string>

#include <unistd.h>

#include <fstream>

using namespace agentdesk::host;
namespace fs = std::filesystem;

namespace {
fs::path freshDir(const char* name) {
    fs::path dir = fs::temp_directory_path() / ("agentdesk-json-tests-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
}  // namespace

TEST_CASE("a written file reads back, and a missing one is reported as missing") {
    fs::path dir = freshDir("roundtrip");
    CHECK(readJsonFile(dir / "settings.json").status == JsonFileRead::Status::Missing);
    REQUIRE(writeJsonFile(dir / "nested" / "settings.json", {{"theme", "dark"}}));
    auto read = readJsonFile(dir / "nested" / "settings.json");
    CHECK(read.status == JsonFileRead::Status::Ok);
    CHECK(read.value["theme"] == "dark");
    CHECK_FALSE(fs::exists(dir / "nested" / "settings.json.tmp"));
}

TEST_CASE("a corrupt settings file is kept aside and reported, never silently lost") {
    fs::path dir = freshDir("corrupt");
    {
        std::ofstream out(dir / "settings.json");
        out << "{\"theme\": \"dark\",";  // truncated by a crash
    }
    auto read = readJsonFile(dir / "settings.json");
    CHECK(read.status == JsonFileRead::Status::Corrupt);
    CHECK_FALSE(fs::exists(dir / "settings.json"));
    REQUIRE(fs::exists(read.backup));
    CHECK(read.backup.filename().string().starts_with("settings.json.corrupt-"));
    CHECK(read.message.find(read.backup.string()) != std::string::npos);
    std::ifstream kept(read.backup);
    std::string text((std::istreambuf_iterator<char>(kept)), {});
    CHECK(text == "{\"theme\": \"dark\",");
}

TEST_CASE("a document the validator rejects counts as corrupt") {
    fs::path dir = freshDir("invalid");
    writeJsonFile(dir / "a.json", nlohmann::json::array({1, 2}));
    auto read = readJsonFile(dir / "a.json", [](const nlohmann::json& j) { return j.is_object() ? "" : "not an object"; });
    CHECK(read.status == JsonFileRead::Status::Corrupt);
    CHECK(read.message.find("not an object") != std::string::npos);
}
