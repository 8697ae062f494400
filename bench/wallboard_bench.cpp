// The wallboard at contact-center scale: 10,000 agents and 200 services. Measures the CPU time of
// one frame (ImGui NewFrame, the wallboard's drawing, Render) at 3840x2160 with the display fonts
// baked as the host bakes them for a 4K wall, with no GPU; and the cost of taking in the two
// snapshots the contact center publishes every 2 s, decoding included.

#include "model/wallboard_model.hpp"
#include "view/wallboard_view.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>

using namespace agentdesk;
using namespace agentdesk::wallboard;

namespace {

constexpr int kServices = 200;
constexpr int kAgents = 10'000;
constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// Just enough host for the view: the harness's bus, clock and timers, and the fonts of a 4K wall.
class BenchHost final : public HostApi, private Logger {
public:
    explicit BenchHost(Harness& harness) : harness_(harness) { display_.wallboard = true; }
    std::string_view pluginId() const override { return "wallboard"; }
    Bus& bus() override { return harness_.bus; }
    const Clock& clock() const override { return harness_.clock; }
    Timers& timers() override { return harness_.timers; }
    Logger& log() override { return *this; }
    const PluginPaths& paths() const override { return paths_; }
    bool headless() const override { return true; }
    void addPanel(PanelSpec) override {}
    void focusPanel(std::string_view) override {}
    void addTopBarItem(TopBarItem) override {}
    void addOverlay(Overlay) override {}
    void addCommand(CommandSpec) override {}
    nlohmann::json loadSettings() const override { return nlohmann::json::object(); }
    void saveSettings(const nlohmann::json&) override {}
    void notify(Notification) override {}
    void requestRedraw() override {}
    const DisplayMode& displayMode() const override { return display_; }
    ImFont* displayFont(float px) const override {
        ImFont* best = fonts.empty() ? nullptr : fonts.front();
        for (ImFont* f : fonts) {
            if (f->FontSize <= px * 1.08f) best = f;
        }
        return best;
    }
    std::vector<ImFont*> fonts;

private:
    void write(LogLevel, std::string_view) override {}
    Harness& harness_;
    PluginPaths paths_;
    DisplayMode display_;
};

events::ServiceMetricsSnapshot servicesSnapshot(TimePoint at, std::mt19937& rng) {
    events::ServiceMetricsSnapshot s;
    s.atMs = toEpochMs(at);
    std::uniform_int_distribution<int> queue(0, 12), wait(0, 200'000);
    for (int i = 0; i < kServices; ++i) {
        events::ServiceMetrics m;
        m.serviceId = fmt::format("service-{:03}", i);
        m.name = fmt::format("Service {:03} {}", i, i % 3 == 0 ? "sales line" : i % 3 == 1 ? "support chat" : "billing email");
        m.channel = static_cast<Channel>(i % 3);
        m.inQueue = queue(rng);
        m.longestWaitMs = m.inQueue ? wait(rng) : 0;
        m.offered = 400 + i;
        m.answered = 380;
        m.answeredWithinThreshold = 300 + i % 80;
        m.abandoned = i % 9;
        m.serviceLevelPct = 100.0 * m.answeredWithinThreshold / (m.answered + m.abandoned);
        m.averageSpeedOfAnswerMs = 15'000 + i * 100;
        m.averageHandleTimeMs = 300'000 + i * 1000;
        m.completed = 370;
        m.agentsReady = i % 7;
        m.agentsBusy = 20 + i % 5;
        m.agentsAfterCallWork = i % 4;
        m.agentsNotReady = i % 3;
        s.services.push_back(std::move(m));
    }
    return s;
}

events::AgentMetricsSnapshot agentsSnapshot(TimePoint at) {
    events::AgentMetricsSnapshot s;
    s.atMs = toEpochMs(at);
    for (int i = 0; i < kAgents; ++i) {
        events::AgentMetrics a;
        a.agentId = fmt::format("u-{:05}", i);
        a.displayName = fmt::format("Agent {:05} Surname", i);
        a.team = fmt::format("Team {}", i % 40);
        a.state = static_cast<AgentState>(1 + i % 4);
        a.stateSinceMs = s.atMs - (i % 600) * 1000;
        s.agents.push_back(std::move(a));
    }
    return s;
}

/// Changes the state of `share` of the agents, as two seconds of a busy center might.
void churn(events::AgentMetricsSnapshot& s, TimePoint at, int share, std::mt19937& rng) {
    s.atMs = toEpochMs(at);
    std::uniform_int_distribution<int> who(0, kAgents - 1), state(1, 4);
    for (int i = 0; i < share; ++i) {
        auto& a = s.agents[static_cast<std::size_t>(who(rng))];
        a.state = static_cast<AgentState>(state(rng));
        a.stateSinceMs = s.atMs;
    }
}

void bakeFonts(BenchHost& host) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->TexDesiredWidth = 4096;
    if (!std::filesystem::exists(kFont)) return;
    static const ImWchar ranges[] = {0x0020, 0x017F, 0x2013, 0x2014, 0x2022, 0x2022, 0x2026, 0x2026, 0};
    for (float size : {22.0f, 28.0f, 36.0f, 48.0f, 64.0f, 88.0f, 120.0f}) {
        host.fonts.push_back(io.Fonts->AddFontFromFileTTF(kFont, size * 2, nullptr, ranges));
    }
}

void wallboardFrames(benchmark::State& state, PageKind kind) {
    Harness harness;
    BenchHost host(harness);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(3840, 2160);
    io.IniFilename = nullptr;
    bakeFonts(host);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

    Board board = defaultBoard();
    board.pages = {kind == PageKind::Services ? defaultBoard().pages[0] : defaultBoard().pages[1]};
    WallboardModel model(harness.bus, harness.clock, board);
    WallboardView view(model, host);
    std::mt19937 rng(7);
    auto agents = agentsSnapshot(harness.clock.now());
    harness.bus.publish(servicesSnapshot(harness.clock.now(), rng));
    harness.bus.publish(agents);

    auto frame = [&] {
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("Wallboard", nullptr, ImGuiWindowFlags_NoDecoration);
        view.draw();
        ImGui::End();
        ImGui::Render();
    };
    frame();
    for (auto _ : state) {
        frame();
        benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
    }
    state.counters["services"] = kServices;
    state.counters["agents"] = kAgents;
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
    ImGui::DestroyContext();
}

/// A frame of the service tiles page (200 services; the tiles of one screenful are drawn).
void BM_WallboardFrameServices(benchmark::State& state) { wallboardFrames(state, PageKind::Services); }

/// A frame of the agent grid (10,000 agents; the cells of one screenful are drawn).
void BM_WallboardFrameAgents(benchmark::State& state) { wallboardFrames(state, PageKind::Agents); }

/// Both snapshots of one 2 s period through the bus (msgpack decode + incremental update), with
/// `range(0)` of the 10,000 agents changing state in between.
void BM_WallboardSnapshots(benchmark::State& state) {
    Harness harness;
    WallboardModel model(harness.bus, harness.clock, defaultBoard());
    std::mt19937 rng(11);
    auto agents = agentsSnapshot(harness.clock.now());
    harness.bus.publish(servicesSnapshot(harness.clock.now(), rng));
    harness.bus.publish(agents);
    std::vector<events::ServiceMetricsSnapshot> services;
    for (int i = 0; i < 8; ++i) services.push_back(servicesSnapshot(harness.clock.now(), rng));
    std::size_t n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        harness.clock.advance(std::chrono::seconds(2));
        churn(agents, harness.clock.now(), static_cast<int>(state.range(0)), rng);
        services[n % services.size()].atMs = toEpochMs(harness.clock.now());
        state.ResumeTiming();
        harness.bus.publish(services[n++ % services.size()]);
        harness.bus.publish(agents);
        benchmark::DoNotOptimize(model.revision());
    }
    state.counters["changed_agents"] = static_cast<double>(state.range(0));
}

/// The same update without the bus: the model's own share.
void BM_WallboardApplyOnly(benchmark::State& state) {
    Harness harness;
    WallboardModel model(harness.clock, defaultBoard());
    std::mt19937 rng(11);
    auto agents = agentsSnapshot(harness.clock.now());
    model.applyServices(servicesSnapshot(harness.clock.now(), rng));
    model.applyAgents(agents);
    std::vector<events::ServiceMetricsSnapshot> services;
    for (int i = 0; i < 8; ++i) services.push_back(servicesSnapshot(harness.clock.now(), rng));
    std::size_t n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        churn(agents, harness.clock.now(), static_cast<int>(state.range(0)), rng);
        state.ResumeTiming();
        model.applyServices(services[n++ % services.size()]);
        model.applyAgents(agents);
        benchmark::DoNotOptimize(model.revision());
    }
}

}  // namespace

BENCHMARK(BM_WallboardFrameServices)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime();
BENCHMARK(BM_WallboardFrameAgents)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime();
BENCHMARK(BM_WallboardSnapshots)->Arg(500)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_WallboardApplyOnly)->Arg(500)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime();

BENCHMARK_MAIN();
