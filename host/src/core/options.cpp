#include "core/options.hpp"

#include <charconv>
#include <string_view>

namespace agentdesk::host {

namespace {

bool parseInt(std::string_view text, int& out) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool parseSize(std::string_view text, int& w, int& h) {
    auto x = text.find('x');
    return x != std::string_view::npos && parseInt(text.substr(0, x), w) && parseInt(text.substr(x + 1), h) && w > 0 &&
           h > 0;
}

}  // namespace

std::string usageText() {
    return R"(Usage: agentdesk [OPTIONS]

AgentDesk, the omnichannel contact-center agent desktop.

Options:
  -h, --help               show this help and exit
  -v, --version            print the version and SDK version, and exit
  --plugins-dir DIR        load plugins from DIR (default: lib/agentdesk/plugins beside bin/)
  --config-dir DIR         settings and layouts (default: $XDG_CONFIG_HOME/agentdesk)
  --data-dir DIR           databases, drafts and logs (default: $XDG_DATA_HOME/agentdesk)
  --assets-dir DIR         scenario data, layouts, help (default: share/agentdesk beside bin/)
  --layout NAME            start with the named layout (Agent, Supervisor, Wallboard, or your own)
  --size WxH               window size for this run (e.g. 1920x1080)
  --disable-plugin ID      do not load plugin ID (repeatable)
  --dev-plugin DIR         also load the plugin in DIR (a build folder with plugin.json), before the
                           installed ones, which it replaces when they share its id, and reload
                           it when it is rebuilt (repeatable)
  --list-plugins           load plugins, print their status, and exit
  --scenario FILE          run a scenario (JSON steps) on a virtual clock; exit 1 on the first failure
  --headless               run without a window (with --scenario or --list-plugins)
  --frames N               render N frames, then exit
  --screenshot FILE.png    save the last rendered frame as PNG (with --frames)
  --wallboard              full-screen wallboard for a large display: no login, live metrics
  --monitor N              put the wallboard on monitor N (1 = first; default: the primary)
  --board FILE             the wallboard's board (JSON: tiles, services, thresholds, pages)
  --record FILE            write every bus message to FILE as it is delivered (one JSON object a line)
  --replay FILE            publish the messages of a --record file again, as timed (with --disable-plugin engine)
)";
}

std::optional<Options> parseOptions(int argc, const char* const* argv, std::string& error) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&](std::string_view name) -> std::optional<std::string> {
            if (i + 1 >= argc) {
                error = std::string(name) + " needs a value";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        if (arg == "-h" || arg == "--help") {
            options.help = true;
        } else if (arg == "-v" || arg == "--version") {
            options.version = true;
        } else if (arg == "--headless") {
            options.headless = true;
        } else if (arg == "--list-plugins") {
            options.listPlugins = true;
        } else if (arg == "--wallboard") {
            options.wallboard = true;
        } else if (arg == "--monitor") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            if (!parseInt(*v, options.monitor) || options.monitor < 1) {
                error = "--monitor needs a monitor number from 1, got '" + *v + "'";
                return std::nullopt;
            }
        } else if (arg == "--board") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            options.board = std::filesystem::path(*v);
        } else if (arg == "--plugins-dir" || arg == "--config-dir" || arg == "--data-dir" || arg == "--assets-dir" ||
                   arg == "--scenario" || arg == "--screenshot" || arg == "--record" ||
                   arg == "--replay") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            std::filesystem::path p(*v);
            if (arg == "--plugins-dir") options.pluginsDir = p;
            else if (arg == "--config-dir") options.configDir = p;
            else if (arg == "--data-dir") options.dataDir = p;
            else if (arg == "--assets-dir") options.assetsDir = p;
            else if (arg == "--scenario") options.scenario = p;
            else if (arg == "--record") options.record = p;
            else if (arg == "--replay") options.replay = p;
            else options.screenshot = p;
        } else if (arg == "--layout") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            options.layout = *v;
        } else if (arg == "--disable-plugin") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            options.disabledPlugins.push_back(*v);
        } else if (arg == "--dev-plugin") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            options.devPlugins.emplace_back(*v);
        } else if (arg == "--frames") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            if (!parseInt(*v, options.frames) || options.frames < 1) {
                error = "--frames needs a positive number, got '" + *v + "'";
                return std::nullopt;
            }
        } else if (arg == "--size") {
            auto v = value(arg);
            if (!v) return std::nullopt;
            if (!parseSize(*v, options.width, options.height)) {
                error = "--size needs WIDTHxHEIGHT, got '" + *v + "'";
                return std::nullopt;
            }
        } else {
            error = "unknown option '" + std::string(arg) + "' (see --help)";
            return std::nullopt;
        }
    }
    if (options.screenshot && options.frames == 0) options.frames = 3;
    if ((options.monitor || options.board) && !options.wallboard) {
        error = std::string(options.monitor ? "--monitor" : "--board") + " goes with --wallboard";
        return std::nullopt;
    }
    if (options.screenshot && options.headless) {
        error = "--screenshot needs a window; drop --headless";
        return std::nullopt;
    }
    return options;
}

}  // namespace agentdesk::host
