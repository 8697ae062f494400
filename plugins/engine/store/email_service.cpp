// The email channel: commands answer with the event the catalog names or an Error an agent can act
// on. What is stored is what was sent: card numbers in an agent's text are masked before storing.

#include "store/email_service.hpp"

#include "model/email_masking.hpp"
#include "model/text.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/local_files.hpp>
#include <agentdesk/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>

namespace agentdesk::engine {

namespace {

/// "Re: [C-1001] Damaged parcel": the prefix once, and the case number for the customer's answer.
std::string taggedSubject(std::string_view prefix, const events::EmailCaseSummary& summary) {
    std::string_view subject = summary.subject;
    return fmt::format("{}[{}] {}", prefix, summary.caseId, subject);
}

std::string quoted(const events::EmailMessage& original) {
    std::string out = fmt::format("\n\nOn {}, {} wrote:\n", text::dateTimeText(original.atMs), original.from);
    std::size_t start = 0;
    const std::string& body = original.plainBody;
    while (start <= body.size()) {
        const std::size_t end = std::min(body.find('\n', start), body.size());
        out += fmt::format("> {}\n", std::string_view(body).substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string simulatedBody(const Interaction& interaction) {
    const std::string name = interaction.customer ? interaction.customer->name : interaction.from;
    return fmt::format("Hello,\n\n{}: could you help me with this? My order number is {}.\n\nKind regards,\n{}",
                       interaction.subject.empty() ? "I have a question" : interaction.subject,
                       100000 + interaction.arrival * 37 % 900000, name);
}

std::string htmlEscaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

/// The same short email as a mail program that writes HTML only sends it: styles, markup, a
/// tracking pixel (none of which the desktop ever renders or loads).
std::string simulatedHtml(const Interaction& interaction) {
    const std::string name = interaction.customer ? interaction.customer->name : interaction.from;
    return fmt::format(
        "<html><head><style>body {{ font-family: Arial, sans-serif; }} .sig {{ color: #777; }}</style></head><body>"
        "<p>Hello,</p><p><b>{}</b>: could you help me with this? My order number is <i>{}</i>.</p>"
        "<p>Kind regards,<br><span class=\"sig\">{}</span></p>"
        "<img src=\"https://mail-tracker.example/open.gif\" width=\"1\" height=\"1\" alt=\"\"></body></html>",
        htmlEscaped(interaction.subject.empty() ? "I have a question" : interaction.subject),
        100000 + interaction.arrival * 37 % 900000, htmlEscaped(name));
}

/// The files a simulated customer attaches when writing about `subject` (services.json), read
/// from the scenario folder; one that cannot be read is left out.
std::vector<events::EmailFile> subjectFiles(const CenterConfig& config, const ServiceConfig& service, std::string_view subject) {
    std::vector<events::EmailFile> files;
    const auto listed = service.subjectFiles.find(subject);
    if (listed == service.subjectFiles.end()) return files;
    for (const std::string& name : listed->second) {
        std::string problem;
        if (std::optional<events::EmailFile> file = scenarioAttachment(config, name, problem)) files.push_back(std::move(*file));
    }
    return files;
}

}  // namespace

std::optional<events::EmailFile> scenarioAttachment(const CenterConfig& config, std::string_view name, std::string& problem) {
    const std::optional<std::filesystem::path> path = config.scenarioFile(name);
    if (!path) {
        problem = fmt::format("\"{}\" is not a file in the scenario folder.", name);
        return std::nullopt;
    }
    std::optional<LocalFile> file = readLocalFile(*path, InboundEmail::kMaxFileBytes, problem);
    if (!file) return std::nullopt;
    return events::EmailFile{std::move(file->name), std::move(file->mimeType), std::move(file->data)};
}

bool isEmailAddress(std::string_view address) {
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != std::string_view::npos) return false;
    if (address.find_first_of(" \t\r\n,;<>") != std::string_view::npos) return false;
    const std::size_t dot = address.rfind('.');
    return dot != std::string_view::npos && dot > at + 1 && dot + 1 < address.size();
}

std::string EmailService::serviceAddress(std::string_view serviceId) { return fmt::format("{}@center.example", serviceId); }

std::string EmailService::caseTagIn(std::string_view subject) {
    for (std::size_t open = subject.find("[C-"); open != std::string_view::npos; open = subject.find("[C-", open + 1)) {
        std::size_t end = open + 3;
        while (end < subject.size() && subject[end] >= '0' && subject[end] <= '9') ++end;
        if (end > open + 3 && end < subject.size() && subject[end] == ']') {
            return std::string(subject.substr(open + 1, end - open - 1));
        }
    }
    return {};
}

EmailService::EmailService(ContactCenter& center, EmailArchive& archive, Bus& bus, const Clock& clock, Timers& timers)
    : center_(center), archive_(archive), bus_(bus), clock_(clock), timers_(timers) {
    center_.addObserver(this);
    auto on = [this](auto handler) {
        return [this, handler](const auto& command, const Message& message) { (this->*handler)(command, message); };
    };
    subscriptions_.push_back(bus_.subscribe<events::GetEmailCase>(on(&EmailService::onGetCase)));
    subscriptions_.push_back(bus_.subscribe<events::GetEmailAttachment>(on(&EmailService::onGetAttachment)));
    subscriptions_.push_back(bus_.subscribe<events::ReplyEmail>(on(&EmailService::onReply)));
    subscriptions_.push_back(bus_.subscribe<events::ForwardEmail>(on(&EmailService::onForward)));
    subscriptions_.push_back(bus_.subscribe<events::ComposeEmail>(on(&EmailService::onCompose)));
    subscriptions_.push_back(bus_.subscribe<events::CloseEmail>(on(&EmailService::onClose)));
    subscriptions_.push_back(bus_.subscribe<events::TransferEmail>(on(&EmailService::onTransfer)));
    subscriptions_.push_back(bus_.subscribe<events::GetEmailQueue>(on(&EmailService::onQueue)));
    subscriptions_.push_back(bus_.subscribe<events::PullEmail>(on(&EmailService::onPull)));
    subscriptions_.push_back(bus_.subscribe<events::SaveEmailDraft>(on(&EmailService::onSaveDraft)));
    subscriptions_.push_back(bus_.subscribe<events::MaskEmail>(on(&EmailService::onMask)));
    subscriptions_.push_back(bus_.subscribe<events::ScheduleFollowUp>(on(&EmailService::onScheduleFollowUp)));
    subscriptions_.push_back(bus_.subscribe<events::SearchEmail>(on(&EmailService::onSearch)));
    subscriptions_.push_back(bus_.subscribe<events::PostponeEmail>(on(&EmailService::onPostpone)));
    subscriptions_.push_back(bus_.subscribe<events::TakeFromMyQueue>(on(&EmailService::onTake)));
    subscriptions_.push_back(bus_.subscribe<events::FinishFollowUp>(on(&EmailService::onFinishFollowUp)));
    subscriptions_.push_back(bus_.subscribe<events::GetMyQueue>([this](const events::GetMyQueue& c, const Message& m) {
        publishMyQueue(c.agentId, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::GetEmailDraft>([this](const events::GetEmailDraft& c, const Message& m) {
        bus_.publish(events::EmailDraft{c.caseId, c.agentId, archive_.draft(c.agentId, c.caseId), 0}, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::GetFollowUps>([this](const events::GetFollowUps& c, const Message& m) {
        bus_.publish(events::EmailFollowUps{c.agentId, archive_.openFollowUps(c.agentId)}, m.correlation);
    }));
    // Follow-ups promised before a restart still remind their agent.
    for (const events::EmailFollowUp& followUp : archive_.openFollowUps("")) {
        if (!followUp.due) schedule(followUp);
    }
    // So do emails postponed until a time still to come.
    for (const events::MyQueueItem& item : archive_.myQueue("")) scheduleReminder(item);
}

EmailService::~EmailService() {
    subscriptions_.clear();
    followUpTimers_.clear();
    reminders_.clear();
    center_.removeObserver(this);
}

std::int64_t EmailService::now() const { return toEpochMs(clock_.now()); }

void EmailService::simulateCustomerAnswers(std::function<bool()> enabled, Milliseconds after) {
    customersAnswer_ = std::move(enabled);
    answerAfter_ = after;
}

void EmailService::refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

// ---- arrivals ---------------------------------------------------------------------------------------------

std::optional<std::string> EmailService::customerWrites(InboundEmail email) {
    std::string caseId = caseTagIn(email.subject);
    if (caseId.empty() && email.headers.contains("X-Case-Id")) caseId = email.headers.at("X-Case-Id");
    std::optional<events::EmailCaseSummary> existing = caseId.empty() ? std::nullopt : archive_.caseSummary(caseId);
    Arrival arrival;
    arrival.serviceId = existing ? existing->serviceId : email.serviceId;
    const ServiceConfig* service = center_.config().findService(arrival.serviceId);
    if (!service || service->channel != Channel::Email) return std::nullopt;
    for (const Customer& customer : center_.config().customers) {
        if (!customer.email.empty() && lowerAscii(customer.email) == lowerAscii(email.from)) arrival.customerId = customer.id;
    }
    arrival.from = email.from;
    arrival.subject = email.subject;
    arriving_ = std::move(email);
    arrivingCase_ = existing ? existing->caseId : std::string();
    auto id = center_.arrive(arrival);
    arriving_.reset();
    arrivingCase_.clear();
    return id;
}

void EmailService::queued(const Interaction& interaction, bool requeued) {
    if (requeued || interaction.service->channel != Channel::Email || interaction.outbound) return;
    InboundEmail email = arriving_ ? *arriving_ : InboundEmail{};
    if (!arriving_) {
        email.from = interaction.from;
        email.subject = interaction.subject;
        email.files = subjectFiles(center_.config(), *interaction.service, interaction.subject);
    }
    if (email.plainBody.empty() && email.htmlBody.empty()) {  // the simulation: a short email about the subject
        if (htmlSenders_ && htmlSenders_(interaction)) {
            email.htmlBody = simulatedHtml(interaction);
        } else {
            email.plainBody = simulatedBody(interaction);
        }
    }
    const std::int64_t at = toEpochMs(interaction.queuedAt);
    std::optional<events::EmailCaseSummary> summary =
        arrivingCase_.empty() ? std::nullopt : archive_.caseSummary(arrivingCase_);
    std::int64_t threadId = 0;
    if (summary) {
        const auto inReplyTo = email.headers.find("In-Reply-To");
        if (inReplyTo != email.headers.end()) threadId = archive_.threadOfMessageKey(summary->caseId, inReplyTo->second).value_or(0);
        summary->state = events::CaseState::Queued;
        summary->interactionId = interaction.id;
        summary->updatedMs = at;
        archive_.updateCase(*summary);
    } else {
        summary = events::EmailCaseSummary{};
        summary->subject = email.subject;
        summary->customerId = interaction.customer ? interaction.customer->id : "";
        summary->customerAddress = email.from;
        summary->serviceId = interaction.service->id;
        summary->state = events::CaseState::Queued;
        summary->interactionId = interaction.id;
        summary->createdMs = summary->updatedMs = at;
        summary->caseId = archive_.createCase(*summary);
    }
    if (threadId == 0) threadId = archive_.createThread(summary->caseId, email.subject, at);
    events::EmailMessage message;
    message.caseId = summary->caseId;
    message.threadId = threadId;
    message.kind = events::EmailKind::Inbound;
    message.from = email.from;
    message.to = email.to.empty() ? serviceAddress(interaction.service->id) : email.to;
    message.cc = email.cc;
    message.subject = email.subject;
    message.atMs = at;
    message.plainBody = email.plainBody;
    message.htmlBody = email.htmlBody;
    message.headers = email.headers;
    if (!message.headers.contains("Message-ID")) {
        message.headers["Message-ID"] = fmt::format("<{}.{}@customer.example>", interaction.id, at);
    }
    message.attachments = email.attachments;
    if (!email.files.empty()) {
        message.attachments.clear();
        for (const events::EmailFile& file : email.files) {
            message.attachments.push_back({file.name, file.mimeType, static_cast<std::int64_t>(file.data.size())});
        }
    }
    message.messageId = archive_.addMessage(message, email.files.empty() ? nullptr : &email.files);
    bus_.publish(events::EmailReceived{*archive_.caseSummary(summary->caseId), message});
}

void EmailService::offered(const Interaction& interaction) {
    if (!taking_.empty() && interaction.service->channel == Channel::Email) {
        // An email taken from My Queue: its new interaction belongs to the case from the start.
        if (auto summary = archive_.caseSummary(std::exchange(taking_, {}))) {
            summary->interactionId = interaction.id;
            summary->ownerId = interaction.agentId;
            archive_.updateCase(*summary);
        }
        return;
    }
    if (interaction.id != transferring_) return;
    transferring_.clear();
    if (auto summary = archive_.caseOfInteraction(interaction.id)) {
        summary->ownerId = interaction.agentId;  // in the colleague's hands from now on
        archive_.updateCase(*summary);
    }
}

void EmailService::answered(const Interaction& interaction) {
    if (interaction.service->channel != Channel::Email) return;
    handedOn_.erase(interaction.id);
    if (auto summary = archive_.caseOfInteraction(interaction.id)) {
        summary->state = events::CaseState::Open;
        summary->ownerId = interaction.agentId;
        summary->interactionId = interaction.id;
        summary->updatedMs = now();
        archive_.updateCase(*summary);
    }
}

void EmailService::transferred(const Interaction& interaction, const std::string&) {
    if (interaction.service->channel != Channel::Email) return;
    if (auto summary = archive_.caseOfInteraction(interaction.id)) {
        summary->state = events::CaseState::Queued;
        summary->ownerId.clear();  // until it rings at the colleague chosen (offered), if one was
        transferring_ = interaction.id;
        summary->serviceId = interaction.service->id;
        summary->updatedMs = now();
        archive_.updateCase(*summary);
    }
}

bool EmailService::claimsWithdrawn(const Interaction& interaction, const std::string& agentId) {
    auto handed = handedOn_.find(interaction.id);
    if (handed == handedOn_.end()) return false;
    HandedOn to = std::move(handed->second);
    handedOn_.erase(handed);
    auto summary = archive_.caseOfInteraction(interaction.id);
    if (to.toAgentId != agentId || !summary) return false;
    // Rejected, rung out or the colleague logged out while it rang: it is still theirs, in My Queue.
    events::MyQueueItem item;
    item.agentId = agentId;
    item.reason = events::MyQueueReason::Transferred;
    item.fromAgentId = std::move(to.fromAgentId);
    item.note = std::move(to.note);
    putInMyQueue(*summary, std::move(item));
    publishMyQueue(agentId);
    return true;
}

void EmailService::completed(const Interaction& interaction, TimePoint at, bool) {
    if (interaction.service->channel != Channel::Email) return;
    // A customer may have written again meanwhile: that newer email keeps the case open.
    if (auto summary = archive_.caseOfInteraction(interaction.id); summary && summary->interactionId == interaction.id) {
        summary->state = events::CaseState::Closed;
        summary->interactionId.clear();
        summary->updatedMs = toEpochMs(at);
        archive_.updateCase(*summary);
    }
}

// ---- the agent's commands ------------------------------------------------------------------------------

std::optional<events::EmailCaseSummary> EmailService::caseForCommand(std::string_view command, std::string_view agentId,
                                                                     std::string_view interactionId,
                                                                     std::uint64_t correlation) {
    const Interaction* interaction = center_.interaction(interactionId);
    if (!interaction || interaction->service->channel != Channel::Email) {
        refuse(command, error_codes::unknownInteraction, "This email is no longer there.", correlation);
        return std::nullopt;
    }
    if (interaction->agentId != agentId) {
        refuse(command, error_codes::notYours, "This email is handled by someone else.", correlation);
        return std::nullopt;
    }
    if (interaction->stage != Stage::Connected) {
        refuse(command, error_codes::invalidState,
               interaction->stage == Stage::Ringing ? "Accept the email first." : "This email is already done.",
               correlation);
        return std::nullopt;
    }
    auto summary = archive_.caseOfInteraction(interactionId);
    if (!summary) refuse(command, email_errors::unknownCase, "This email has no case.", correlation);
    return summary;
}

std::optional<events::EmailMessage> EmailService::messageOf(const events::EmailCaseSummary& summary,
                                                            std::int64_t messageId) const {
    if (messageId != 0) {
        auto message = archive_.message(messageId);
        if (message && message->caseId == summary.caseId) return message;
    }
    std::optional<events::EmailMessage> newest;
    for (const events::EmailThread& thread : archive_.threads(summary.caseId)) {
        for (const events::EmailMessage& message : thread.messages) {
            if (message.kind == events::EmailKind::Inbound && (!newest || message.atMs >= newest->atMs)) newest = message;
        }
    }
    return newest;
}

events::EmailMessage EmailService::outbound(const events::EmailCaseSummary& summary, std::int64_t threadId,
                                            events::EmailKind kind, std::string_view agentId) const {
    events::EmailMessage message;
    message.caseId = summary.caseId;
    message.threadId = threadId;
    message.kind = kind;
    message.from = serviceAddress(summary.serviceId);
    message.atMs = now();
    message.agentId = std::string(agentId);
    message.headers["Message-ID"] = fmt::format("<{}.{}.{}@center.example>", summary.caseId, message.atMs, sent_ + 1);
    message.headers["X-Case-Id"] = summary.caseId;
    return message;
}

void EmailService::onGetCase(const events::GetEmailCase& command, const Message& message) {
    auto summary = command.caseId.empty() ? archive_.caseOfInteraction(command.interactionId)
                                          : archive_.caseSummary(command.caseId);
    if (!summary) {
        refuse(command.topic, email_errors::unknownCase, "There is no such case.", message.correlation);
        return;
    }
    bus_.publish(events::EmailCase{*summary, archive_.threads(summary->caseId), archive_.draft(command.agentId, summary->caseId),
                                   archive_.followUpsOfCase(summary->caseId)},
                 message.correlation);
}

void EmailService::onGetAttachment(const events::GetEmailAttachment& command, const Message& message) {
    const std::optional<events::EmailMessage> email = archive_.message(command.messageId);
    if (!email) {
        refuse(command.topic, email_errors::unknownMessage, "There is no such email.", message.correlation);
        return;
    }
    const auto listed = std::find_if(email->attachments.begin(), email->attachments.end(),
                                     [&](const events::EmailAttachment& a) { return a.name == command.name; });
    if (listed == email->attachments.end()) {
        refuse(command.topic, email_errors::unknownFile, fmt::format("This email has no file \"{}\".", command.name),
               message.correlation);
        return;
    }
    std::optional<std::vector<char>> bytes = archive_.attachmentBytes(command.messageId, command.name);
    if (!bytes) {
        refuse(command.topic, email_errors::unknownFile,
               fmt::format("Only the name and size of \"{}\" were kept, not the file itself.", command.name),
               message.correlation);
        return;
    }
    bus_.publish(events::EmailAttachmentData{command.messageId, listed->name, listed->mimeType, std::move(*bytes)},
                 message.correlation);
}

void EmailService::onReply(const events::ReplyEmail& command, const Message& message) {
    if (trimmed(command.body).empty()) {
        refuse(command.topic, email_errors::invalidInput, "Write the reply first.", message.correlation);
        return;
    }
    auto summary = caseForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!summary) return;
    auto original = messageOf(*summary, command.messageId);
    if (!original) {
        refuse(command.topic, email_errors::unknownMessage, "There is no email in this case to answer.", message.correlation);
        return;
    }
    auto attachments = checkFiles(command.topic, command.files, message.correlation);
    if (!attachments) return;
    events::EmailMessage reply = outbound(*summary, original->threadId, events::EmailKind::Reply, command.agentId);
    reply.to = original->kind == events::EmailKind::Inbound ? original->from : original->to;
    if (command.replyAll) reply.cc = original->cc;
    reply.subject = taggedSubject("Re: ", *summary);
    reply.plainBody = maskDetected(command.body) + (command.quote ? quoted(*original) : std::string());
    if (auto key = original->headers.find("Message-ID"); key != original->headers.end()) {
        reply.headers["In-Reply-To"] = key->second;
    }
    reply.attachments = std::move(*attachments);
    ++sent_;
    reply.messageId = archive_.addMessage(reply, &command.files);
    archive_.deleteDraft(command.agentId, summary->caseId);
    bus_.publish(events::EmailSent{reply}, message.correlation);
    int replies = 0;
    for (const events::EmailThread& thread : archive_.threads(summary->caseId)) {
        replies += static_cast<int>(std::count_if(thread.messages.begin(), thread.messages.end(),
                                                  [](const auto& m) { return m.kind == events::EmailKind::Reply; }));
    }
    if (replies == 1 && customersAnswer_ && customersAnswer_()) {
        // The simulated customer thanks the agent once, in the thread of the reply.
        InboundEmail answer;
        answer.serviceId = summary->serviceId;
        answer.from = reply.to;
        answer.subject = reply.subject;
        answer.plainBody = "Hello,\n\nthank you for your quick answer. I will do as you suggest and let you know.\n\nKind regards";
        answer.headers["In-Reply-To"] = reply.headers["Message-ID"];
        answers_.push_back(timers_.at(clock_.now() + answerAfter_, [this, answer] { customerWrites(answer); }));
    }
    if (auto refusal = center_.release(command.agentId, command.interactionId, message.correlation)) {
        refuse(command.topic, refusal->code, refusal->message, message.correlation);
    }
}

void EmailService::onForward(const events::ForwardEmail& command, const Message& message) {
    if (!isEmailAddress(command.to)) {
        refuse(command.topic, email_errors::invalidAddress,
               fmt::format("\"{}\" is not an email address.", command.to), message.correlation);
        return;
    }
    auto summary = caseForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!summary) return;
    auto original = messageOf(*summary, command.messageId);
    if (!original) {
        refuse(command.topic, email_errors::unknownMessage, "There is no email in this case to forward.", message.correlation);
        return;
    }
    events::EmailMessage forward = outbound(*summary, original->threadId, events::EmailKind::Forward, command.agentId);
    forward.to = command.to;
    forward.subject = taggedSubject("Fwd: ", *summary);
    forward.plainBody = fmt::format("{}\n\n---------- Forwarded message ----------\nFrom: {}\nDate: {}\nSubject: {}\nTo: {}\n\n{}",
                                    maskDetected(command.note), original->from, text::dateTimeText(original->atMs),
                                    original->subject, original->to, original->plainBody);
    forward.attachments = original->attachments;
    ++sent_;
    forward.messageId = archive_.addMessage(forward);
    archive_.copyAttachmentBytes(original->messageId, forward.messageId);  // the files go with it
    bus_.publish(events::EmailSent{forward}, message.correlation);
}

void EmailService::onCompose(const events::ComposeEmail& command, const Message& message) {
    if (!center_.isLoggedIn(command.agentId)) {
        refuse(command.topic, error_codes::notLoggedIn, "You are not logged in. Log in first.", message.correlation);
        return;
    }
    if (!isEmailAddress(command.to)) {
        refuse(command.topic, email_errors::invalidAddress, fmt::format("\"{}\" is not an email address.", command.to),
               message.correlation);
        return;
    }
    if (trimmed(command.body).empty() || trimmed(command.subject).empty()) {
        refuse(command.topic, email_errors::invalidInput, "An email needs a subject and a text.", message.correlation);
        return;
    }
    auto attachments = checkFiles(command.topic, command.files, message.correlation);
    if (!attachments) return;
    std::optional<events::EmailCaseSummary> summary;
    if (!command.caseId.empty()) {
        summary = archive_.caseSummary(command.caseId);
        if (!summary) {
            refuse(command.topic, email_errors::unknownCase, fmt::format("There is no case {}.", command.caseId),
                   message.correlation);
            return;
        }
    } else {
        const ServiceConfig* service = center_.config().findService(command.serviceId);
        if (!service || service->channel != Channel::Email) {
            refuse(command.topic, error_codes::unknownService, "Choose the email service you write for.", message.correlation);
            return;
        }
        summary = events::EmailCaseSummary{};
        summary->subject = std::string(trimmed(command.subject));
        summary->customerAddress = command.to;
        for (const Customer& customer : center_.config().customers) {
            if (!customer.email.empty() && lowerAscii(customer.email) == lowerAscii(command.to)) summary->customerId = customer.id;
        }
        summary->serviceId = service->id;
        summary->state = events::CaseState::Open;
        summary->ownerId = command.agentId;
        summary->createdMs = summary->updatedMs = now();
        summary->caseId = archive_.createCase(*summary);
    }
    const std::string subject(trimmed(command.subject));
    events::EmailMessage email = outbound(*summary, archive_.createThread(summary->caseId, subject, now()),
                                          events::EmailKind::Outbound, command.agentId);
    email.to = command.to;
    email.subject = fmt::format("[{}] {}", summary->caseId, subject);
    email.plainBody = maskDetected(command.body);
    email.attachments = std::move(*attachments);
    ++sent_;
    email.messageId = archive_.addMessage(email, &command.files);
    bus_.publish(events::EmailSent{email}, message.correlation);
    // The follow-up email is what the agent promised: their follow-ups of the case are done.
    if (!command.caseId.empty()) {
        const std::vector<events::EmailFollowUp> open = archive_.openFollowUps(command.agentId);
        if (archive_.finishFollowUps(command.agentId, summary->caseId, now()) > 0) {
            for (const events::EmailFollowUp& followUp : open) {
                if (followUp.caseId == summary->caseId) followUpTimers_.erase(followUp.followUpId);
            }
            bus_.publish(events::EmailFollowUps{command.agentId, archive_.openFollowUps(command.agentId)});
            publishMyQueue(command.agentId);
        }
    }
}

void EmailService::onClose(const events::CloseEmail& command, const Message& message) {
    auto summary = caseForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!summary) return;
    const ServiceConfig& service = *center_.interaction(command.interactionId)->service;
    const auto& list = service.dispositions;
    if (command.disposition.empty() ? service.dispositionRequired
                                    : std::find(list.begin(), list.end(), command.disposition) == list.end()) {
        refuse(command.topic, command.disposition.empty() ? error_codes::dispositionRequired : error_codes::unknownDisposition,
               fmt::format("Choose why the email is closed: one of {}.", fmt::join(list, ", ")), message.correlation);
        return;
    }
    // Through wrap-up, like every other interaction: the disposition and notes end up in the history.
    if (auto refusal = center_.release(command.agentId, command.interactionId, message.correlation, true)) {
        refuse(command.topic, refusal->code, refusal->message, message.correlation);
        return;
    }
    if (auto refusal = center_.complete(command.agentId, command.interactionId, command.disposition, command.notes,
                                        message.correlation)) {
        refuse(command.topic, refusal->code, refusal->message, message.correlation);
    }
}

void EmailService::onTransfer(const events::TransferEmail& command, const Message& message) {
    auto summary = caseForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!summary) return;
    if (command.toAgentId.empty() == command.toServiceId.empty()) {
        refuse(command.topic, email_errors::invalidInput, "Choose one colleague or one service to transfer to.",
               message.correlation);
        return;
    }
    if (!command.toAgentId.empty() && !center_.canTakeTransferNow(command.toAgentId, command.interactionId)) {
        // A colleague who cannot take it now (logged out, Not Ready, at capacity) finds it in their My Queue.
        const UserAccount* colleague = center_.config().findUserById(command.toAgentId);
        if (!colleague) {
            refuse(command.topic, error_codes::unknownAgent, fmt::format("There is no colleague \"{}\".", command.toAgentId),
                   message.correlation);
            return;
        }
        if (command.toAgentId == command.agentId) {
            refuse(command.topic, error_codes::targetUnavailable, "You cannot transfer to yourself.", message.correlation);
            return;
        }
        events::MyQueueItem item;
        item.agentId = command.toAgentId;
        item.reason = events::MyQueueReason::Transferred;
        item.fromAgentId = command.agentId;
        item.note = command.note;
        park(command.topic, *summary, command.agentId, command.interactionId, std::move(item), events::EndedBy::Transferred,
             fmt::format("Transferred to {}'s My Queue", colleague->displayName), message.correlation);
        return;
    }
    if (!command.toAgentId.empty()) {
        handedOn_[command.interactionId] = {command.toAgentId, command.agentId, command.note};
    }
    if (auto refusal = center_.transfer(command.agentId, command.interactionId, command.toAgentId, command.toServiceId,
                                        command.note, message.correlation)) {
        handedOn_.erase(command.interactionId);
        refuse(command.topic, refusal->code, refusal->message, message.correlation);
    }
}

void EmailService::onQueue(const events::GetEmailQueue& command, const Message& message) {
    events::EmailQueue queue{command.agentId, {}};
    const UserAccount* user = center_.config().findUserById(command.agentId);
    std::vector<std::pair<TimePoint, events::EmailCaseSummary>> waiting;
    for (const ServiceConfig& service : center_.config().services) {
        if (!user || service.channel != Channel::Email || !CenterConfig::isSkilledFor(*user, service)) continue;
        for (const Interaction* interaction : center_.queue(service.id)) {
            if (auto summary = archive_.caseOfInteraction(interaction->id)) waiting.emplace_back(interaction->queuedAt, *summary);
        }
    }
    std::stable_sort(waiting.begin(), waiting.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [at, summary] : waiting) queue.waiting.push_back(std::move(summary));
    bus_.publish(queue, message.correlation);
}

void EmailService::onPull(const events::PullEmail& command, const Message& message) {
    const Interaction* interaction = center_.interaction(command.interactionId);
    if (interaction && interaction->service->channel != Channel::Email) interaction = nullptr;
    if (!interaction) {
        refuse(command.topic, error_codes::unknownInteraction, "This email is no longer waiting.", message.correlation);
        return;
    }
    if (auto refusal = center_.pull(command.agentId, command.interactionId, message.correlation)) {
        refuse(command.topic, refusal->code, refusal->message, message.correlation);
    }
}

void EmailService::onSaveDraft(const events::SaveEmailDraft& command, const Message& message) {
    if (!archive_.caseSummary(command.caseId)) {
        refuse(command.topic, email_errors::unknownCase, "There is no such case.", message.correlation);
        return;
    }
    const std::int64_t at = now();
    if (command.body.empty()) {
        archive_.deleteDraft(command.agentId, command.caseId);
    } else {
        archive_.saveDraft(command.agentId, command.caseId, command.body, at);
    }
    bus_.publish(events::EmailDraft{command.caseId, command.agentId, command.body, at}, message.correlation);
}

void EmailService::onMask(const events::MaskEmail& command, const Message& message) {
    auto stored = archive_.message(command.messageId);
    if (!stored) {
        refuse(command.topic, email_errors::unknownMessage, "This email is no longer there.", message.correlation);
        return;
    }
    auto summary = archive_.caseSummary(stored->caseId);
    if (!summary || summary->ownerId != command.agentId) {
        refuse(command.topic, error_codes::notYours, "Only the agent who has the case can mask its emails.",
               message.correlation);
        return;
    }
    int masked = 0;
    std::vector<TextSpan> spans;
    std::string html = stored->htmlBody;
    for (const events::MaskRange& range : command.ranges) {
        if (range.start < 0 || range.length <= 0 || static_cast<std::size_t>(range.start) >= stored->plainBody.size()) continue;
        const TextSpan span{static_cast<std::size_t>(range.start), static_cast<std::size_t>(range.length)};
        spans.push_back(span);
        ++masked;
        // The same words in the HTML part go too, or the original would survive there.
        const std::string selected = stored->plainBody.substr(span.start, span.length);
        if (trimmed(selected).empty()) continue;
        const std::string stars = maskSpans(selected, {{0, selected.size()}});
        for (std::size_t at = html.find(selected); at != std::string::npos; at = html.find(selected, at + stars.size())) {
            html.replace(at, selected.size(), stars);
        }
    }
    std::string plain = maskSpans(stored->plainBody, spans);
    if (command.detect) {
        int found = 0;
        plain = maskDetected(plain, &found);
        masked += found;
        html = maskDetected(html);
    }
    archive_.replaceBodies(stored->messageId, plain, html);
    stored->plainBody = std::move(plain);
    stored->htmlBody = std::move(html);
    bus_.publish(events::EmailMasked{*stored, masked}, message.correlation);
}

void EmailService::schedule(const events::EmailFollowUp& followUp) {
    const std::int64_t id = followUp.followUpId;
    followUpTimers_[id] = timers_.at(fromEpochMs(followUp.dueAtMs), [this, id] {
        archive_.markFollowUpDue(id);
        auto due = archive_.followUp(id);
        followUpTimers_.erase(id);
        if (!due) return;
        bus_.publish(events::EmailFollowUpDue{*due});
        publishMyQueue(due->agentId);  // a due follow-up waits in My Queue too
    });
}

void EmailService::onScheduleFollowUp(const events::ScheduleFollowUp& command, const Message& message) {
    auto summary = archive_.caseSummary(command.caseId);
    if (!summary) {
        refuse(command.topic, email_errors::unknownCase, "There is no such case.", message.correlation);
        return;
    }
    if (command.dueAtMs <= now()) {
        refuse(command.topic, email_errors::invalidInput, "Choose a time in the future for the follow-up.",
               message.correlation);
        return;
    }
    events::EmailFollowUp followUp{0, summary->caseId, command.agentId, summary->subject, command.note, command.dueAtMs, false};
    followUp.followUpId = archive_.addFollowUp(followUp);
    schedule(followUp);
    bus_.publish(events::EmailFollowUpScheduled{followUp}, message.correlation);
}

void EmailService::onSearch(const events::SearchEmail& command, const Message& message) {
    bus_.publish(events::EmailSearchResults{command.agentId, archive_.search(command)}, message.correlation);
}

// ---- My Queue ---------------------------------------------------------------------------------------------------

std::vector<events::MyQueueItem> EmailService::myQueueOf(std::string_view agentId) const {
    std::vector<events::MyQueueItem> items = archive_.myQueue(agentId);
    for (const events::EmailFollowUp& followUp : archive_.openFollowUps(agentId)) {
        if (!followUp.due) continue;
        auto summary = archive_.caseSummary(followUp.caseId);
        if (!summary) continue;
        events::MyQueueItem item;
        item.caseId = followUp.caseId;
        item.agentId = followUp.agentId;
        item.reason = events::MyQueueReason::FollowUp;
        item.sinceMs = followUp.dueAtMs;
        item.subject = summary->subject;
        item.customerId = summary->customerId;
        item.customerAddress = summary->customerAddress;
        item.serviceId = summary->serviceId;
        item.note = followUp.note;
        item.followUpId = followUp.followUpId;
        items.push_back(std::move(item));
    }
    for (events::MyQueueItem& item : items) {
        if (const Customer* customer = center_.config().findCustomer(item.customerId)) item.customerName = customer->name;
    }
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.sinceMs < b.sinceMs; });
    return items;
}

void EmailService::publishMyQueue(std::string_view agentId, std::uint64_t correlation) {
    bus_.publish(events::EmailMyQueue{std::string(agentId), myQueueOf(agentId)}, correlation);
}

void EmailService::scheduleReminder(const events::MyQueueItem& item) {
    if (item.reason != events::MyQueueReason::Postponed || item.untilMs <= now()) return;
    reminders_[item.caseId] = timers_.at(fromEpochMs(item.untilMs), [this, caseId = item.caseId, until = item.untilMs] {
        auto entry = archive_.myQueueEntry(caseId);
        reminders_.erase(caseId);  // `caseId` is a copy: the timer's own storage goes here
        if (!entry || entry->reason != events::MyQueueReason::Postponed || entry->untilMs != until) return;
        if (const Customer* customer = center_.config().findCustomer(entry->customerId)) entry->customerName = customer->name;
        bus_.publish(events::EmailMyQueueDue{*entry});
        publishMyQueue(entry->agentId);
    });
}

std::optional<std::vector<events::EmailAttachment>> EmailService::checkFiles(std::string_view command,
                                                                             const std::vector<events::EmailFile>& files,
                                                                             std::uint64_t correlation) {
    const ChatSettings& limits = center_.config().chat;  // the same limits as for files sent in chats
    constexpr std::size_t maxFiles = 10;
    if (files.size() > maxFiles) {
        refuse(command, email_errors::invalidInput, fmt::format("An email may carry at most {} attachments.", maxFiles), correlation);
        return std::nullopt;
    }
    std::vector<events::EmailAttachment> attachments;
    for (const events::EmailFile& file : files) {
        const auto size = static_cast<std::int64_t>(file.data.size());
        if (size == 0) {
            refuse(command, email_errors::invalidInput, fmt::format("\"{}\" is empty: nothing was sent.", file.name), correlation);
            return std::nullopt;
        }
        if (size > limits.maxFileBytes) {
            refuse(command, email_errors::fileTooLarge,
                   fmt::format("\"{}\" is {}; attachments may be at most {}. Nothing was sent.", file.name,
                               text::sizeText(size), text::sizeText(limits.maxFileBytes)),
                   correlation);
            return std::nullopt;
        }
        if (std::find(limits.fileTypes.begin(), limits.fileTypes.end(), file.mimeType) == limits.fileTypes.end()) {
            refuse(command, email_errors::fileTypeNotAllowed,
                   fmt::format("\"{}\" is of a type that cannot be sent ({}). Allowed: {}. Nothing was sent.", file.name,
                               file.mimeType.empty() ? "unknown" : file.mimeType, fmt::join(limits.fileTypes, ", ")),
                   correlation);
            return std::nullopt;
        }
        attachments.push_back({file.name, file.mimeType, size});
    }
    return attachments;
}

void EmailService::park(std::string_view command, const events::EmailCaseSummary& summary, std::string_view agentId, std::string_view interactionId,
                        events::MyQueueItem item, events::EndedBy by, std::string notes, std::uint64_t correlation) {
    // The case first: its interaction ends next, and that must not close it.
    const std::string toAgentId = item.agentId;
    putInMyQueue(summary, std::move(item));
    if (auto refusal = center_.setAside(agentId, interactionId, by, std::move(notes), correlation)) {
        refuse(command, refusal->code, refusal->message, correlation);
        return;
    }
    publishMyQueue(toAgentId, correlation);
}

void EmailService::putInMyQueue(const events::EmailCaseSummary& summary, events::MyQueueItem item) {
    events::EmailCaseSummary parked = summary;
    parked.state = events::CaseState::Open;
    parked.ownerId = item.agentId;
    parked.interactionId.clear();
    parked.updatedMs = now();
    archive_.updateCase(parked);
    item.caseId = summary.caseId;
    item.sinceMs = now();
    archive_.putInMyQueue(item);
    reminders_.erase(item.caseId);
    scheduleReminder(item);
}

void EmailService::onPostpone(const events::PostponeEmail& command, const Message& message) {
    auto summary = caseForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!summary) return;
    if (command.untilMs != 0 && command.untilMs <= now()) {
        refuse(command.topic, email_errors::invalidInput, "Choose a time in the future, or none.", message.correlation);
        return;
    }
    events::MyQueueItem item;
    item.agentId = command.agentId;
    item.reason = events::MyQueueReason::Postponed;
    item.untilMs = command.untilMs;
    item.note = command.note;
    park(command.topic, *summary, command.agentId, command.interactionId, std::move(item), events::EndedBy::Agent,
         command.untilMs ? fmt::format("Postponed until {}", text::dateTimeText(command.untilMs)) : std::string("Postponed"),
         message.correlation);
}

void EmailService::onTake(const events::TakeFromMyQueue& command, const Message& message) {
    auto entry = archive_.myQueueEntry(command.caseId);
    auto summary = archive_.caseSummary(command.caseId);
    if (!entry || !summary || entry->agentId != command.agentId) {
        refuse(command.topic, email_errors::unknownCase, "This email is not in your My Queue.", message.correlation);
        return;
    }
    std::optional<ContactCenter::Refusal> refusal;
    const Interaction* waiting = center_.interaction(summary->interactionId);
    if (waiting && waiting->stage != Stage::Queued) {
        refuse(command.topic, error_codes::invalidState, "Someone is working on this case's newest email now.",
               message.correlation);
        return;
    }
    if (waiting) {
        // The customer wrote again meanwhile: that email is the one to work on.
        refusal = center_.pull(command.agentId, waiting->id, message.correlation);
    } else {
        Arrival arrival;
        arrival.serviceId = summary->serviceId;
        arrival.customerId = summary->customerId;
        arrival.from = summary->customerAddress;
        arrival.subject = summary->subject;
        std::string interactionId;
        taking_ = summary->caseId;
        refusal = center_.handOut(command.agentId, arrival, interactionId, message.correlation);
        taking_.clear();
    }
    if (refusal) {
        refuse(command.topic, refusal->code, refusal->message, message.correlation);
        return;
    }
    archive_.removeFromMyQueue(command.caseId);
    reminders_.erase(command.caseId);
    publishMyQueue(command.agentId, message.correlation);
}

void EmailService::onFinishFollowUp(const events::FinishFollowUp& command, const Message& message) {
    if (!archive_.markFollowUpDone(command.followUpId, command.agentId, command.note, now())) {
        refuse(command.topic, email_errors::unknownFollowUp, "This follow-up is not yours or is already done.",
               message.correlation);
        return;
    }
    followUpTimers_.erase(command.followUpId);
    bus_.publish(events::EmailFollowUps{command.agentId, archive_.openFollowUps(command.agentId)}, message.correlation);
    publishMyQueue(command.agentId, message.correlation);
}

}  // namespace agentdesk::engine
