#include "plugins/plugin_manager.hpp"

#include "core/json_file.hpp"
#include "core/logging.hpp"
#include "plugins/plugin_context.hpp"

#include <agentdesk/plugin.hpp>

#define BOOST_DLL_USE_STD_FS
#include <boost/dll/shared_library.hpp>

#include <spdlog/logger.h>

#include <algorithm>
#include <fstream>
#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <unistd.h>

namespace agentdesk::host {

namespace fs = std::filesystem;

struct LoadedLibrary {
    boost::dll::shared_library library;
};

PluginRecord::PluginRecord() = default;
PluginRecord::PluginRecord(PluginRecord&&) noexcept = default;
PluginRecord& PluginRecord::operator=(PluginRecord&&) noexcept = default;
PluginRecord::~PluginRecord() = default;

namespace {

// Boost.DLL appends the errno text of an unrelated call ("...: Bad file descriptor"); the
// dlerror() part before it is the useful one.
std::string loaderMessage(const std::system_error& e) {
    std::string text = e.what();
    std::string suffix = ": " + e.code().message();
    if (text.size() > suffix.size() && text.ends_with(suffix)) text.resize(text.size() - suffix.size());
    return text;
}

}  // namespace

PluginManager::PluginManager(HostServices services) : services_(std::move(services)) {}

PluginManager::~PluginManager() {
    shutdownAll();
    unloadLibraries();
}

void PluginManager::loadAll(const fs::path& dir, const std::vector<std::string>& disabled) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        appLog().warn("plugins directory {} does not exist; no plugins loaded", dir.string());
        return;
    }
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_directory()) folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) loadOne(folder, disabled);
}

const PluginRecord& PluginManager::loadOne(const fs::path& dir, const std::vector<std::string>& disabled) {
    PluginRecord& record = plugins_.emplace_back();
    record.dir = dir;
    load(record, disabled);
    return record;
}

const PluginRecord& PluginManager::loadDev(const fs::path& dir, const std::vector<std::string>& disabled) {
    PluginRecord& record = plugins_.emplace_back();
    record.dir = dir;
    record.dev = true;
    const std::string stamp = devStamp(record);
    load(record, disabled);
    devWatches_.push_back({plugins_.size() - 1, stamp, stamp, disabled});
    return record;
}

std::vector<std::string> PluginManager::pollDevPlugins() {
    std::vector<std::string> reloaded;
    for (DevWatch& watch : devWatches_) {
        PluginRecord& record = plugins_[watch.index];
        const std::string now = devStamp(record);
        const bool settled = now == watch.seen;
        watch.seen = now;
        if (now == watch.loaded || !settled) continue;
        appLog().info("plugin {}: its files changed in {}; reloading", record.manifest.id, record.dir.string());
        shutdown(record);
        // The old code stays mapped until the desktop ends: Dear ImGui and the bus may still hold
        // pointers into it for this frame, and a library with unique symbols cannot be unmapped.
        if (record.library) retired_.push_back(std::move(record.library));
        if (!record.loadedFrom.empty()) retiredFiles_.push_back(record.loadedFrom);
        record.status = PluginStatus::Failed;
        record.reason.clear();
        load(record, watch.disabled);
        watch.loaded = now;
        reloaded.push_back(record.manifest.id);
    }
    return reloaded;
}

std::string PluginManager::devStamp(const PluginRecord& record) const {
    std::string stamp;
    auto add = [&](const fs::path& file) {
        std::error_code ec;
        const auto size = fs::file_size(file, ec);
        const auto time = fs::last_write_time(file, ec);
        stamp += ec ? std::string("-") : fmt::format("{}@{}", size, time.time_since_epoch().count());
        stamp += ';';
    };
    add(record.dir / "plugin.json");
    // The library named by the manifest as it is now; a missing or broken manifest is a change too.
    try {
        std::ifstream in(record.dir / "plugin.json");
        const auto json = nlohmann::json::parse(in);
        if (json.contains("library") && json["library"].is_string()) add(record.dir / json["library"].get<std::string>());
    } catch (const nlohmann::json::exception&) {
    }
    return stamp;
}

fs::path PluginManager::devCopyPath(const PluginRecord& record) {
    return services_.paths.data / "dev-plugins" /
           fmt::format("{}-{}-{}", ::getpid(), ++devGeneration_, record.manifest.library);
}

void PluginManager::load(PluginRecord& record, const std::vector<std::string>& disabled) {
    const auto started = std::chrono::steady_clock::now();
    const fs::path& dir = record.dir;
    record.manifest = Manifest{};
    record.manifest.id = dir.filename().string();
    record.manifest.name = record.manifest.id;

    auto fail = [&](std::string reason) {
        record.status = PluginStatus::Failed;
        record.reason = std::move(reason);
        appLog().error("plugin {} disabled: {}", record.manifest.id, record.reason);
        services_.notifications.post(
            {Severity::Error, "Plugin disabled", fmt::format("{}: {}", record.manifest.name, record.reason)}, "host",
            services_.clock.now());
    };

    // 1. Manifest.
    const fs::path manifestFile = dir / "plugin.json";
    if (!fs::exists(manifestFile)) return fail("no plugin.json in " + dir.string());
    nlohmann::json json;
    try {
        std::ifstream in(manifestFile);
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("plugin.json is not valid JSON: ") + e.what());
    }
    std::string error;
    auto manifest = parseManifest(json, error);
    if (!manifest) return fail(error);
    record.manifest = *manifest;

    for (const auto& other : plugins_) {
        if (&other != &record && other.status == PluginStatus::Loaded && other.manifest.id == record.manifest.id) {
            return fail(fmt::format("another plugin with id '{}' is already loaded from {}", record.manifest.id,
                                    other.dir.string()));
        }
    }
    if (std::find(disabled.begin(), disabled.end(), record.manifest.id) != disabled.end()) {
        record.status = PluginStatus::Disabled;
        record.reason = "disabled on the command line";
        return;
    }
    if (auto why = sdkIncompatibility(record.manifest.sdk, kSdkVersion); !why.empty()) return fail(why);

    // 2. Library and entry point.
    fs::path libraryFile = dir / record.manifest.library;
    if (!fs::exists(libraryFile)) return fail("library " + record.manifest.library + " not found in " + dir.string());
    if (record.dev) {
        // A private copy: the loader hands back an already mapped file by its path, so a rebuilt
        // library must be opened under a name it has not seen.
        const fs::path copy = devCopyPath(record);
        std::error_code ec;
        fs::create_directories(copy.parent_path(), ec);
        if (!fs::copy_file(libraryFile, copy, fs::copy_options::overwrite_existing, ec)) {
            return fail(fmt::format("cannot copy {} to {}: {}", libraryFile.string(), copy.string(), ec.message()));
        }
        libraryFile = copy;
    }
    record.loadedFrom = libraryFile;
    auto library = std::make_unique<LoadedLibrary>();
    try {
        library->library.load(libraryFile, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::system_error& e) {
        return fail("cannot load the library: " + loaderMessage(e));
    }
    if (!library->library.has(kPluginEntrySymbol)) {
        return fail(fmt::format("{} is not an AgentDesk plugin (no {} symbol; use AGENTDESK_PLUGIN)",
                                record.manifest.library, kPluginEntrySymbol));
    }
    const PluginEntry* entry = nullptr;
    try {
        entry = library->library.get<const PluginEntry*()>(kPluginEntrySymbol)();
    } catch (const std::exception& e) {
        return fail(std::string("entry point failed: ") + e.what());
    }
    if (!entry || !entry->create || !entry->destroy) return fail("entry point returned nothing usable");
    if (auto why = sdkIncompatibility({entry->sdkMajor, entry->sdkMinor, entry->sdkPatch}, kSdkVersion); !why.empty()) {
        return fail("the library was " + why);
    }
    if (entry->imguiVersionNum != IMGUI_VERSION_NUM || entry->imguiIoSize != sizeof(ImGuiIO) ||
        entry->imguiStyleSize != sizeof(ImGuiStyle)) {
        return fail(fmt::format("built against Dear ImGui {} (or a different configuration); this desktop uses {}",
                                entry->imguiVersionNum, IMGUI_VERSION_NUM));
    }

    // 3. Create and init; a throw leaves nothing registered.
    record.library = std::move(library);
    record.context = std::make_unique<PluginContext>(services_, record.manifest);
    try {
        record.instance = entry->create();
        record.instance->init(*record.context);
    } catch (const std::exception& e) {
        shutdown(record);
        return fail(std::string("initialisation failed: ") + e.what());
    } catch (...) {
        shutdown(record);
        return fail("initialisation failed with an unknown error");
    }
    record.status = PluginStatus::Loaded;
    record.loadMilliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    record.reason.clear();
    appLog().info("plugin {} {} loaded in {:.1f} ms", record.manifest.id, record.manifest.version,
                  record.loadMilliseconds);
}

void PluginManager::shutdown(PluginRecord& record) {
    if (record.instance) {
        try {
            record.instance->shutdown();
        } catch (const std::exception& e) {
            appLog().error("plugin {} failed while shutting down: {}", record.manifest.id, e.what());
        }
        auto destroy = record.library->library.get<const PluginEntry*()>(kPluginEntrySymbol)()->destroy;
        destroy(record.instance);
        record.instance = nullptr;
    }
    if (record.context) {
        record.context->detach();
        record.context.reset();
    }
}

void PluginManager::shutdownAll() {
    for (auto it = plugins_.rbegin(); it != plugins_.rend(); ++it) shutdown(*it);
}

void PluginManager::unloadLibraries() {
    for (auto it = plugins_.rbegin(); it != plugins_.rend(); ++it) it->library.reset();
    retired_.clear();
    for (const auto& record : plugins_) {
        std::error_code ec;
        if (record.dev && !record.loadedFrom.empty()) fs::remove(record.loadedFrom, ec);
    }
    for (const auto& file : retiredFiles_) {
        std::error_code ec;
        fs::remove(file, ec);
    }
}

std::size_t PluginManager::loadedCount() const {
    return static_cast<std::size_t>(
        std::count_if(plugins_.begin(), plugins_.end(), [](const auto& p) { return p.status == PluginStatus::Loaded; }));
}

std::string describe(const PluginRecord& record) {
    switch (record.status) {
        case PluginStatus::Loaded: return "loaded";
        case PluginStatus::Disabled: return "disabled: " + record.reason;
        case PluginStatus::Failed: return "failed: " + record.reason;
    }
    return {};
}

}  // namespace agentdesk::host
