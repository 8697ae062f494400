#include "media/picture_cache.hpp"

#include "core/logging.hpp"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

namespace agentdesk::host {

namespace {

struct StbFree {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

}  // namespace

DecodedPicture decodePicture(const std::vector<char>& encoded, int maxEdge) {
    DecodedPicture out;
    maxEdge = std::clamp(maxEdge, 1, kMaxTextureEdge);
    if (encoded.empty() || encoded.size() > static_cast<std::size_t>(INT_MAX)) {
        out.problem = encoded.empty() ? "the file is empty" : "the file is too large";
        return out;
    }
    const auto* bytes = reinterpret_cast<const stbi_uc*>(encoded.data());
    const int length = static_cast<int>(encoded.size());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(bytes, length, &width, &height, &channels)) {
        out.problem = fmt::format("not a picture this desktop reads ({})", stbi_failure_reason());
        return out;
    }
    if (width <= 0 || height <= 0 || static_cast<long long>(width) * height > kMaxPicturePixels) {
        out.problem = fmt::format("{} x {} pixels is larger than the {} million a picture may have", width, height,
                                  kMaxPicturePixels / 1'000'000);
        return out;
    }
    std::unique_ptr<unsigned char, StbFree> pixels(stbi_load_from_memory(bytes, length, &width, &height, &channels, 4));
    if (!pixels) {
        out.problem = fmt::format("the picture is damaged ({})", stbi_failure_reason());
        return out;
    }
    out.width = width;
    out.height = height;
    const double scale = std::min(1.0, static_cast<double>(maxEdge) / std::max(width, height));
    out.pixelsWidth = std::max(1, static_cast<int>(std::lround(width * scale)));
    out.pixelsHeight = std::max(1, static_cast<int>(std::lround(height * scale)));
    out.rgba.resize(static_cast<std::size_t>(out.pixelsWidth) * out.pixelsHeight * 4);
    if (scale == 1.0) {
        std::copy_n(pixels.get(), out.rgba.size(), out.rgba.begin());
    } else if (!stbir_resize_uint8_srgb(pixels.get(), width, height, 0, out.rgba.data(), out.pixelsWidth,
                                        out.pixelsHeight, 0, 4, 3, 0)) {
        out = DecodedPicture{};
        out.problem = "the picture could not be scaled";
    }
    return out;
}

PictureCache::PictureCache(TextureFunctions textures, std::size_t capacity, bool background, std::function<void()> wake)
    : textures_(std::move(textures)), capacity_(std::max<std::size_t>(1, capacity)), wake_(std::move(wake)) {
    if (background) worker_ = std::jthread([this](std::stop_token stop) { work(stop); });
}

PictureCache::~PictureCache() {
    if (worker_.joinable()) {
        worker_.request_stop();
        jobReady_.notify_all();
        worker_.join();
    }
    clear();
}

std::string PictureCache::fullKey(std::string_view owner, std::string_view key) {
    std::string full;
    full.reserve(owner.size() + key.size() + 1);
    full.append(owner).push_back('\x1f');
    full.append(key);
    return full;
}

Picture PictureCache::load(std::string_view owner, std::string_view key, const std::vector<char>& encoded, int maxEdge) {
    std::string full = fullKey(owner, key);
    if (auto it = entries_.find(full); it != entries_.end()) {
        it->second.lastUsed = ++tick_;
        return it->second.picture;
    }
    Entry& entry = entries_[full];
    entry.picture.state = Picture::State::Loading;
    entry.lastUsed = ++tick_;
    entry.job = ++nextJob_;
    if (worker_.joinable()) {
        {
            std::lock_guard lock(mutex_);
            jobs_.push_back({entry.job, full, encoded, maxEdge});
        }
        jobReady_.notify_one();
    } else {
        finish(full, entry, decodePicture(encoded, maxEdge));
    }
    const Picture answer = entry.picture;
    evict();
    return answer;
}

Picture PictureCache::find(std::string_view owner, std::string_view key) {
    auto it = entries_.find(fullKey(owner, key));
    if (it == entries_.end()) return {};
    it->second.lastUsed = ++tick_;
    return it->second.picture;
}

void PictureCache::forget(std::string_view owner, std::string_view key) {
    auto it = entries_.find(fullKey(owner, key));
    if (it == entries_.end()) return;
    release(it->second);
    entries_.erase(it);
}

void PictureCache::forgetOwner(std::string_view owner) {
    const std::string prefix = fullKey(owner, "");
    for (auto it = entries_.lower_bound(prefix); it != entries_.end() && it->first.starts_with(prefix);) {
        release(it->second);
        it = entries_.erase(it);
    }
}

void PictureCache::clear() {
    for (auto& [key, entry] : entries_) release(entry);
    entries_.clear();
    textures_ = {};
}

std::size_t PictureCache::pump() {
    std::vector<Done> done;
    {
        std::lock_guard lock(mutex_);
        done.swap(done_);
    }
    std::size_t finished = 0;
    for (Done& d : done) {
        auto it = entries_.find(d.key);
        // Forgotten (or forgotten and asked for again) while it was decoded: not wanted any more.
        if (it == entries_.end() || it->second.job != d.id) continue;
        finish(d.key, it->second, std::move(d.decoded));
        ++finished;
    }
    if (finished) evict();
    return finished;
}

void PictureCache::finish(std::string_view key, Entry& entry, DecodedPicture decoded) {
    entry.job = 0;
    if (!decoded.problem.empty()) {
        appLog().warn("picture {}: {}", key.substr(key.find('\x1f') + 1), decoded.problem);
        entry.picture = {Picture::State::Unreadable, nullptr, 0, 0};
        return;
    }
    entry.picture = {Picture::State::Ready, nullptr, decoded.width, decoded.height};
    if (textures_.create) {
        entry.picture.texture = textures_.create(decoded.pixelsWidth, decoded.pixelsHeight, decoded.rgba.data());
        if (!entry.picture.texture) entry.picture.state = Picture::State::Unreadable;
    }
}

void PictureCache::release(Entry& entry) {
    if (entry.picture.texture && textures_.destroy) textures_.destroy(entry.picture.texture);
    entry.picture.texture = nullptr;
}

void PictureCache::evict() {
    // Least recently drawn first; a picture still being decoded stays (its answer is on the way).
    while (entries_.size() > capacity_) {
        auto oldest = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second.picture.state == Picture::State::Loading) continue;
            if (oldest == entries_.end() || it->second.lastUsed < oldest->second.lastUsed) oldest = it;
        }
        if (oldest == entries_.end()) return;
        release(oldest->second);
        entries_.erase(oldest);
    }
}

void PictureCache::work(std::stop_token stop) {
    while (true) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            if (!jobReady_.wait(lock, stop, [this] { return !jobs_.empty(); })) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        Done done{job.id, std::move(job.key), decodePicture(job.encoded, job.maxEdge)};
        {
            std::lock_guard lock(mutex_);
            done_.push_back(std::move(done));
        }
        if (wake_) wake_();
    }
}

}  // namespace agentdesk::host
