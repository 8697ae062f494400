#pragma once
// A fixed number of the latest samples, oldest first: the last hour of a figure for a small chart.

#include <cstddef>
#include <vector>

namespace agentdesk::dashboard {

template <typename T>
class SampleRing {
public:
    /// Keeps the latest `capacity` samples (at least one).
    explicit SampleRing(std::size_t capacity = 120) : data_(capacity ? capacity : 1) {}

    /// Adds a sample, dropping the oldest when full.
    void push(T value) {
        data_[(start_ + size_) % data_.size()] = value;
        if (size_ < data_.size()) ++size_;
        else start_ = (start_ + 1) % data_.size();
    }
    std::size_t size() const { return size_; }
    std::size_t capacity() const { return data_.size(); }
    bool empty() const { return size_ == 0; }
    /// The i-th sample, 0 being the oldest kept.
    const T& operator[](std::size_t i) const { return data_[(start_ + i) % data_.size()]; }
    /// The newest sample; the ring must not be empty.
    const T& back() const { return (*this)[size_ - 1]; }
    /// The samples in order, oldest first (for ImGui::PlotLines, which wants contiguous values).
    std::vector<T> values() const {
        std::vector<T> out;
        out.reserve(size_);
        for (std::size_t i = 0; i < size_; ++i) out.push_back((*this)[i]);
        return out;
    }

private:
    std::vector<T> data_;
    std::size_t start_ = 0;
    std::size_t size_ = 0;
};

}  // namespace agentdesk::dashboard
