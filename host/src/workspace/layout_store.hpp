// Layout store: the agent's named workspace layouts ("Agent", "Supervisor", "Wallboard" or
// user-named), each a DockTree, plus which one is current, persisted as one JSON file:
//
//   {"version": 1, "current": "Agent", "layouts": {"Agent": <DockTree json>, ...}}
//
// A layout file is the user's own work, so it is never silently thrown away: a file that cannot
// be understood is moved aside as "<file>.corrupt-<YYYYmmdd-HHMMSS>" and the user is told where,
// and saving goes through a temporary file so a crash mid-write cannot corrupt the good copy.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "workspace/dock_tree.hpp"

namespace agentdesk::workspace {

class LayoutStore {
public:
    /// Binds the store to `file`; nothing is read until load().
    explicit LayoutStore(std::filesystem::path file);

    struct LoadResult {
        bool recovered = false;  // true when a corrupt file was moved aside
        std::string message;     // for the user; empty when all went well
    };

    /// Replaces the store's contents with the file's. A missing file gives an empty store. A
    /// corrupt file (bad JSON, wrong shape, or any layout failing DockTree::fromJson) is renamed
    /// to "<file>.corrupt-<YYYYmmdd-HHMMSS>" (never deleted) and the store starts empty, with
    /// recovered=true and a message naming the backup. A file that exists but cannot be read is
    /// left untouched; the store starts empty with recovered=false and an explanatory message.
    LoadResult load();
    /// Writes the store atomically ("<file>.tmp" then rename), creating parent directories.
    /// Returns false with a reason in *error (which may be null) on failure.
    bool save(std::string* error) const;

    /// Layout names in sorted order.
    std::vector<std::string> names() const;
    /// The named layout, or nullptr. The pointer is valid until that layout is replaced or erased.
    const DockTree* find(std::string_view name) const;
    /// Adds or replaces a layout.
    void put(std::string name, DockTree tree);
    /// Removes a layout; if it was current, current becomes "". False if absent.
    bool erase(std::string_view name);
    /// The current layout's name ("" if none). It may name a layout not in the store (e.g. a
    /// built-in default the caller has not put yet); callers fall back as they see fit.
    std::string current() const;
    /// Sets the current layout's name; it need not exist yet.
    void setCurrent(std::string name);

    /// The file this store reads and writes.
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    std::map<std::string, DockTree, std::less<>> layouts_;
    std::string current_;
};

}  // namespace agentdesk::workspace
