#include "core/logging.hpp"

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace agentdesk::host {

namespace {

std::shared_ptr<spdlog::logger> g_logger;
std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> g_ring;
std::filesystem::path g_file;

}  // namespace

void initLogging(const std::filesystem::path& logDir, bool verboseConsole) {
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(verboseConsole ? spdlog::level::info : spdlog::level::warn);
    sinks.push_back(console);
    g_ring = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(2000);
    sinks.push_back(g_ring);
    g_file = logDir / "agentdesk.log";
    try {
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(g_file.string(), 5 * 1024 * 1024, 3));
    } catch (const spdlog::spdlog_ex& e) {
        console->log(spdlog::details::log_msg("agentdesk", spdlog::level::warn,
                                              std::string("log file unavailable: ") + e.what()));
    }
    g_logger = std::make_shared<spdlog::logger>("agentdesk", sinks.begin(), sinks.end());
    g_logger->set_level(spdlog::level::debug);
    g_logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
    g_logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(g_logger);
    spdlog::flush_every(std::chrono::seconds(2));
}

spdlog::logger& appLog() {
    if (!g_logger) {
        g_logger = spdlog::stderr_color_mt("agentdesk-early");
        g_logger->set_level(spdlog::level::warn);
    }
    return *g_logger;
}

std::vector<std::string> recentLogLines(std::size_t max) {
    if (!g_ring) return {};
    return g_ring->last_formatted(max);
}

std::filesystem::path currentLogFile() { return g_file; }

}  // namespace agentdesk::host
