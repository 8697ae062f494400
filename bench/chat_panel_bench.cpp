// The Chats panel at its worst: 20 concurrent chats of 2,000 lines each. Measures the CPU time
// of one frame (ImGui NewFrame, the panel's drawing, Render) with no GPU: the cost the frame loop
// pays whenever the desktop redraws. Lines are clipped to the view, so the figure should not
// depend on the transcript's length.

#include "model/chat_sessions.hpp"
#include "view/chat_panel.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/runtime/harness.hpp>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

using namespace agentdesk;

namespace {

/// Just enough host for a panel to draw: the harness's bus, clock and timers; nothing is shown.
class BenchHost final : public HostApi, private Logger {
public:
    explicit BenchHost(Harness& harness) : harness_(harness) {}
    std::string_view pluginId() const override { return "chat"; }
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

private:
    void write(LogLevel, std::string_view) override {}
    Harness& harness_;
    PluginPaths paths_;
};

void chatPanelFrames(benchmark::State& state, bool chatting) {
    const int chats = 20;
    const auto lines = static_cast<int>(state.range(0));
    Harness harness;
    BenchHost host(harness);
    chat::ChatSessions model(harness.bus, harness.clock);
    chat::ChatPanel panel(model, host);
    // This desktop's agent logs in (the engine's answer, by hand), then 20 chats connect.
    const std::uint64_t login = harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
    events::LoggedIn in;
    in.agentId = "u-anna";
    in.displayName = "Anna";
    harness.bus.publish(in, login);
    for (int c = 0; c < chats; ++c) {
        events::Offered offer;
        offer.interactionId = fmt::format("chat-{}", c);
        offer.agentId = "u-anna";
        offer.channel = Channel::Chat;
        offer.customerName = fmt::format("Customer {}", c);
        offer.serviceName = "Web chat support";
        harness.bus.publish(offer);
        harness.bus.publish(events::Connected{offer.interactionId, "u-anna", Channel::Chat, "support-chat", 0});
        events::ChatTranscript transcript{offer.interactionId, {}};
        for (int i = 0; i < lines; ++i) {
            events::ChatMessage line;
            line.interactionId = offer.interactionId;
            line.messageId = fmt::format("{}-{}", c, i);
            line.from = i % 2 ? events::Party::Agent : events::Party::Customer;
            line.authorName = i % 2 ? "Anna" : offer.customerName;
            line.text = fmt::format("Line {} of a long conversation about tents, boots and the delivery to the lake, "
                                    "long enough to wrap onto a second line in a narrow panel.", i);
            line.atMs = 1'700'000'000'000 + i * 1000;
            transcript.messages.push_back(std::move(line));
        }
        harness.bus.publish(transcript);
    }

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    auto frame = [&] {
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("Chats");
        panel.draw();
        ImGui::End();
        ImGui::Render();
    };
    frame();  // the first frame measures every line's height once
    frame();
    int next = lines;
    for (auto _ : state) {
        if (chatting) {
            events::ChatMessage line;
            line.interactionId = model.active();
            line.messageId = fmt::format("live-{}", next);
            line.text = "One more question about the delivery.";
            line.atMs = 1'700'000'000'000 + static_cast<std::int64_t>(next++) * 1000;
            harness.bus.publish(line);
        }
        frame();
        benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
    }
    state.counters["chats"] = chats;
    state.counters["lines_per_chat"] = lines;
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
    ImGui::DestroyContext();
}

/// Frames with nothing new: what a redraw costs.
void BM_ChatPanelFrame(benchmark::State& state) { chatPanelFrames(state, false); }

/// A customer line arrives in the chat on screen before every frame.
void BM_ChatPanelFrameWhileChatting(benchmark::State& state) { chatPanelFrames(state, true); }

}  // namespace

BENCHMARK(BM_ChatPanelFrame)->Arg(20)->Arg(2000)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime();
BENCHMARK(BM_ChatPanelFrameWhileChatting)->Arg(2000)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime();

BENCHMARK_MAIN();
