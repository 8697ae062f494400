#include "workspace/layout_store.hpp"

#include <cstdint>
#include <ctime>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>
#include <utility>

namespace agentdesk::workspace {

namespace fs = std::filesystem;

namespace {

constexpr int kFileVersion = 1;

// UTF-8 for messages; path::string() can throw on Windows for names outside the code page.
std::string displayPath(const fs::path& p) {
    const auto u8 = p.u8string();
    return std::string(u8.begin(), u8.end());
}

std::string timestampNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    char buf[32];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &local);
    return std::string(buf, n);
}

// "<file>.corrupt-<stamp>", with a counter only if two corruptions land in the same second,
// because an earlier backup must never be overwritten.
fs::path backupPathFor(const fs::path& file) {
    fs::path base = file;
    base += ".corrupt-" + timestampNow();
    fs::path candidate = base;
    std::error_code ec;
    for (int n = 2; fs::exists(candidate, ec) && n < 1000; ++n) {
        candidate = base;
        candidate += "-" + std::to_string(n);
    }
    return candidate;
}

struct Parsed {
    std::map<std::string, DockTree, std::less<>> layouts;
    std::string current;
};

// Reads the whole file shape; any problem yields a reason and no partial result.
std::optional<Parsed> parseStore(const std::string& text, std::string& reason) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        reason = std::string("not valid JSON: ") + e.what();
        return std::nullopt;
    }
    if (!json.is_object()) {
        reason = "expected a JSON object at the top level";
        return std::nullopt;
    }
    if (!json.contains("version") || !json["version"].is_number_integer() ||
        json["version"].get<std::int64_t>() != kFileVersion) {
        reason = "missing or unsupported \"version\" (expected 1)";
        return std::nullopt;
    }
    Parsed parsed;
    if (json.contains("current")) {
        if (!json["current"].is_string()) {
            reason = "\"current\" must be a string";
            return std::nullopt;
        }
        parsed.current = json["current"].get<std::string>();
    }
    if (!json.contains("layouts") || !json["layouts"].is_object()) {
        reason = "missing \"layouts\" object";
        return std::nullopt;
    }
    for (const auto& [name, value] : json["layouts"].items()) {
        std::string why;
        auto tree = DockTree::fromJson(value, &why);
        if (!tree) {
            reason = "layout \"" + name + "\": " + why;
            return std::nullopt;
        }
        parsed.layouts.emplace(name, std::move(*tree));
    }
    return parsed;
}

}  // namespace

LayoutStore::LayoutStore(fs::path file) : file_(std::move(file)) {}

LayoutStore::LoadResult LayoutStore::load() {
    layouts_.clear();
    current_.clear();

    std::error_code ec;
    const bool exists = fs::exists(file_, ec);
    if (ec) return {false, "Could not check the layouts file " + displayPath(file_) + ": " + ec.message()};
    if (!exists) return {};
    // Not corrupt, just unreadable (a directory, no permission): leave it alone rather than
    // moving someone's file away for a problem that is not in its contents.
    if (!fs::is_regular_file(file_, ec))
        return {false, "The layouts file " + displayPath(file_) + " is not a regular file; starting without saved layouts."};

    std::ifstream in(file_, std::ios::binary);
    std::string text;
    if (in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.is_open() || in.bad()) {
        return {false, "Could not read the layouts file " + displayPath(file_) + "; starting without saved layouts."};
    }

    std::string reason;
    if (auto parsed = parseStore(text, reason)) {
        layouts_ = std::move(parsed->layouts);
        current_ = std::move(parsed->current);
        return {};
    }

    in.close();  // Windows cannot rename a file that is still open
    const fs::path backup = backupPathFor(file_);
    fs::rename(file_, backup, ec);
    if (ec) {
        // Renaming can fail where copying works (e.g. odd network shares); either way keeps it.
        std::error_code copyEc;
        fs::copy_file(file_, backup, copyEc);
        if (copyEc) {
            return {true, "The saved layouts file " + displayPath(file_) + " is corrupt (" + reason +
                              ") and could not be backed up (" + ec.message() +
                              "); it will be replaced the next time layouts are saved."};
        }
    }
    return {true, "The saved layouts file was corrupt (" + reason + "). It was kept as " + displayPath(backup) +
                      " and AgentDesk is starting with no saved layouts."};
}

bool LayoutStore::save(std::string* error) const {
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };

    std::string text;
    try {
        nlohmann::json layouts = nlohmann::json::object();
        for (const auto& [name, tree] : layouts_) layouts[name] = tree.toJson();
        const nlohmann::json json = {{"version", kFileVersion}, {"current", current_}, {"layouts", std::move(layouts)}};
        text = json.dump(2) + "\n";
    } catch (const nlohmann::json::exception& e) {
        // dump() rejects strings that are not valid UTF-8 (e.g. a mangled layout name).
        return fail(std::string("could not encode layouts: ") + e.what());
    }

    std::error_code ec;
    const fs::path parent = file_.parent_path();
    if (!parent.empty()) {
        fs::create_directories(parent, ec);
        if (ec) return fail("could not create " + displayPath(parent) + ": " + ec.message());
    }

    fs::path tmp = file_;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            fs::remove(tmp, ec);
            return fail("could not write " + displayPath(tmp));
        }
    }
    fs::rename(tmp, file_, ec);
    if (ec) {
        const std::string why = "could not replace " + displayPath(file_) + ": " + ec.message();
        fs::remove(tmp, ec);
        return fail(why);
    }
    return true;
}

std::vector<std::string> LayoutStore::names() const {
    std::vector<std::string> out;
    out.reserve(layouts_.size());
    for (const auto& entry : layouts_) out.push_back(entry.first);
    return out;
}

const DockTree* LayoutStore::find(std::string_view name) const {
    const auto it = layouts_.find(name);
    return it == layouts_.end() ? nullptr : &it->second;
}

void LayoutStore::put(std::string name, DockTree tree) {
    layouts_.insert_or_assign(std::move(name), std::move(tree));
}

bool LayoutStore::erase(std::string_view name) {
    const auto it = layouts_.find(name);
    if (it == layouts_.end()) return false;
    if (it->first == current_) current_.clear();
    layouts_.erase(it);
    return true;
}

std::string LayoutStore::current() const {
    return current_;
}

void LayoutStore::setCurrent(std::string name) {
    current_ = std::move(name);
}

}  // namespace agentdesk::workspace
