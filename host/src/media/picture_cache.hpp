#pragma once
// Pictures plugins ask the host to show (a customer's photo in a chat): decoded from PNG, JPEG,
// GIF or BMP away from the UI thread, scaled down to the size the plugin draws, and kept as
// textures, the least recently drawn evicted first so memory stays bounded. The texture functions
// are the window's (OpenGL); without them (headless) a picture is decoded for its size only.

#include <agentdesk/host_api.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace agentdesk::host {

/// Pictures larger than this (width times height) are refused before decoding: a 5 MB file can
/// claim a size whose pixels would not fit in memory.
inline constexpr long long kMaxPicturePixels = 40'000'000;
/// The largest texture edge a plugin may ask for.
inline constexpr int kMaxTextureEdge = 2048;

/// A picture decoded and scaled to fit a square of `maxEdge` pixels: RGBA rows, top row first.
struct DecodedPicture {
    int width = 0;  ///< as encoded
    int height = 0;
    int pixelsWidth = 0;  ///< of `rgba`
    int pixelsHeight = 0;
    std::vector<unsigned char> rgba;
    std::string problem;  ///< why it could not be decoded; empty when it was
};

/// Decodes `encoded` (any thread). `maxEdge` is clamped to 1..kMaxTextureEdge.
DecodedPicture decodePicture(const std::vector<char>& encoded, int maxEdge);

/// Makes and destroys textures on the UI thread.
struct TextureFunctions {
    std::function<void*(int width, int height, const unsigned char* rgba)> create;  ///< nullptr on failure
    std::function<void(void*)> destroy;
};

class PictureCache {
public:
    /// `capacity`: pictures kept (all plugins together). `background`: decode on a worker thread,
    /// which calls `wake` when one is done; otherwise load() decodes at once (tests, headless).
    PictureCache(TextureFunctions textures, std::size_t capacity, bool background, std::function<void()> wake = {});
    ~PictureCache();
    PictureCache(const PictureCache&) = delete;
    PictureCache& operator=(const PictureCache&) = delete;

    /// Starts decoding unless `owner` already keeps a picture under `key`; returns its state.
    Picture load(std::string_view owner, std::string_view key, const std::vector<char>& encoded, int maxEdge);
    /// The picture `owner` keeps under `key` (state None if none), marked as recently drawn.
    Picture find(std::string_view owner, std::string_view key);
    void forget(std::string_view owner, std::string_view key);
    /// Drops every picture of a plugin that unloads.
    void forgetOwner(std::string_view owner);
    /// Destroys every texture and makes no more (before the window's GL context goes).
    void clear();
    /// Turns finished decodes into textures; the UI thread calls it before each frame. Returns how
    /// many pictures became Ready or Unreadable.
    std::size_t pump();
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        Picture picture;
        std::uint64_t lastUsed = 0;
        std::uint64_t job = 0;  ///< the decode this entry waits for while Loading
    };
    struct Job {
        std::uint64_t id = 0;
        std::string key;
        std::vector<char> encoded;
        int maxEdge = 0;
    };
    struct Done {
        std::uint64_t id = 0;
        std::string key;
        DecodedPicture decoded;
    };

    static std::string fullKey(std::string_view owner, std::string_view key);
    /// Makes the texture of a decoded picture (`key` as fullKey made it), or logs why there is none.
    void finish(std::string_view key, Entry& entry, DecodedPicture decoded);
    void release(Entry& entry);
    void evict();
    void work(std::stop_token stop);

    TextureFunctions textures_;
    std::size_t capacity_;
    std::function<void()> wake_;
    std::map<std::string, Entry, std::less<>> entries_;  // UI thread only
    std::uint64_t tick_ = 0;
    std::uint64_t nextJob_ = 0;

    std::mutex mutex_;  // guards jobs_ and done_
    std::condition_variable_any jobReady_;
    std::deque<Job> jobs_;
    std::vector<Done> done_;
    std::jthread worker_;  // last: stops and joins before the queues go
};

}  // namespace agentdesk::host
