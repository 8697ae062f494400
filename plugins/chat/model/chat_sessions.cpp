#include "model/chat_sessions.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/local_files.hpp>

#include <algorithm>

namespace agentdesk::chat {

namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace

ChatSessions::ChatSessions(Bus& bus, const Clock& clock, Attention attention, DraftsChanged draftsChanged)
    : bus_(bus),
      clock_(clock),
      attention_(std::move(attention)),
      draftsChanged_(std::move(draftsChanged)),
      agent_(bus, [this](const std::string& agentId) {
          if (agentId.empty()) {
              sessions_.clear();
              offers_.clear();
              active_.clear();
              ++revision_;
              return;
          }
          command(events::GetCanned{agentId});
          command(events::GetForms{agentId});
      }) {
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& e) {
        if (e.channel == Channel::Chat && agent_.is(e.agentId)) offers_[e.interactionId] = e;
    }));
    subscriptions_.push_back(bus_.subscribe<events::OfferWithdrawn>(
        [this](const events::OfferWithdrawn& e) { offers_.erase(e.interactionId); }));
    subscriptions_.push_back(bus_.subscribe<events::Connected>([this](const events::Connected& e) {
        if (e.channel != Channel::Chat || !agent_.is(e.agentId)) return;
        auto offer = offers_.find(e.interactionId);
        if (offer == offers_.end() || findMutable(e.interactionId)) return;
        ChatSession session;
        session.offer = offer->second;
        offers_.erase(offer);
        if (auto draft = savedDrafts_.find(e.interactionId); draft != savedDrafts_.end()) {
            session.draft = draft->second;
            savedDrafts_.erase(draft);
        }
        sessions_.push_back(std::move(session));
        ++revision_;
        command(events::GetTranscript{e.interactionId, agent_.id()});
        if (active_.empty()) activate(e.interactionId);
        if (attention_) attention_(sessions_.back());
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatTranscript>([this](const events::ChatTranscript& e) {
        ChatSession* session = findMutable(e.interactionId);
        if (!session) return;
        for (const events::ChatMessage& line : e.messages) addLine(*session, line);
        if (e.interactionId == active_) session->unread = 0;
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatMessage>([this](const events::ChatMessage& e, const Message& m) {
        ChatSession* session = findMutable(e.interactionId);
        if (!session) return;
        addLine(*session, e);
        if (auto sent = sendCorrelations_.find(m.correlation); sent != sendCorrelations_.end()) {
            sending_.erase(sent->second);  // the center has it: the draft's text is gone for good
            sendCorrelations_.erase(sent);
        }
        if (e.from == events::Party::Customer && e.interactionId != active_ && attention_) attention_(*session);
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatDelivery>([this](const events::ChatDelivery& e) {
        ChatSession* session = findMutable(e.interactionId);
        if (!session) return;
        for (events::ChatMessage& line : session->messages) {
            if (line.messageId == e.messageId) line.delivery = e.delivery;
        }
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatTyping>([this](const events::ChatTyping& e) {
        ChatSession* session = findMutable(e.interactionId);
        if (!session || e.party != events::Party::Customer) return;
        session->customerTyping = e.typing;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatCoBrowse>([this](const events::ChatCoBrowse& e) {
        ChatSession* session = findMutable(e.interactionId);
        if (!session) return;
        session->coBrowse = e.state;
        session->coBrowseUrl = e.url;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatForm>([this](const events::ChatForm& e) {
        ChatSession* session = findMutable(e.interactionId);
        if (!session) return;
        auto it = std::find_if(session->forms.begin(), session->forms.end(),
                               [&](const events::ChatForm& f) { return f.requestId == e.requestId; });
        if (it == session->forms.end()) session->forms.push_back(e); else *it = e;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Ended>([this](const events::Ended& e) {
        ChatSession* session = findMutable(e.interactionId);
        if (!session || !agent_.is(e.agentId)) return;
        if (e.by == events::EndedBy::Transferred || !e.wrapUp) {
            remove(e.interactionId);  // handed on, or over with nothing to wrap up
            return;
        }
        session->ended = true;
        session->endedBy = e.by;
        session->customerTyping = false;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Completed>([this](const events::Completed& e) {
        if (agent_.is(e.agentId)) remove(e.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::CannedList>([this](const events::CannedList& e) {
        if (!agent_.is(e.agentId)) return;
        canned_ = e.responses;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatForms>([this](const events::ChatForms& e) {
        forms_ = e.forms;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatFile>([this](const events::ChatFile& e, const Message& m) {
        auto it = fileRequests_.find(m.correlation);
        if (it == fileRequests_.end()) return;
        auto done = std::move(it->second);
        fileRequests_.erase(it);
        done(e);
    }));
    subscriptions_.push_back(bus_.subscribe<events::InteractionSelected>([this](const events::InteractionSelected& e) {
        if (e.channel == Channel::Chat && findMutable(e.interactionId) && e.interactionId != active_) {
            active_ = e.interactionId;
            findMutable(active_)->unread = 0;
            ++revision_;
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::InsertText>([this](const events::InsertText& e) {
        const std::string target = e.interactionId.empty() ? active_ : e.interactionId;
        if (!findMutable(target)) return;  // not a chat of ours: another editor may take it
        insertIntoDraft(target, e.text);
        bus_.publish(events::Inserted{target, e.source});
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) == sent_.end()) return;
        error_ = e.message;
        if (auto sent = sendCorrelations_.find(m.correlation); sent != sendCorrelations_.end()) {
            // Refused: the text goes back into the input so nothing typed is lost.
            if (ChatSession* session = findMutable(sent->second); session && session->draft.empty()) {
                session->draft = sending_[sent->second];
            }
            sending_.erase(sent->second);
            sendCorrelations_.erase(sent);
        }
        fileRequests_.erase(m.correlation);
        ++revision_;
    }));
}

template <typename Command>
std::uint64_t ChatSessions::command(Command command) {
    // The id is known before publishing: a synchronous bus answers inside publish().
    const std::uint64_t correlation = bus_.nextCorrelation();
    sent_.push_back(correlation);
    if (sent_.size() > 64) sent_.erase(sent_.begin());
    bus_.publish(std::move(command), correlation);
    return correlation;
}

const ChatSession* ChatSessions::find(std::string_view interactionId) const {
    auto it = std::find_if(sessions_.begin(), sessions_.end(),
                           [&](const ChatSession& s) { return s.offer.interactionId == interactionId; });
    return it == sessions_.end() ? nullptr : &*it;
}

ChatSession* ChatSessions::findMutable(std::string_view interactionId) {
    return const_cast<ChatSession*>(std::as_const(*this).find(interactionId));
}

void ChatSessions::addLine(ChatSession& session, const events::ChatMessage& line) {
    for (events::ChatMessage& known : session.messages) {
        if (known.messageId == line.messageId) {
            known = line;
            ++session.reflowed;
            ++revision_;
            return;
        }
    }
    // Lines arrive in order, except the transcript answer may cross a live line: keep time order.
    auto at = std::upper_bound(session.messages.begin(), session.messages.end(), line,
                               [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
    if (at != session.messages.end()) ++session.reflowed;
    session.messages.insert(at, line);
    if (line.from == events::Party::Customer) {
        session.customerTyping = false;
        if (session.offer.interactionId != active_) ++session.unread;
    }
    ++session.revision;
    ++revision_;
}

void ChatSessions::remove(const std::string& interactionId) {
    std::erase_if(sessions_, [&](const ChatSession& s) { return s.offer.interactionId == interactionId; });
    if (active_ == interactionId) active_ = sessions_.empty() ? "" : sessions_.front().offer.interactionId;
    ++revision_;
    if (draftsChanged_) draftsChanged_();
}

void ChatSessions::activate(const std::string& interactionId) {
    ChatSession* session = findMutable(interactionId);
    if (!session) return;
    session->unread = 0;
    ++revision_;
    if (active_ == interactionId) return;
    active_ = interactionId;
    bus_.publish(events::InteractionSelected{interactionId, Channel::Chat});
}

void ChatSessions::activateNext() {
    if (sessions_.empty()) return;
    auto it = std::find_if(sessions_.begin(), sessions_.end(),
                           [&](const ChatSession& s) { return s.offer.interactionId == active_; });
    const std::size_t next = it == sessions_.end() ? 0 : (static_cast<std::size_t>(it - sessions_.begin()) + 1) % sessions_.size();
    activate(sessions_[next].offer.interactionId);
}

void ChatSessions::setDraft(const std::string& interactionId, std::string text) {
    ChatSession* session = findMutable(interactionId);
    if (!session || session->draft == text) return;
    const bool wasTyping = !trimmed(session->draft).empty();
    session->draft = std::move(text);
    const bool typing = !trimmed(session->draft).empty();
    if (typing != wasTyping && !session->ended) {
        bus_.publish(events::ChatTyping{interactionId, events::Party::Agent, typing});
    }
    if (draftsChanged_) draftsChanged_();
}

void ChatSessions::sendDraft(const std::string& interactionId) {
    ChatSession* session = findMutable(interactionId);
    if (!session) return;
    const std::string text = trimmed(session->draft);
    if (text.empty()) return;
    if (text == "/ban") {
        session->draft.clear();
        command(events::BanCustomer{interactionId, agent_.id()});
    } else {
        sending_[interactionId] = session->draft;
        session->draft.clear();
        const std::uint64_t correlation = bus_.nextCorrelation();
        sendCorrelations_[correlation] = interactionId;
        sent_.push_back(correlation);
        bus_.publish(events::SendChat{interactionId, agent_.id(), text}, correlation);
    }
    bus_.publish(events::ChatTyping{interactionId, events::Party::Agent, false});
    ++revision_;
    if (draftsChanged_) draftsChanged_();
}

bool ChatSessions::expandShortcut(const std::string& interactionId) {
    ChatSession* session = findMutable(interactionId);
    if (!session) return false;
    const auto hash = session->draft.rfind('#');
    if (hash == std::string::npos) return false;
    const std::string shortcut = session->draft.substr(hash + 1);
    for (const events::CannedResponse& response : canned_) {
        if (!response.shortcut.empty() && response.shortcut == shortcut) {
            std::string text = response.text;
            // Shared responses may greet with the agent's name.
            if (auto at = text.find("{agent}"); at != std::string::npos) text.replace(at, 7, agent_.login().displayName);
            setDraft(interactionId, session->draft.substr(0, hash) + text);
            return true;
        }
    }
    return false;
}

void ChatSessions::insertIntoDraft(const std::string& interactionId, const std::string& text) {
    ChatSession* session = findMutable(interactionId);
    if (!session) return;
    std::string draft = session->draft;
    if (!draft.empty() && draft.back() != ' ' && draft.back() != '\n') draft += ' ';
    std::string insert = text;
    if (auto at = insert.find("{agent}"); at != std::string::npos) insert.replace(at, 7, agent_.login().displayName);
    setDraft(interactionId, draft + insert);
}

void ChatSessions::sendFile(const std::string& interactionId, const std::filesystem::path& file) {
    std::optional<LocalFile> read = readLocalFile(file, kLargestFileToSend, error_);
    if (!read) {
        ++revision_;
        return;
    }
    command(events::SendFile{interactionId, agent_.id(), std::move(read->name), std::move(read->mimeType), std::move(read->data), ""});
}

void ChatSessions::transferToAgent(const std::string& interactionId, const std::string& agentId, const std::string& note) {
    command(events::TransferChat{interactionId, agent_.id(), agentId, "", note});
}

void ChatSessions::transferToService(const std::string& interactionId, const std::string& serviceId,
                                     const std::string& note) {
    command(events::TransferChat{interactionId, agent_.id(), "", serviceId, note});
}

void ChatSessions::sendForm(const std::string& interactionId, const std::string& formId) {
    command(events::SendForm{interactionId, agent_.id(), formId});
}

void ChatSessions::requestCoBrowse(const std::string& interactionId) {
    command(events::RequestCoBrowse{interactionId, agent_.id()});
}

void ChatSessions::stopCoBrowse(const std::string& interactionId) {
    command(events::StopCoBrowse{interactionId, agent_.id()});
}

void ChatSessions::end(const std::string& interactionId) { command(events::Release{interactionId, agent_.id()}); }

void ChatSessions::saveCanned(events::CannedResponse response) { command(events::SaveCanned{agent_.id(), std::move(response)}); }

void ChatSessions::deleteCanned(const std::string& id) { command(events::DeleteCanned{agent_.id(), id}); }

void ChatSessions::fetchFile(const std::string& fileId, std::function<void(const events::ChatFile&)> done) {
    const std::uint64_t correlation = bus_.nextCorrelation();
    fileRequests_[correlation] = std::move(done);
    sent_.push_back(correlation);
    bus_.publish(events::GetFile{fileId}, correlation);
}

std::map<std::string, std::string> ChatSessions::drafts() const {
    std::map<std::string, std::string> all(savedDrafts_.begin(), savedDrafts_.end());
    for (const ChatSession& session : sessions_) {
        if (!session.draft.empty()) all[session.offer.interactionId] = session.draft;
    }
    return all;
}

void ChatSessions::restoreDrafts(std::map<std::string, std::string> drafts) {
    for (auto& [id, text] : drafts) {
        if (ChatSession* session = findMutable(id)) session->draft = std::move(text);
        else savedDrafts_[id] = std::move(text);
    }
    ++revision_;
}

std::string ChatSessions::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::chat
