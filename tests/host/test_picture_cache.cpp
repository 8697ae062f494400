#include "media/picture_cache.hpp"
#include "plugins/plugin_context.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include <unistd.h>

using namespace agentdesk;
using namespace agentdesk::host;

namespace {

std::vector<char> readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The photo a simulated customer sends in the sample chat scripts: a 160 x 120 PNG.
std::vector<char> photo() { return readFile(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario/files/broken-zip.png"); }

/// A PNG signature and header that claim `width` x `height` RGB pixels, and nothing after them.
std::vector<char> pngHeader(std::uint32_t width, std::uint32_t height) {
    std::vector<char> bytes{'\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (std::uint32_t v : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>((v >> shift) & 0xff));
    }
    for (char c : {8, 2, 0, 0, 0, 0, 0, 0, 0}) bytes.push_back(c);  // depth, colour type, methods, CRC
    return bytes;
}

/// Textures as counters: which exist and what size each was made.
struct FakeTextures {
    std::set<std::intptr_t> alive;
    std::intptr_t next = 1;
    int lastWidth = 0;
    int lastHeight = 0;
    int made = 0;

    TextureFunctions functions() {
        return {[this](int width, int height, const unsigned char* rgba) -> void* {
                    REQUIRE(rgba != nullptr);
                    lastWidth = width;
                    lastHeight = height;
                    ++made;
                    alive.insert(next);
                    return reinterpret_cast<void*>(next++);
                },
                [this](void* texture) { CHECK(alive.erase(reinterpret_cast<std::intptr_t>(texture)) == 1); }};
    }
};

}  // namespace

TEST_CASE("a photo is decoded at its own size and scaled down to fit the edge the plugin draws") {
    const std::vector<char> png = photo();
    REQUIRE(png.size() > 100);

    DecodedPicture small = decodePicture(png, 80);
    CHECK(small.problem.empty());
    CHECK(small.width == 160);
    CHECK(small.height == 120);
    CHECK(small.pixelsWidth == 80);
    CHECK(small.pixelsHeight == 60);
    CHECK(small.rgba.size() == 80u * 60u * 4u);

    DecodedPicture whole = decodePicture(png, 1000);
    CHECK(whole.pixelsWidth == 160);
    CHECK(whole.pixelsHeight == 120);
    // The photo is mostly green cloth: no pixel is transparent and green outweighs red.
    long long red = 0, green = 0;
    for (std::size_t i = 0; i < whole.rgba.size(); i += 4) {
        red += whole.rgba[i];
        green += whole.rgba[i + 1];
        CHECK(whole.rgba[i + 3] == 255);
    }
    CHECK(green > red);
}

TEST_CASE("what is not a picture, or claims more pixels than memory allows, is refused with the reason") {
    DecodedPicture text = decodePicture({'%', 'P', 'D', 'F', '-', '1', '.', '4'}, 100);
    CHECK(text.rgba.empty());
    CHECK(text.problem.find("not a picture") != std::string::npos);

    CHECK(decodePicture({}, 100).problem == "the file is empty");

    DecodedPicture huge = decodePicture(pngHeader(8000, 6000), 100);
    CHECK(huge.rgba.empty());
    CHECK(huge.problem.find("8000 x 6000") != std::string::npos);

    // A header that passes but no pixel data after it.
    DecodedPicture cut = decodePicture(pngHeader(16, 16), 100);
    CHECK(cut.rgba.empty());
    CHECK(cut.problem.find("damaged") != std::string::npos);
}

TEST_CASE("the cache keeps one texture per plugin and key, and frees it when forgotten") {
    FakeTextures gl;
    PictureCache cache(gl.functions(), 10, false);
    const std::vector<char> png = photo();

    Picture first = cache.load("chat", "f-1", png, 64);
    CHECK(first.state == Picture::State::Ready);
    CHECK(first.texture != nullptr);
    CHECK(first.width == 160);
    CHECK(first.height == 120);
    CHECK(gl.lastWidth == 64);
    CHECK(gl.lastHeight == 48);

    // Asking again decodes nothing; another plugin's key of the same name is its own.
    CHECK(cache.load("chat", "f-1", png, 64).texture == first.texture);
    CHECK(cache.find("chat", "f-1").texture == first.texture);
    CHECK(gl.made == 1);
    CHECK(cache.find("email", "f-1").state == Picture::State::None);
    CHECK(cache.load("email", "f-1", png, 64).texture != first.texture);
    CHECK(gl.alive.size() == 2);

    cache.forget("chat", "f-1");
    CHECK(cache.find("chat", "f-1").state == Picture::State::None);
    CHECK(gl.alive.size() == 1);

    // Something that is not a picture is remembered as such, with no texture, and not decoded again.
    Picture pdf = cache.load("chat", "f-2", {'%', 'P', 'D', 'F'}, 64);
    CHECK(pdf.state == Picture::State::Unreadable);
    CHECK(pdf.texture == nullptr);
    CHECK(cache.find("chat", "f-2").state == Picture::State::Unreadable);

    cache.forgetOwner("email");
    CHECK(gl.alive.empty());
    CHECK(cache.find("chat", "f-2").state == Picture::State::Unreadable);

    cache.load("chat", "f-3", png, 64);
    cache.clear();
    CHECK(gl.alive.empty());
    CHECK(cache.size() == 0);
    // After clear (the window is gone) a picture is decoded but no texture is made.
    Picture late = cache.load("chat", "f-4", png, 64);
    CHECK(late.state == Picture::State::Ready);
    CHECK(late.texture == nullptr);
}

TEST_CASE("beyond its capacity the cache frees the picture drawn least recently") {
    FakeTextures gl;
    PictureCache cache(gl.functions(), 3, false);
    const std::vector<char> png = photo();
    for (const char* key : {"a", "b", "c"}) cache.load("chat", key, png, 32);
    cache.find("chat", "a");  // drawn again: "b" is now the oldest
    cache.load("chat", "d", png, 32);

    CHECK(cache.size() == 3);
    CHECK(cache.find("chat", "b").state == Picture::State::None);
    CHECK(cache.find("chat", "a").state == Picture::State::Ready);
    CHECK(cache.find("chat", "c").state == Picture::State::Ready);
    CHECK(cache.find("chat", "d").state == Picture::State::Ready);
    CHECK(gl.alive.size() == 3);
}

TEST_CASE("with a worker, a picture is Loading until the UI thread picks up the decode, which wakes it") {
    FakeTextures gl;
    std::atomic<int> wakes{0};
    PictureCache cache(gl.functions(), 10, true, [&] { ++wakes; });
    const std::vector<char> png = photo();

    CHECK(cache.load("chat", "f-1", png, 100).state == Picture::State::Loading);
    CHECK(cache.load("chat", "gone", png, 100).state == Picture::State::Loading);
    cache.forget("chat", "gone");  // the agent closed the chat before it was decoded
    CHECK(cache.find("chat", "f-1").state == Picture::State::Loading);

    std::size_t finished = 0;
    for (int i = 0; i < 500 && finished == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (wakes >= 2) finished += cache.pump();
    }
    CHECK(finished == 1);
    CHECK(wakes == 2);
    Picture ready = cache.find("chat", "f-1");
    CHECK(ready.state == Picture::State::Ready);
    CHECK(ready.texture != nullptr);
    CHECK(gl.made == 1);  // nothing made for the forgotten one
    CHECK(gl.lastWidth == 100);
    CHECK(gl.lastHeight == 75);
}

TEST_CASE("a plugin's pictures go through its HostApi and leave when it unloads") {
    Harness h;
    Registry registry;
    NotificationCenter notifications;
    const auto home = std::filesystem::temp_directory_path() / ("agentdesk-picture-tests-" + std::to_string(::getpid()));
    FakeTextures gl;
    PictureCache cache(gl.functions(), 10, false);
    HostServices services{h.bus, h.clock, h.timers, registry, notifications,
                          Paths{AGENTDESK_TEST_PLUGINS, AGENTDESK_TEST_ASSETS, home / "config", home / "data", home / "logs"},
                          true, {}, {}};
    services.pictures = &cache;
    Manifest chat;
    chat.id = "chat";
    Manifest email;
    email.id = "email";
    const std::vector<char> png = photo();
    {
        PluginContext chatApi(services, chat);
        PluginContext emailApi(services, email);
        HostApi& api = chatApi;
        CHECK(api.picture("f-1").state == Picture::State::None);
        CHECK(api.loadPicture("f-1", png, 64).state == Picture::State::Ready);
        CHECK(api.picture("f-1").width == 160);
        CHECK(emailApi.picture("f-1").state == Picture::State::None);
        CHECK(emailApi.loadPicture("logo", png, 64).state == Picture::State::Ready);
        api.forgetPicture("f-1");
        CHECK(api.picture("f-1").state == Picture::State::None);
        CHECK(api.loadPicture("f-2", png, 64).state == Picture::State::Ready);
        CHECK(gl.alive.size() == 2);
    }
    CHECK(gl.alive.empty());
    CHECK(cache.size() == 0);
    std::filesystem::remove_all(home);

    // A HostApi with no picture support (a test double, an older host) answers None.
    services.pictures = nullptr;
    PluginContext bare(services, chat);
    CHECK(bare.loadPicture("f-1", png, 64).state == Picture::State::None);
}
