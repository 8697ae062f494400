#include "model/support_desk.hpp"

#include <agentdesk/events/core.hpp>

#include <algorithm>

namespace agentdesk::support {

namespace {

bool isCall(Channel channel) { return channel == Channel::Voice || channel == Channel::Campaign; }

const char* modeDoing(events::SupervisionMode mode) {
    switch (mode) {
        case events::SupervisionMode::Monitor: return "is listening in";
        case events::SupervisionMode::Coach: return "is coaching you (only you hear them)";
        case events::SupervisionMode::Barge: return "has joined the conversation";
    }
    return "";
}

}  // namespace

std::string problemLabel(std::string_view problem) {
    if (problem == "echo") return "Echo";
    if (problem == "noise") return "Noise or static";
    if (problem == "one_way_audio") return "One-way audio";
    if (problem == "dropped") return "Dropped call";
    if (problem == "delay") return "Delay";
    if (problem == "other") return "Something else";
    return std::string(problem);
}

SupportDesk::SupportDesk(Bus& bus, const Clock& clock, Notifier notify)
    : bus_(bus), clock_(clock), notify_(std::move(notify)), agent_(bus, [this](const std::string& agentId) {
          reset();
          if (!agentId.empty()) send(events::ListAssistance{agentId});
      }) {
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& e) {
        if (!agent_.is(e.agentId) || find(e.interactionId)) return;
        Work work;
        work.interactionId = e.interactionId;
        work.channel = e.channel;
        const std::string& who = !e.customerName.empty() ? e.customerName : e.from;
        work.label = e.serviceName.empty() ? who : who + " - " + e.serviceName;
        work_.push_back(std::move(work));
    }));
    subscriptions_.push_back(bus_.subscribe<events::OfferWithdrawn>([this](const events::OfferWithdrawn& e) {
        if (agent_.is(e.agentId)) forget(e.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::Connected>([this](const events::Connected& e) {
        if (Work* work = agent_.is(e.agentId) ? find(e.interactionId) : nullptr) work->connected = true;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Ended>([this](const events::Ended& e) {
        Work* work = agent_.is(e.agentId) ? find(e.interactionId) : nullptr;
        if (!work) return;
        work->connected = false;
        work->ended = true;
        if (!isCall(work->channel)) forget(e.interactionId);
        // Calls stay (a quality problem is often reported right after one); only the last few.
        auto ended = std::count_if(work_.begin(), work_.end(), [](const Work& w) { return w.ended; });
        for (auto it = work_.begin(); ended > static_cast<std::ptrdiff_t>(recentCalls) && it != work_.end();) {
            if (it->ended) {
                it = work_.erase(it);
                --ended;
            } else {
                ++it;
            }
        }
    }));

    subscriptions_.push_back(bus_.subscribe<events::AssistanceRequested>([this](const events::AssistanceRequested& e) {
        if (agent_.is(e.request.agentId)) mine_.push_back(e.request);
        else raised_.push_back(e.request);
    }));
    subscriptions_.push_back(bus_.subscribe<events::OpenAssistance>([this](const events::OpenAssistance& e, const Message& m) {
        if (std::find(pending_.begin(), pending_.end(), m.correlation) == pending_.end()) return;
        mine_.clear();
        raised_.clear();
        for (const auto& request : e.requests) (agent_.is(request.agentId) ? mine_ : raised_).push_back(request);
    }));
    subscriptions_.push_back(bus_.subscribe<events::AssistanceCleared>([this](const events::AssistanceCleared& e) {
        auto drop = [&](std::vector<events::AssistanceRequest>& list) {
            std::erase_if(list, [&](const auto& r) { return r.requestId == e.requestId; });
        };
        drop(mine_);
        drop(raised_);
    }));
    subscriptions_.push_back(bus_.subscribe<events::SupervisionStarted>([this](const events::SupervisionStarted& e) {
        if (agent_.is(e.supervisorId)) supervising_ = e;
        if (!agent_.is(e.agentId)) return;
        auto same = std::find_if(onMine_.begin(), onMine_.end(), [&](const auto& s) { return s.supervisorId == e.supervisorId; });
        const bool changed = same == onMine_.end() || same->mode != e.mode;
        if (same != onMine_.end()) *same = e;
        else onMine_.push_back(e);
        if (changed && notify_) notify_(false, "Supervisor", e.supervisorName + " " + modeDoing(e.mode) + ".");
    }));
    subscriptions_.push_back(bus_.subscribe<events::SupervisionEnded>([this](const events::SupervisionEnded& e) {
        if (agent_.is(e.supervisorId) && supervising_ && supervising_->interactionId == e.interactionId) supervising_.reset();
        const auto before = onMine_.size();
        std::erase_if(onMine_, [&](const auto& s) { return s.supervisorId == e.supervisorId; });
        if (onMine_.size() != before && notify_) notify_(false, "Supervisor", "The supervisor has left.");
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallQualityReported>([this](const events::CallQualityReported& e) {
        if (agent_.is(e.agentId) && notify_) {
            notify_(false, "Call quality", "Thank you: the problem is reported with the call (report " +
                                               std::to_string(e.reportId) + ").");
        }
    }));

    subscriptions_.push_back(bus_.subscribe<events::LogsUploadProgress>([this](const events::LogsUploadProgress& e) {
        if (e.uploadId != uploadId_ || upload_.stage != UploadStage::Sending) return;
        upload_.sent = e.received;
        sendNextChunk();
    }));
    subscriptions_.push_back(bus_.subscribe<events::LogsUploaded>([this](const events::LogsUploaded& e) {
        if (e.uploadId != uploadId_) return;
        upload_.stage = UploadStage::Done;
        upload_.sent = upload_.size;
        upload_.ticket = e.ticket;
        bundle_.clear();
        bundle_.shrink_to_fit();
        if (notify_) notify_(false, "Logs sent", "The administrator has your logs as " + e.ticket + ".");
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        auto it = std::find(pending_.begin(), pending_.end(), m.correlation);
        if (m.correlation == 0 || it == pending_.end()) return;
        lastError_ = e.message;
        if (e.command.rfind("logs.upload.", 0) == 0 && upload_.stage == UploadStage::Sending) {
            upload_.stage = UploadStage::Failed;
            upload_.error = e.message;
            bundle_.clear();
        }
        if (notify_) notify_(true, "Could not do that", e.message);
    }));
}

template <typename Command>
std::uint64_t SupportDesk::send(const Command& command) {
    const std::uint64_t correlation = bus_.nextCorrelation();
    pending_.push_back(correlation);
    if (pending_.size() > 64) pending_.erase(pending_.begin());
    bus_.publish(command, correlation);
    return correlation;
}

void SupportDesk::reset() {
    work_.clear();
    mine_.clear();
    raised_.clear();
    onMine_.clear();
    supervising_.reset();
    lastError_.clear();
}

Work* SupportDesk::find(const std::string& interactionId) {
    auto it = std::find_if(work_.begin(), work_.end(), [&](const Work& w) { return w.interactionId == interactionId; });
    return it == work_.end() ? nullptr : &*it;
}

void SupportDesk::forget(const std::string& interactionId) {
    std::erase_if(work_, [&](const Work& w) { return w.interactionId == interactionId; });
}

std::vector<const Work*> SupportDesk::connectedWork() const {
    std::vector<const Work*> result;
    for (const Work& work : work_) {
        if (work.connected) result.push_back(&work);
    }
    return result;
}

const events::AssistanceRequest* SupportDesk::handOn(const std::string& interactionId) const {
    auto it = std::find_if(mine_.begin(), mine_.end(), [&](const auto& r) { return r.interactionId == interactionId; });
    return it == mine_.end() ? nullptr : &*it;
}

std::vector<const events::SupervisionStarted*> SupportDesk::supervisorsOn(const std::string& interactionId) const {
    std::vector<const events::SupervisionStarted*> result;
    for (const auto& supervision : onMine_) {
        if (supervision.interactionId == interactionId) result.push_back(&supervision);
    }
    return result;
}

void SupportDesk::raiseHand(const std::string& interactionId, std::string note) {
    if (!agent_.loggedIn()) return;
    lastError_.clear();
    send(events::RequestAssistance{agent_.id(), interactionId, std::move(note)});
}

void SupportDesk::lowerHand(const std::string& interactionId) {
    const events::AssistanceRequest* hand = handOn(interactionId);
    if (!hand || !agent_.loggedIn()) return;
    send(events::CancelAssistance{agent_.id(), hand->requestId});
}

void SupportDesk::join(const std::string& interactionId, events::SupervisionMode mode) {
    if (!agent_.loggedIn()) return;
    lastError_.clear();
    send(events::JoinInteraction{agent_.id(), interactionId, mode});
}

void SupportDesk::leave() {
    if (!agent_.loggedIn() || !supervising_) return;
    send(events::LeaveInteraction{agent_.id(), supervising_->interactionId});
}

std::vector<const Work*> SupportDesk::reportableCalls() const {
    std::vector<const Work*> result;
    for (auto it = work_.rbegin(); it != work_.rend(); ++it) {
        if (isCall(it->channel) && (it->connected || it->ended)) result.push_back(&*it);
    }
    return result;
}

void SupportDesk::reportQuality(const std::string& interactionId, std::vector<std::string> problems, std::string comment) {
    if (!agent_.loggedIn()) return;
    lastError_.clear();
    send(events::ReportCallQuality{agent_.id(), interactionId, std::move(problems), std::move(comment)});
}

bool SupportDesk::sendLogs(std::vector<char> bundle, std::string fileName, std::string description) {
    if (!agent_.loggedIn() || upload_.stage == UploadStage::Sending || bundle.empty()) return false;
    bundle_ = std::move(bundle);
    upload_ = UploadStatus{UploadStage::Sending, 0, static_cast<std::int64_t>(bundle_.size()), {}, {}};
    uploadId_ = agent_.id() + "-" + std::to_string(toEpochMs(clock_.now())) + "-" + std::to_string(++uploads_);
    lastError_.clear();
    send(events::BeginLogsUpload{agent_.id(), uploadId_, std::move(fileName), std::move(description), upload_.size});
    return true;
}

void SupportDesk::sendNextChunk() {
    if (upload_.sent >= upload_.size) {
        send(events::EndLogsUpload{uploadId_});
        return;
    }
    const auto offset = static_cast<std::size_t>(upload_.sent);
    const std::size_t length = std::min(chunkBytes, bundle_.size() - offset);
    events::LogsUploadChunk chunk{uploadId_, upload_.sent,
                                  std::vector<char>(bundle_.begin() + static_cast<std::ptrdiff_t>(offset),
                                                    bundle_.begin() + static_cast<std::ptrdiff_t>(offset + length))};
    send(chunk);
}

}  // namespace agentdesk::support
