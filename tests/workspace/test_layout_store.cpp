#include <doctest/doctest.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "workspace/dock_tree.hpp"
#include "workspace/layout_store.hpp"

namespace fs = std::filesystem;
using agentdesk::workspace::DockTree;
using agentdesk::workspace::DropZone;
using agentdesk::workspace::LayoutStore;

namespace {

// A fresh directory per test, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path = fs::temp_directory_path() /
               ("agentdesk-layout-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

void writeFile(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// True for "<file name>.corrupt-YYYYmmdd-HHMMSS" (std::regex is avoided: GCC 12 warns inside it).
bool isBackupName(const std::string& name, const std::string& fileName) {
    const std::string prefix = fileName + ".corrupt-";
    if (name.rfind(prefix, 0) != 0 || name.size() != prefix.size() + 15) return false;
    for (std::size_t i = prefix.size(); i < name.size(); ++i) {
        const bool dashSlot = i == prefix.size() + 8;
        if (dashSlot ? name[i] != '-' : !std::isdigit(static_cast<unsigned char>(name[i]))) return false;
    }
    return true;
}

std::vector<fs::path> backupsOf(const fs::path& file) {
    std::vector<fs::path> out;
    const std::string prefix = file.filename().string() + ".corrupt-";
    for (const auto& entry : fs::directory_iterator(file.parent_path())) {
        if (entry.path().filename().string().rfind(prefix, 0) == 0) out.push_back(entry.path());
    }
    return out;
}

DockTree agentLayout() {
    DockTree tree;
    tree.dock("chat", tree.root().id, DropZone::Center);
    tree.dock("email", tree.root().id, DropZone::Center);
    tree.dock("nav", tree.root().id, DropZone::Left);
    tree.floatPanel("softphone", {20, 30, 320, 200});
    return tree;
}

DockTree wallboardLayout() {
    DockTree tree;
    tree.dock("queues", tree.root().id, DropZone::Center);
    tree.dock("stats", tree.root().id, DropZone::Bottom);
    return tree;
}

}  // namespace

TEST_CASE("missing file is an empty store") {
    TempDir dir;
    const fs::path file = dir.path / "layouts.json";
    LayoutStore store(file);
    store.put("Stale", DockTree{});
    store.setCurrent("Stale");

    const auto result = store.load();
    CHECK_FALSE(result.recovered);
    CHECK(result.message.empty());
    CHECK(store.names().empty());
    CHECK(store.current().empty());
    CHECK(store.find("Stale") == nullptr);
    CHECK_FALSE(fs::exists(file));  // loading never creates the file
}

TEST_CASE("save then load round trip") {
    TempDir dir;
    const fs::path file = dir.path / "nested" / "deeper" / "layouts.json";  // parents do not exist yet
    {
        LayoutStore store(file);
        store.put("Agent", agentLayout());
        store.put("Wallboard", wallboardLayout());
        store.setCurrent("Wallboard");
        std::string error;
        REQUIRE_MESSAGE(store.save(&error), error);
    }
    CHECK(fs::exists(file));
    CHECK_FALSE(fs::exists(fs::path(file.string() + ".tmp")));

    LayoutStore loaded(file);
    const auto result = loaded.load();
    CHECK_FALSE(result.recovered);
    CHECK(result.message.empty());
    CHECK(loaded.names() == std::vector<std::string>{"Agent", "Wallboard"});
    CHECK(loaded.current() == "Wallboard");
    REQUIRE(loaded.find("Agent") != nullptr);
    CHECK(loaded.find("Agent")->toJson() == agentLayout().toJson());
    CHECK(loaded.find("Agent")->isFloating("softphone"));
    REQUIRE(loaded.find("Wallboard") != nullptr);
    CHECK(loaded.find("Wallboard")->toJson() == wallboardLayout().toJson());
}

TEST_CASE("the saved file has the documented shape") {
    TempDir dir;
    const fs::path file = dir.path / "layouts.json";
    LayoutStore store(file);
    store.put("Agent", agentLayout());
    store.setCurrent("Agent");
    REQUIRE(store.save(nullptr));

    const auto j = nlohmann::json::parse(readFile(file));
    CHECK(j["version"] == 1);
    CHECK(j["current"] == "Agent");
    REQUIRE(j["layouts"].is_object());
    CHECK(j["layouts"].size() == 1);
    CHECK(j["layouts"]["Agent"] == agentLayout().toJson());
}

TEST_CASE("saving again replaces the previous file") {
    TempDir dir;
    const fs::path file = dir.path / "layouts.json";
    LayoutStore store(file);
    store.put("Agent", agentLayout());
    store.put("Supervisor", wallboardLayout());
    REQUIRE(store.save(nullptr));

    CHECK(store.erase("Supervisor"));
    store.put("Agent", wallboardLayout());  // replace
    REQUIRE(store.save(nullptr));

    LayoutStore loaded(file);
    loaded.load();
    CHECK(loaded.names() == std::vector<std::string>{"Agent"});
    CHECK(loaded.find("Agent")->toJson() == wallboardLayout().toJson());
    CHECK_FALSE(fs::exists(fs::path(file.string() + ".tmp")));
}

TEST_CASE("a corrupt layouts file is backed up and the store starts empty") {
    TempDir dir;
    const fs::path file = dir.path / "layouts.json";
    const std::string garbage = "{\"version\":1,\"layouts\":{\"Agent\": {oops";
    writeFile(file, garbage);

    LayoutStore store(file);
    store.put("Old", DockTree{});
    const auto result = store.load();
    CHECK(result.recovered);
    CHECK(store.names().empty());
    CHECK(store.current().empty());

    CHECK_FALSE(fs::exists(file));
    const auto backups = backupsOf(file);
    REQUIRE(backups.size() == 1);
    CHECK(readFile(backups[0]) == garbage);  // kept byte for byte
    CHECK(isBackupName(backups[0].filename().string(), "layouts.json"));
    CHECK_FALSE(isBackupName("layouts.json.corrupt-2024011-1234567", "layouts.json"));
    CHECK(result.message.find(backups[0].string()) != std::string::npos);

    // The store is usable afterwards and saving does not touch the backup.
    store.put("Agent", agentLayout());
    REQUIRE(store.save(nullptr));
    CHECK(readFile(backups[0]) == garbage);
    LayoutStore reloaded(file);
    CHECK_FALSE(reloaded.load().recovered);
    CHECK(reloaded.names() == std::vector<std::string>{"Agent"});
}

TEST_CASE("one invalid layout makes the whole file count as corrupt") {
    TempDir dir;
    const fs::path file = dir.path / "layouts.json";
    nlohmann::json j = {{"version", 1}, {"current", "Agent"}, {"layouts", {{"Agent", agentLayout().toJson()}}}};
    j["layouts"]["Broken"] = nlohmann::json::parse(
        R"({"version":1,"root":{"split":"horizontal","ratio":1.5,"first":{"tabs":["a"]},"second":{"tabs":["b"]}}})");
    writeFile(file, j.dump());

    LayoutStore store(file);
    const auto result = store.load();
    CHECK(result.recovered);
    CHECK(result.message.find("Broken") != std::string::npos);
    CHECK(result.message.find("ratio") != std::string::npos);
    CHECK(store.names().empty());
    CHECK(store.find("Agent") == nullptr);  // no partial load
    CHECK(backupsOf(file).size() == 1);
}

TEST_CASE("a file with the wrong top-level shape counts as corrupt") {
    TempDir dir;
    const fs::path file = dir.path / "layouts.json";
    for (const char* text : {"", "[]", R"({"version":1})", R"({"version":9,"layouts":{}})",
                             R"({"version":1,"current":3,"layouts":{}})"}) {
        CAPTURE(text);
        writeFile(file, text);
        LayoutStore store(file);
        CHECK(store.load().recovered);
        CHECK_FALSE(fs::exists(file));
    }
    // Backups made within the same second get distinct names, so none was overwritten.
    CHECK(backupsOf(file).size() == 5);
}

TEST_CASE("a file that is not a regular file is left alone") {
    TempDir dir;
    const fs::path file = dir.path / "layouts.json";
    fs::create_directories(file);

    LayoutStore store(file);
    const auto result = store.load();
    CHECK_FALSE(result.recovered);
    CHECK_FALSE(result.message.empty());
    CHECK(fs::is_directory(file));
    CHECK(backupsOf(file).empty());
}

TEST_CASE("save reports an error when the directory cannot be created") {
    TempDir dir;
    const fs::path blocker = dir.path / "not-a-dir";
    writeFile(blocker, "x");

    LayoutStore store(blocker / "layouts.json");
    store.put("Agent", agentLayout());
    std::string error;
    CHECK_FALSE(store.save(&error));
    CHECK_FALSE(error.empty());
    CHECK(readFile(blocker) == "x");
}

TEST_CASE("erase removes a layout and clears current only when it was current") {
    LayoutStore store("unused.json");
    store.put("Agent", agentLayout());
    store.put("Supervisor", wallboardLayout());
    store.setCurrent("Agent");

    CHECK(store.erase("Supervisor"));
    CHECK(store.current() == "Agent");
    CHECK_FALSE(store.erase("Supervisor"));
    CHECK(store.erase("Agent"));
    CHECK(store.current().empty());
    CHECK(store.names().empty());
}

TEST_CASE("put replaces a layout of the same name and names stay sorted") {
    LayoutStore store("unused.json");
    store.put("Wallboard", wallboardLayout());
    store.put("Agent", DockTree{});
    store.put("Agent", agentLayout());
    CHECK(store.names() == std::vector<std::string>{"Agent", "Wallboard"});
    REQUIRE(store.find("Agent") != nullptr);
    CHECK(store.find("Agent")->contains("chat"));
    CHECK(store.find("agent") == nullptr);  // names are case-sensitive

    store.setCurrent("My layout");  // may name a layout that does not exist yet
    CHECK(store.current() == "My layout");
}
