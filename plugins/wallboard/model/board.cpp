#include "model/board.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <system_error>

namespace agentdesk::wallboard {

namespace {

using nlohmann::json;

/// Thrown inside this file only, with the field's path; turned into BoardRead::error.
struct BoardError {
    std::string message;
};

[[noreturn]] void fail(const std::string& where, const std::string& what) { throw BoardError{where + ": " + what}; }

int intIn(const json& j, const char* key, int fallback, int low, int high) {
    if (!j.contains(key)) return fallback;
    const json& v = j[key];
    if (!v.is_number_integer()) fail(key, "must be a whole number");
    const auto n = v.get<long long>();
    if (n < low || n > high) fail(key, "must be between " + std::to_string(low) + " and " + std::to_string(high));
    return static_cast<int>(n);
}

std::vector<std::string> strings(const json& j, const std::string& where) {
    if (!j.is_array()) fail(where, "must be a list of texts");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_string()) fail(where + "[" + std::to_string(i) + "]", "must be a text");
        out.push_back(j[i].get<std::string>());
    }
    return out;
}

std::map<Metric, Threshold> thresholds(const json& j, const std::string& where) {
    if (!j.is_object()) fail(where, "must be an object of metric: {\"amber\": .., \"red\": ..}");
    std::map<Metric, Threshold> out;
    for (const auto& [key, value] : j.items()) {
        const std::string at = where + "." + key;
        auto metric = metricFromId(key);
        if (!metric) fail(at, "unknown metric '" + key + "' (known: " + knownMetricIds() + ")");
        if (!value.is_object() || !value.contains("amber") || !value.contains("red") || !value["amber"].is_number() ||
            !value["red"].is_number()) {
            fail(at, "needs numbers \"amber\" and \"red\"");
        }
        Threshold t{value["amber"].get<double>(), value["red"].get<double>()};
        std::string why;
        if (!validThreshold(*metric, t, why)) fail(at, why);
        out[*metric] = t;
    }
    return out;
}

Page page(const json& j, const std::string& where) {
    if (!j.is_object()) fail(where, "must be an object");
    Page p;
    if (j.contains("title")) {
        if (!j["title"].is_string()) fail(where + ".title", "must be a text");
        p.title = j["title"].get<std::string>();
    }
    const std::string kind = j.value("kind", std::string("services"));
    if (kind == "services") p.kind = PageKind::Services;
    else if (kind == "agents") p.kind = PageKind::Agents;
    else fail(where + ".kind", "must be \"services\" or \"agents\", not '" + kind + "'");
    if (j.contains("services")) p.services = strings(j["services"], where + ".services");
    if (j.contains("teams")) p.teams = strings(j["teams"], where + ".teams");
    if (j.contains("metrics")) {
        const auto ids = strings(j["metrics"], where + ".metrics");
        for (std::size_t i = 0; i < ids.size(); ++i) {
            auto metric = metricFromId(ids[i]);
            if (!metric) {
                fail(where + ".metrics[" + std::to_string(i) + "]",
                     "unknown metric '" + ids[i] + "' (known: " + knownMetricIds() + ")");
            }
            p.metrics.push_back(*metric);
        }
    }
    if (p.kind == PageKind::Services && p.metrics.empty()) fail(where + ".metrics", "a services page needs at least one metric");
    if (p.title.empty()) p.title = p.kind == PageKind::Agents ? "Agents" : "Services";
    return p;
}

json thresholdsJson(const std::map<Metric, Threshold>& ts) {
    json out = json::object();
    for (const auto& [metric, t] : ts) out[std::string(metricId(metric))] = {{"amber", t.amber}, {"red", t.red}};
    return out;
}

}  // namespace

const Threshold* Board::thresholdFor(const std::string& serviceId, Metric metric) const {
    if (auto s = serviceThresholds.find(serviceId); s != serviceThresholds.end()) {
        if (auto t = s->second.find(metric); t != s->second.end()) return &t->second;
    }
    if (auto t = thresholds.find(metric); t != thresholds.end()) return &t->second;
    return nullptr;
}

Board defaultBoard() {
    Board b;
    b.thresholds = {{Metric::InQueue, {5, 10}},          {Metric::LongestWait, {60, 120}},
                    {Metric::ServiceLevel, {80, 70}},    {Metric::AverageSpeedOfAnswer, {20, 40}},
                    {Metric::AverageHandleTime, {420, 600}}, {Metric::Abandoned, {5, 10}}};
    b.pages.push_back(Page{"All services", PageKind::Services, {},
                           {Metric::InQueue, Metric::LongestWait, Metric::ServiceLevel, Metric::AverageSpeedOfAnswer,
                            Metric::AverageHandleTime, Metric::Abandoned},
                           {}});
    b.pages.push_back(Page{"Agents", PageKind::Agents, {}, {}, {}});
    b.ticker = {"Service level target: 80% answered within the threshold"};
    return b;
}

BoardRead boardFromJson(const json& j) {
    try {
        if (!j.is_object()) fail("board", "must be a JSON object");
        if (j.contains("version")) {
            if (!j["version"].is_number_integer()) fail("version", "must be a whole number");
            if (j["version"].get<int>() > Board::kVersion) {
                fail("version", "this board was written by a newer AgentDesk (version " +
                                    std::to_string(j["version"].get<int>()) + "; this one reads " +
                                    std::to_string(Board::kVersion) + ")");
            }
        }
        Board b;
        if (j.contains("name")) {
            if (!j["name"].is_string()) fail("name", "must be a text");
            b.name = j["name"].get<std::string>();
        }
        b.rotateSeconds = intIn(j, "rotateSeconds", b.rotateSeconds, 3, 3600);
        b.flashSeconds = intIn(j, "flashSeconds", b.flashSeconds, 0, 600);
        b.tickerSeconds = intIn(j, "tickerSeconds", b.tickerSeconds, 2, 600);
        if (j.contains("ticker")) b.ticker = strings(j["ticker"], "ticker");
        if (j.contains("thresholds")) b.thresholds = thresholds(j["thresholds"], "thresholds");
        if (j.contains("serviceThresholds")) {
            const json& st = j["serviceThresholds"];
            if (!st.is_object()) fail("serviceThresholds", "must be an object of service id: thresholds");
            for (const auto& [service, ts] : st.items()) b.serviceThresholds[service] = thresholds(ts, "serviceThresholds." + service);
        }
        if (!j.contains("pages")) fail("pages", "missing: a board needs at least one page");
        const json& pages = j["pages"];
        if (!pages.is_array() || pages.empty()) fail("pages", "must be a list of at least one page");
        for (std::size_t i = 0; i < pages.size(); ++i) b.pages.push_back(page(pages[i], "pages[" + std::to_string(i) + "]"));
        return {std::move(b), {}};
    } catch (const BoardError& e) {
        return {std::nullopt, e.message};
    } catch (const json::exception& e) {
        return {std::nullopt, e.what()};
    }
}

json toJson(const Board& b) {
    json pages = json::array();
    for (const Page& p : b.pages) {
        json page = {{"title", p.title}, {"kind", p.kind == PageKind::Agents ? "agents" : "services"}};
        if (!p.services.empty()) page["services"] = p.services;
        if (!p.teams.empty()) page["teams"] = p.teams;
        if (p.kind == PageKind::Services) {
            json metrics = json::array();
            for (Metric m : p.metrics) metrics.push_back(std::string(metricId(m)));
            page["metrics"] = metrics;
        }
        pages.push_back(page);
    }
    json out = {{"version", Board::kVersion},     {"name", b.name},
                {"rotateSeconds", b.rotateSeconds}, {"flashSeconds", b.flashSeconds},
                {"tickerSeconds", b.tickerSeconds}, {"ticker", b.ticker},
                {"thresholds", thresholdsJson(b.thresholds)}, {"pages", pages}};
    if (!b.serviceThresholds.empty()) {
        json st = json::object();
        for (const auto& [service, ts] : b.serviceThresholds) st[service] = thresholdsJson(ts);
        out["serviceThresholds"] = st;
    }
    return out;
}

BoardRead loadBoardFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        const bool exists = std::filesystem::exists(file, ec);
        return {std::nullopt, "board " + file.string() + (exists ? " cannot be read" : " does not exist")};
    }
    std::stringstream text;
    text << in.rdbuf();
    json j = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        // Parse again for the position of the first error, in words.
        try {
            const json again = json::parse(text.str());
            (void)again;
        } catch (const json::parse_error& e) {
            std::string what = e.what();
            if (auto at = what.find("parse error"); at != std::string::npos) what = what.substr(at);
            return {std::nullopt, "board " + file.string() + " is not valid JSON: " + what};
        }
        return {std::nullopt, "board " + file.string() + " is not valid JSON"};
    }
    BoardRead read = boardFromJson(j);
    if (!read.board) read.error = "board " + file.string() + ": " + read.error;
    return read;
}

bool saveBoardFile(const std::filesystem::path& file, const Board& board, std::string& error) {
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    const std::filesystem::path temp = file.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = "cannot write " + temp.string();
            return false;
        }
        out << toJson(board).dump(2) << '\n';
        out.flush();
        if (!out) {
            error = "cannot write " + temp.string() + " (disk full?)";
            return false;
        }
    }
    std::filesystem::rename(temp, file, ec);
    if (ec) {
        error = "cannot replace " + file.string() + ": " + ec.message();
        std::filesystem::remove(temp, ec);
        return false;
    }
    return true;
}

}  // namespace agentdesk::wallboard
