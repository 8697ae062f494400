#include "model/email_desk.hpp"

#include "model/shortcuts.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/local_files.hpp>

#include <algorithm>
#include <utility>

namespace agentdesk::email {

EmailDesk::EmailDesk(Bus& bus, const Clock& clock, Attention attention)
    : bus_(bus), clock_(clock), attention_(std::move(attention)), agent_(bus, [this](const std::string& agentId) {
          offers_.clear();
          work_.clear();
          shown_.reset();
          draft_.clear();
          draftUnsaved_ = false;
          queue_.clear();
          results_.clear();
          followUps_.clear();
          myQueue_.clear();
          myQueueLoaded_ = false;
          attachments_.clear();
          ++revision_;
          canned_.clear();
          if (agentId.empty()) return;
          refreshQueue();
          requestFollowUps();
          requestMyQueue();
          command(events::GetCanned{agentId});
      }) {
    downloadsFolder_ = downloadsFolder();
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& e) {
        if (e.channel == Channel::Email && agent_.is(e.agentId)) offers_[e.interactionId] = e;
    }));
    subscriptions_.push_back(bus_.subscribe<events::OfferWithdrawn>(
        [this](const events::OfferWithdrawn& e) { offers_.erase(e.interactionId); }));
    subscriptions_.push_back(bus_.subscribe<events::Connected>([this](const events::Connected& e) {
        auto offer = offers_.find(e.interactionId);
        if (offer == offers_.end() || !agent_.is(e.agentId)) return;
        work_.push_back({offer->second, {}, false});
        offers_.erase(offer);
        if (!shownWork()) showInteraction(e.interactionId);
        refreshQueue();
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Ended>([this](const events::Ended& e) {
        EmailWork* work = findWork(e.interactionId);
        if (!work || !agent_.is(e.agentId)) return;
        if (e.by == events::EndedBy::Transferred || !e.wrapUp) {
            std::erase_if(work_, [&](const EmailWork& w) { return w.offer.interactionId == e.interactionId; });
        } else {
            work->ended = true;
        }
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Completed>([this](const events::Completed& e) {
        std::erase_if(work_, [&](const EmailWork& w) { return w.offer.interactionId == e.interactionId; });
        ++revision_;
    }));
    // New emails are announced by email.received once stored; emails put back in a queue by Queued.
    subscriptions_.push_back(bus_.subscribe<events::Queued>([this](const events::Queued& e) {
        if (e.channel == Channel::Email && e.requeued && agent_.loggedIn()) refreshQueue();
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailCase>([this](const events::EmailCase& e, const Message& m) {
        if (m.correlation == 0 || m.correlation != caseRequest_) return;  // only the case asked for last
        const bool sameCase = shown_ && shown_->summary.caseId == e.summary.caseId;
        if (!sameCase || !draftUnsaved_) {
            draft_ = e.draft;
            draftUnsaved_ = false;
        }
        shown_ = e;
        for (EmailWork& work : work_) {
            if (work.offer.interactionId == e.summary.interactionId || work.offer.interactionId == caseRequestFor_) {
                work.caseId = e.summary.caseId;
            }
        }
        ++revision_;
    }));
    // Whoever changed the case shown (this agent, a colleague, a follow-up email), it is fetched again.
    auto refreshShown = [this](const std::string& caseId, const Message&) {
        if (shown_ && shown_->summary.caseId == caseId) showCase(caseId);
    };
    subscriptions_.push_back(bus_.subscribe<events::EmailSent>([this, refreshShown](const events::EmailSent& e, const Message& m) {
        if (m.correlation != 0 && m.correlation == replyRequest_) {
            attachments_.clear();  // they went with the reply
            ++revision_;
        }
        refreshShown(e.message.caseId, m);
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailMyQueue>([this](const events::EmailMyQueue& e) {
        if (!agent_.is(e.agentId)) return;
        if (myQueueLoaded_ && attention_) {
            // What a colleague handed over while this desktop was open is news.
            for (const events::MyQueueItem& item : e.items) {
                if (item.reason != events::MyQueueReason::Transferred) continue;
                const bool known = std::any_of(myQueue_.begin(), myQueue_.end(), [&](const events::MyQueueItem& old) {
                    return old.caseId == item.caseId && old.reason == item.reason;
                });
                if (!known) {
                    attention_("Email transferred to you", item.caseId + " " + item.subject +
                                                               (item.note.empty() ? std::string() : ": " + item.note));
                }
            }
        }
        myQueue_ = e.items;
        myQueueLoaded_ = true;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailMyQueueDue>([this](const events::EmailMyQueueDue& e) {
        if (!agent_.is(e.item.agentId) || !attention_) return;
        attention_("Postponed email", e.item.caseId + " " + e.item.subject + " is waiting in My Queue");
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailReceived>([this, refreshShown](const events::EmailReceived& e, const Message& m) {
        if (!agent_.loggedIn()) return;
        refreshQueue();
        refreshShown(e.summary.caseId, m);
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailMasked>([this, refreshShown](const events::EmailMasked& e, const Message& m) {
        refreshShown(e.message.caseId, m);
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailQueue>([this](const events::EmailQueue& e) {
        if (!agent_.is(e.agentId)) return;
        queue_ = e.waiting;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailSearchResults>([this](const events::EmailSearchResults& e) {
        if (!agent_.is(e.agentId)) return;
        results_ = e.cases;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailFollowUps>([this](const events::EmailFollowUps& e) {
        if (!agent_.is(e.agentId)) return;
        followUps_ = e.followUps;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailFollowUpScheduled>([this](const events::EmailFollowUpScheduled& e) {
        if (agent_.is(e.followUp.agentId)) requestFollowUps();
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailFollowUpDue>([this](const events::EmailFollowUpDue& e) {
        if (!agent_.is(e.followUp.agentId)) return;
        if (attention_) {
            attention_("Follow-up due", e.followUp.note.empty() ? e.followUp.caseId + " " + e.followUp.subject
                                                                : e.followUp.caseId + ": " + e.followUp.note);
        }
        requestFollowUps();
    }));
    subscriptions_.push_back(bus_.subscribe<events::InsertText>([this](const events::InsertText& e) {
        // "" means the interaction selected in the desktop: take it only when that is the email shown.
        const EmailWork* work = shownWork();
        if (!work || work->ended) return;
        if (e.interactionId.empty() ? selected_ != work->offer.interactionId : e.interactionId != work->offer.interactionId) {
            return;
        }
        insertIntoDraft(e.text);
        bus_.publish(events::Inserted{work->offer.interactionId, e.source});
    }));
    subscriptions_.push_back(bus_.subscribe<events::CannedList>([this](const events::CannedList& e) {
        if (!agent_.is(e.agentId)) return;
        canned_ = e.responses;
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::InteractionSelected>(
        [this](const events::InteractionSelected& e) { selected_ = e.interactionId; }));
    subscriptions_.push_back(bus_.subscribe<events::EmailAttachmentData>([this](const events::EmailAttachmentData& e, const Message& m) {
        if (std::erase(downloads_, m.correlation) == 0) return;  // asked for by someone else
        std::string problem;
        if (auto path = saveNewFile(downloadsFolder_, e.name, e.data, problem)) {
            saved_ = std::move(*path);
        } else {
            error_ = std::move(problem);
        }
        ++revision_;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) == sent_.end()) return;
        std::erase(downloads_, m.correlation);
        error_ = e.message;
        ++revision_;
    }));
}

template <typename Command>
std::uint64_t EmailDesk::command(Command command, std::uint64_t* remember) {
    const std::uint64_t correlation = bus_.nextCorrelation();
    if (remember) *remember = correlation;  // before publishing: the answer may come back inside publish()
    sent_.push_back(correlation);
    if (sent_.size() > 64) sent_.erase(sent_.begin());
    bus_.publish(std::move(command), correlation);
    return correlation;
}

EmailWork* EmailDesk::findWork(std::string_view interactionId) {
    for (EmailWork& work : work_) {
        if (work.offer.interactionId == interactionId) return &work;
    }
    return nullptr;
}

const EmailWork* EmailDesk::shownWork() const {
    if (!shown_) return nullptr;
    // The case's email still being worked on first; one answered and waiting for wrap-up else.
    const EmailWork* found = nullptr;
    for (const EmailWork& work : work_) {
        if (work.caseId != shown_->summary.caseId && work.offer.interactionId != shown_->summary.interactionId) continue;
        if (!work.ended) return &work;
        found = &work;
    }
    return found;
}

void EmailDesk::showCase(const std::string& caseId) {
    if (!agent_.loggedIn() || caseId.empty()) return;
    if (!shown_ || shown_->summary.caseId != caseId) saveDraft();
    caseRequestFor_.clear();
    command(events::GetEmailCase{agent_.id(), caseId, {}}, &caseRequest_);
}

void EmailDesk::showInteraction(const std::string& interactionId) {
    if (!agent_.loggedIn()) return;
    if (const EmailWork* work = findWork(interactionId); work && !work->caseId.empty()) {
        showCase(work->caseId);
        return;
    }
    saveDraft();
    caseRequestFor_ = interactionId;
    command(events::GetEmailCase{agent_.id(), {}, interactionId}, &caseRequest_);
}

// ---- the reply --------------------------------------------------------------------------------------------

void EmailDesk::setDraft(std::string text) {
    if (text == draft_) return;
    draft_ = std::move(text);
    draftUnsaved_ = true;
    ++revision_;
}

void EmailDesk::insertIntoDraft(const std::string& text) {
    std::string next = draft_;
    if (!next.empty() && next.back() != '\n') next += "\n";
    next += text;
    setDraft(std::move(next));
}

std::optional<std::size_t> EmailDesk::expandShortcut(std::size_t cursor) {
    auto expanded = email::expandShortcut(draft_, cursor, canned_, agent_.login().displayName);
    if (!expanded) return std::nullopt;
    setDraft(std::move(expanded->text));
    return expanded->cursor;
}

std::optional<events::EmailFile> readAttachment(const std::filesystem::path& file, std::string& error) {
    std::optional<LocalFile> read = readLocalFile(file, kLargestFileToSend, error);
    if (!read) return std::nullopt;
    return events::EmailFile{std::move(read->name), std::move(read->mimeType), std::move(read->data)};
}

bool EmailDesk::attach(const std::filesystem::path& file) {
    auto attached = readAttachment(file, error_);
    ++revision_;
    if (!attached) return false;
    std::erase_if(attachments_, [&](const events::EmailFile& f) { return f.name == attached->name; });  // attached again: the newer
    attachments_.push_back(std::move(*attached));
    return true;
}

void EmailDesk::removeAttachment(std::size_t index) {
    if (index >= attachments_.size()) return;
    attachments_.erase(attachments_.begin() + static_cast<std::ptrdiff_t>(index));
    ++revision_;
}

void EmailDesk::saveDraft() {
    if (!draftUnsaved_ || !shown_) return;
    draftUnsaved_ = false;
    command(events::SaveEmailDraft{shown_->summary.caseId, agent_.id(), draft_});
}

void EmailDesk::reply(bool replyAll, bool quote) {
    const EmailWork* work = shownWork();
    if (!work) return;
    draftUnsaved_ = false;
    command(events::ReplyEmail{work->offer.interactionId, agent_.id(), 0, replyAll, quote, draft_, attachments_}, &replyRequest_);
}

void EmailDesk::forward(const std::string& to, const std::string& note, std::int64_t messageId) {
    if (const EmailWork* work = shownWork()) command(events::ForwardEmail{work->offer.interactionId, agent_.id(), messageId, to, note});
}

void EmailDesk::close(const std::string& disposition, const std::string& notes) {
    if (const EmailWork* work = shownWork()) command(events::CloseEmail{work->offer.interactionId, agent_.id(), disposition, notes});
}

void EmailDesk::transferToAgent(const std::string& agentId, const std::string& note) {
    saveDraft();
    if (const EmailWork* work = shownWork()) command(events::TransferEmail{work->offer.interactionId, agent_.id(), agentId, {}, note});
}

void EmailDesk::transferToService(const std::string& serviceId, const std::string& note) {
    saveDraft();
    if (const EmailWork* work = shownWork()) command(events::TransferEmail{work->offer.interactionId, agent_.id(), {}, serviceId, note});
}

void EmailDesk::mask(std::int64_t messageId, std::int64_t start, std::int64_t length) {
    std::vector<events::MaskRange> ranges;
    if (length > 0) ranges.push_back({start, length});
    command(events::MaskEmail{agent_.id(), messageId, std::move(ranges), true});
}

void EmailDesk::scheduleFollowUp(Milliseconds after, const std::string& note) {
    if (!shown_) return;
    command(events::ScheduleFollowUp{agent_.id(), shown_->summary.caseId, toEpochMs(clock_.now() + after), note});
}

void EmailDesk::compose(const std::string& serviceId, const std::string& caseId, const std::string& to,
                        const std::string& subject, const std::string& body, std::vector<events::EmailFile> files) {
    command(events::ComposeEmail{agent_.id(), serviceId, caseId, to, subject, body, std::move(files)});
}

void EmailDesk::postpone(std::int64_t untilMs, const std::string& note) {
    saveDraft();  // the draft stays with the case for when it is taken again
    if (const EmailWork* work = shownWork(); work && !work->ended) {
        command(events::PostponeEmail{work->offer.interactionId, agent_.id(), untilMs, note});
    }
}

void EmailDesk::take(const std::string& caseId) { command(events::TakeFromMyQueue{agent_.id(), caseId}); }

void EmailDesk::finishFollowUp(std::int64_t followUpId, const std::string& note) {
    command(events::FinishFollowUp{agent_.id(), followUpId, note});
}

// ---- lists --------------------------------------------------------------------------------------------------

void EmailDesk::refreshQueue() {
    if (agent_.loggedIn()) command(events::GetEmailQueue{agent_.id()});
}

void EmailDesk::pull(const std::string& interactionId) { command(events::PullEmail{interactionId, agent_.id()}); }

void EmailDesk::search(const std::string& text, const std::string& customer, const std::string& state) {
    events::SearchEmail query;
    query.agentId = agent_.id();
    query.text = text;
    query.customer = customer;
    query.state = state;
    command(std::move(query));
}

void EmailDesk::requestFollowUps() {
    if (agent_.loggedIn()) command(events::GetFollowUps{agent_.id()});
}

void EmailDesk::requestMyQueue() {
    if (agent_.loggedIn()) command(events::GetMyQueue{agent_.id()});
}

void EmailDesk::download(std::int64_t messageId, const std::string& name) {
    // Known as this desk's request before publishing: the answer may come back inside publish().
    command(events::GetEmailAttachment{agent_.id(), messageId, name}, &downloads_.emplace_back());
}

std::filesystem::path EmailDesk::takeSaved() { return std::exchange(saved_, {}); }

std::string EmailDesk::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::email
