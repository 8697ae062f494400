#include "core/json_file.hpp"

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fstream>
#include <system_error>

namespace agentdesk::host {

namespace fs = std::filesystem;

fs::path backupCorruptFile(const fs::path& file) {
    auto now = fmt::localtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
    fs::path backup = file;
    backup += fmt::format(".corrupt-{:%Y%m%d-%H%M%S}", now);
    for (int n = 1; fs::exists(backup); ++n) {  // two failures in one second keep both files
        backup = file;
        backup += fmt::format(".corrupt-{:%Y%m%d-%H%M%S}-{}", now, n);
    }
    std::error_code ec;
    fs::rename(file, backup, ec);
    return ec ? fs::path() : backup;
}

JsonFileRead readJsonFile(const fs::path& file, const std::function<std::string(const nlohmann::json&)>& validate) {
    JsonFileRead result;
    std::ifstream in(file, std::ios::binary);
    if (!in) return result;
    std::string problem;
    try {
        result.value = nlohmann::json::parse(in);
        if (validate) problem = validate(result.value);
    } catch (const nlohmann::json::exception& e) {
        problem = e.what();
    }
    in.close();
    if (problem.empty()) {
        result.status = JsonFileRead::Status::Ok;
        return result;
    }
    result.status = JsonFileRead::Status::Corrupt;
    result.value = nullptr;
    result.backup = backupCorruptFile(file);
    result.message = file.filename().string() + " could not be read (" + problem + "); defaults were restored" +
                     (result.backup.empty() ? "." : " and the old file was kept as " + result.backup.string() + ".");
    return result;
}

bool writeJsonFile(const fs::path& file, const nlohmann::json& value, std::string* error) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    fs::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            if (error) *error = "cannot write " + temp.string();
            return false;
        }
        out << value.dump(2) << '\n';
        out.flush();
        if (!out) {
            if (error) *error = "write failed for " + temp.string();
            return false;
        }
    }
    fs::rename(temp, file, ec);
    if (ec) {
        if (error) *error = "cannot replace " + file.string() + ": " + ec.message();
        return false;
    }
    return true;
}

}  // namespace agentdesk::host
