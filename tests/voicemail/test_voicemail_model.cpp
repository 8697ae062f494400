// The Voicemail panel's model against the embedded contact center (UI-12..14): what the agent sees
// in the list and the top bar after each step, the player on the virtual clock, call-backs, the
// forwarding form, and the WAV and sound-device helpers.

#include "model/audio_output.hpp"
#include "model/contact_center.hpp"
#include "model/voice_service.hpp"
#include "model/voicemail_model.hpp"
#include "store/engine_store.hpp"
#include "store/personal_line.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;
using voicemail::VoicemailModel;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski")};
    engine::ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    config.services = {voice};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

/// Sound output that records what it was asked to play.
struct FakeAudio final : voicemail::AudioOutput {
    std::string reason;
    std::vector<std::pair<std::string, std::int64_t>> started;
    int stops = 0;
    std::string unavailableReason() const override { return reason; }
    bool start(const std::filesystem::path& wav, std::int64_t fromMs) override {
        started.emplace_back(wav.string(), fromMs);
        return true;
    }
    void stop() override { ++stops; }
};

struct Desk {
    agentdesk::testing::ScratchDir dir{"agentdesk-voicemail-model"};
    Harness harness;
    agentdesk::testing::BusLog log{harness.bus};
    engine::EngineStore store{dir.path() / "engine.db"};
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    engine::VoiceService voice{contactCenter, harness.bus, harness.clock};
    engine::PersonalLine line{contactCenter, store, harness.bus, harness.clock, dir.path() / "voicemail",
                              engine::HashCost::Minimal};
    FakeAudio audio;
    std::vector<std::string> notes;
    VoicemailModel model{harness.bus, harness.clock, audio,
                         [this](const std::string& title, const std::string& text) { notes.push_back(title + ": " + text); }};

    Desk() {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    }
    /// A caller leaves a message while the agent is on another call (straight to voicemail).
    void leaveMessage(std::string customerId, std::string from, int seconds) {
        harness.bus.publish(events::PersonalCall{"u-anna", std::move(from), std::move(customerId), "", seconds});
        const auto offers = log.all<events::Offered>();
        if (!offers.empty() && offers.back().first.personal &&
            contactCenter.interaction(offers.back().first.interactionId)) {
            REQUIRE_FALSE(contactCenter.reject("u-anna", offers.back().first.interactionId));
        }
    }
};

}  // namespace

TEST_CASE("voicemail model: the box arrives at login, a new message shows in the list, the counter and a notification") {
    Desk d;
    REQUIRE(d.model.loggedIn());
    CHECK(d.model.box().agentId == "u-anna");
    CHECK(d.model.unheard() == 0);
    d.leaveMessage("c-1", "", 30);
    CHECK(d.model.unheard() == 1);
    REQUIRE(d.model.box().messages.size() == 1);
    CHECK(voicemail::callerText(d.model.box().messages[0]) == "Maria Lopez (+34 612 345 678)");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0] == "New voicemail: Maria Lopez (+34 612 345 678) left a message (0:30).");

    d.harness.bus.publish(events::LogoutRequest{"u-anna"});
    CHECK_FALSE(d.model.loggedIn());
    CHECK(d.model.box().messages.empty());
}

TEST_CASE("voicemail model: playing moves with the clock, marks the message heard, pauses, seeks and stops at the end") {
    Desk d;
    d.leaveMessage("", "+1 555 0100", 20);
    const std::int64_t id = d.model.box().messages[0].messageId;
    d.model.play(id);
    CHECK(d.model.playing());
    CHECK(d.model.unheard() == 0);  // playing marks it heard
    REQUIRE(d.audio.started.size() == 1);
    CHECK(d.audio.started[0].first == d.model.box().messages[0].audioFile);
    CHECK(d.audio.started[0].second == 0);
    CHECK(d.model.silentReason().empty());

    d.harness.advance(5s);
    CHECK(d.model.position() == 5'000);
    d.model.pause();
    d.harness.advance(5s);
    CHECK(d.model.position() == 5'000);
    CHECK_FALSE(d.model.playing());
    d.model.seek(12'000);
    CHECK(d.model.position() == 12'000);
    d.model.play(id);  // resumes where it is
    REQUIRE(d.audio.started.size() == 2);
    CHECK(d.audio.started[1].second == 12'000);
    d.harness.advance(30s);
    d.model.tick();
    CHECK_FALSE(d.model.playing());
    CHECK(d.model.position() == 20'000);
    d.model.play(id);  // at the end: from the start again
    CHECK(d.audio.started.back().second == 0);

    // Mark new again, then delete: the player lets go of it.
    d.model.markHeard(id, false);
    CHECK(d.model.unheard() == 1);
    d.model.remove(id);
    CHECK(d.model.box().messages.empty());
    CHECK(d.model.playingId() == 0);
}

TEST_CASE("voicemail model: without a sound device the player runs silently and says why") {
    Desk d;
    d.audio.reason = "This computer has no sound output.";
    d.leaveMessage("", "+1 555 0100", 10);
    d.model.play(d.model.box().messages[0].messageId);
    CHECK(d.model.playing());
    CHECK(d.model.silentReason() == "This computer has no sound output.");
    CHECK(d.audio.started.empty());
    d.harness.advance(3s);
    CHECK(d.model.position() == 3'000);
}

TEST_CASE("voicemail model: calling back dials the caller with the personal service, refusals show") {
    Desk d;
    d.leaveMessage("", "+1 555 0100", 10);
    d.model.callBack(d.model.box().messages[0].messageId);
    const auto offer = d.log.last<events::Offered>().first;
    CHECK(offer.outbound);
    CHECK(offer.from == "+15550100");
    CHECK(d.model.lastError().empty());
    // On that call already: a second call-back is refused with the engine's words.
    d.model.callBack(d.model.box().messages[0].messageId);
    CHECK(d.model.lastError() == "Finish the current call first.");
}

TEST_CASE("voicemail model: the forwarding form saves, shows in the top bar summary, refusals keep the form") {
    Desk d;
    CHECK_FALSE(d.model.forwardingActive());
    auto& form = d.model.form();
    form.forwarding.always = true;
    form.forwarding.number = "not a number";
    form.changed = true;
    d.model.saveForwarding();
    CHECK(d.model.lastError().find("not a phone number") != std::string::npos);
    CHECK(d.model.form().changed);  // what the agent typed stays to be corrected
    CHECK(d.model.form().forwarding.number == "not a number");

    form.forwarding.number = "+49 30 1234 5678";
    d.model.saveForwarding();
    CHECK(d.model.lastError().empty());
    CHECK_FALSE(d.model.form().changed);
    CHECK(d.model.form().forwarding.number == "+493012345678");
    CHECK(d.model.forwardingActive());
    CHECK(voicemail::forwardingSummary(d.model.box().forwarding) == "Forwarding all personal calls to +493012345678");

    d.harness.bus.publish(events::PersonalCall{"u-anna", "+1 555 0100", "", "", 10});
    REQUIRE_FALSE(d.notes.empty());
    CHECK(d.notes.back() == "Call forwarded: +1 555 0100's call went to +493012345678 (as you forward all calls).");
    REQUIRE(d.model.box().forwarded.size() == 1);

    d.model.stopForwarding();
    CHECK_FALSE(d.model.forwardingActive());
    CHECK(d.model.box().forwarding.number == "+493012345678");  // kept for next time
}

TEST_CASE("voicemail model: greeting and PIN changes come back in the box") {
    Desk d;
    d.model.chooseGreeting(events::Greeting::Absent, "");
    CHECK(d.model.box().greeting == events::Greeting::Absent);
    CHECK(d.model.box().greetingText.starts_with("Anna Kowalski is away"));
    d.model.setPin("12");
    CHECK(d.model.lastError() == "A voicemail PIN is 4 to 8 digits.");
    d.model.setPin("1234");
    CHECK(d.model.box().pinSet);
    d.model.removePin();
    CHECK_FALSE(d.model.box().pinSet);
}

TEST_CASE("voicemail model: summaries and lengths read as the agent expects") {
    CHECK(voicemail::durationText(0) == "0:00");
    CHECK(voicemail::durationText(75'400) == "1:15");
    events::VoicemailMessage m;
    CHECK(voicemail::callerText(m) == "Unknown caller");
    m.callerNumber = "+1 555";
    CHECK(voicemail::callerText(m) == "+1 555");
    events::CallForwarding f{false, true, true, "+4930", 15};
    CHECK(voicemail::forwardingSummary(f) == "Forwarding to +4930 when busy or after 15 s");
    f.busy = false;
    CHECK(voicemail::forwardingSummary(f) == "Forwarding to +4930 after 15 s unanswered");
    f.number.clear();
    CHECK(voicemail::forwardingSummary(f).empty());
}

TEST_CASE("audio: a WAV is cut at a position, and sound devices are read from the ALSA list") {
    agentdesk::testing::ScratchDir dir{"agentdesk-voicemail-audio"};
    const auto wav = dir.path() / "m.wav";
    engine::writeVoiceRecording(wav, 4'000, 7);
    CHECK(std::filesystem::file_size(wav) == 44 + 4 * 8000);
    const auto part = dir.path() / "part.wav";
    REQUIRE(voicemail::writeWavFrom(wav, 1'500, part));
    CHECK(std::filesystem::file_size(part) == 44 + 2'500 * 8);
    REQUIRE(voicemail::writeWavFrom(wav, 10'000, part));  // past the end: an empty recording
    CHECK(std::filesystem::file_size(part) == 44);
    std::ofstream(dir.path() / "text.wav") << "not a recording";
    CHECK_FALSE(voicemail::writeWavFrom(dir.path() / "text.wav", 0, part));

    const auto devices = dir.path() / "pcm";
    std::ofstream(devices) << "00-00: HDMI 0 : HDMI 0 : capture 1\n";
    CHECK_FALSE(voicemail::listsPlaybackDevice(devices));
    std::ofstream(devices, std::ios::app) << "01-00: ALC892 Analog : ALC892 Analog : playback 1 : capture 1\n";
    CHECK(voicemail::listsPlaybackDevice(devices));
    CHECK_FALSE(voicemail::listsPlaybackDevice(dir.path() / "missing"));
    voicemail::SystemAudio none(dir.path(), dir.path() / "missing");
    CHECK(none.unavailableReason().find("no sound output") != std::string::npos);
    CHECK_FALSE(none.start(wav, 0));
}
