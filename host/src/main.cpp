// agentdesk: the omnichannel contact-center agent desktop.

#include "app/desktop.hpp"
#include "core/logging.hpp"
#include "core/options.hpp"
#include "core/paths.hpp"

#include <agentdesk/version.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include <unistd.h>

namespace {

std::filesystem::path executablePath(const char* argv0) {
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::absolute(argv0) : self;
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    using namespace agentdesk::host;
    std::string error;
    auto options = parseOptions(argc, argv, error);
    if (!options) {
        std::fprintf(stderr, "agentdesk: %s\n", error.c_str());
        return 2;
    }
    if (options->help) {
        std::fputs(usageText().c_str(), stdout);
        return 0;
    }
    if (options->version) {
        std::printf("AgentDesk %s (plugin SDK %s)\n", AGENTDESK_VERSION, AGENTDESK_SDK_VERSION_STRING);
        return 0;
    }
    Paths paths = resolvePaths(*options, executablePath(argv[0]));
    std::error_code ec;
    std::filesystem::create_directories(paths.logs, ec);
    initLogging(paths.logs, false);
    Desktop desktop(std::move(*options), std::move(paths), started);
    return desktop.run();
}
