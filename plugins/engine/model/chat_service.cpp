// The chat channel: every command answers with the event the catalog names or with an Error whose
// message an agent can act on. Lines are archived as they are written, so a transcript survives
// whatever happens to the desktop.

#include "model/chat_service.hpp"
#include "model/text.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::engine {

namespace {

std::string customerName(const Interaction& interaction) {
    return interaction.customer ? interaction.customer->name : interaction.from;
}

}  // namespace

ChatService::ChatService(ContactCenter& center, Bus& bus, const Clock& clock, ChatArchive& archive)
    : center_(center), bus_(bus), clock_(clock), archive_(archive) {
    center_.addObserver(this);
    center_.setAdmission([this](const Arrival& arrival, const Customer* customer, const ServiceConfig& service) {
        return admit(arrival, customer, service);
    });
    auto on = [this](auto handler) {
        return [this, handler](const auto& command, const Message& message) { (this->*handler)(command, message); };
    };
    subscriptions_.push_back(bus_.subscribe<events::SendChat>(on(&ChatService::onSend)));
    subscriptions_.push_back(bus_.subscribe<events::GetTranscript>(on(&ChatService::onTranscript)));
    subscriptions_.push_back(bus_.subscribe<events::SendFile>(on(&ChatService::onSendFile)));
    subscriptions_.push_back(bus_.subscribe<events::GetFile>(on(&ChatService::onGetFile)));
    subscriptions_.push_back(bus_.subscribe<events::TransferChat>(on(&ChatService::onTransfer)));
    subscriptions_.push_back(bus_.subscribe<events::BanCustomer>(on(&ChatService::onBan)));
    subscriptions_.push_back(bus_.subscribe<events::LiftBan>(on(&ChatService::onLiftBan)));
    subscriptions_.push_back(bus_.subscribe<events::SendForm>(on(&ChatService::onSendForm)));
    subscriptions_.push_back(bus_.subscribe<events::RequestCoBrowse>(on(&ChatService::onCoBrowse)));
    subscriptions_.push_back(bus_.subscribe<events::StopCoBrowse>(on(&ChatService::onStopCoBrowse)));
    subscriptions_.push_back(bus_.subscribe<events::SaveCanned>(on(&ChatService::onSaveCanned)));
    subscriptions_.push_back(bus_.subscribe<events::DeleteCanned>(on(&ChatService::onDeleteCanned)));
    subscriptions_.push_back(bus_.subscribe<events::GetForms>([this](const events::GetForms&, const Message& m) {
        events::ChatForms list;
        for (const SecureFormConfig& form : center_.config().chat.forms) list.forms.push_back({form.id, form.title, form.fields});
        bus_.publish(list, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::GetCanned>(
        [this](const events::GetCanned& c, const Message& m) { publishCanned(c.agentId, m.correlation); }));
}

ChatService::~ChatService() {
    subscriptions_.clear();
    center_.setAdmission({});
    center_.removeObserver(this);
}

// ---- the blacklist -----------------------------------------------------------------------------

std::vector<std::string> ChatService::identitiesOf(const Interaction& interaction) const {
    std::vector<std::string> identities{interaction.from};
    if (const Customer* customer = interaction.customer) {
        for (const std::string* id : {&customer->phone, &customer->email, &customer->name}) {
            if (!id->empty()) identities.push_back(*id);
        }
    }
    std::sort(identities.begin(), identities.end());
    identities.erase(std::unique(identities.begin(), identities.end()), identities.end());
    std::erase(identities, std::string());
    return identities;
}

std::optional<ContactCenter::Refusal> ChatService::admit(const Arrival& arrival, const Customer* customer,
                                                         const ServiceConfig& service) const {
    if (service.channel != Channel::Chat) return std::nullopt;  // a ban covers chats, texts and app messages
    std::vector<std::string> identities{arrival.from};
    if (customer) identities.insert(identities.end(), {customer->phone, customer->email, customer->name});
    for (const std::string& identity : identities) {
        if (!identity.empty() && archive_.isBanned(identity)) {
            return ContactCenter::Refusal{error_codes::customerBlacklisted,
                                          fmt::format("{} is blacklisted: chats, texts and app messages from them are "
                                                      "refused until a supervisor lifts the ban.",
                                                      identity)};
        }
    }
    return std::nullopt;
}

// ---- transcript ----------------------------------------------------------------------------------

ChatService::Chat* ChatService::findChat(std::string_view interactionId) {
    auto it = chats_.find(interactionId);
    return it == chats_.end() ? nullptr : &it->second;
}

const std::vector<events::ChatMessage>* ChatService::transcript(std::string_view interactionId) const {
    auto it = chats_.find(interactionId);
    return it == chats_.end() ? nullptr : &it->second.messages;
}

std::string ChatService::append(std::string_view interactionId, Chat& chat, events::ChatMessage message,
                                std::uint64_t correlation) {
    message.interactionId = std::string(interactionId);
    message.messageId = fmt::format("{}-{}", interactionId, chat.messages.size() + 1);
    message.atMs = toEpochMs(clock_.now());
    chat.messages.push_back(message);
    archive_.saveChatMessage(message);
    bus_.publish(message, correlation);  // a listener may add lines meanwhile: `chat` may have grown
    return message.messageId;
}

void ChatService::systemLine(std::string_view interactionId, std::string text) {
    if (Chat* chat = findChat(interactionId)) {
        events::ChatMessage line;
        line.from = events::Party::System;
        line.text = std::move(text);
        append(interactionId, *chat, std::move(line));
    }
}

void ChatService::queued(const Interaction& interaction, bool requeued) {
    if (requeued || interaction.service->channel != Channel::Chat || chats_.contains(interaction.id)) return;
    Chat& chat = chats_[interaction.id];
    if (interaction.preview.empty()) return;
    events::ChatMessage opening;
    opening.from = events::Party::Customer;
    opening.authorId = interaction.customer ? interaction.customer->id : "";
    opening.authorName = customerName(interaction);
    opening.text = interaction.preview;
    opening.delivery = events::Delivery::Read;
    // Archived and kept, not published: offers carry it as their preview, and no one has the chat yet.
    opening.interactionId = interaction.id;
    opening.messageId = fmt::format("{}-1", interaction.id);
    opening.atMs = toEpochMs(interaction.queuedAt);
    chat.messages.push_back(opening);
    archive_.saveChatMessage(opening);
}

void ChatService::transferred(const Interaction& interaction, const std::string& fromAgentId) {
    const UserAccount* from = center_.config().findUserById(fromAgentId);
    std::string text = fmt::format("{} transferred the chat", from ? from->displayName : fromAgentId);
    if (!interaction.transferNote.empty()) text += fmt::format(": {}", interaction.transferNote);
    systemLine(interaction.id, std::move(text));
}

void ChatService::ended(const Interaction& interaction, events::EndedBy by) {
    Chat* chat = findChat(interaction.id);
    if (!chat || chat->over) return;
    systemLine(interaction.id, by == events::EndedBy::Customer ? fmt::format("{} left the chat", customerName(interaction))
                                                                : std::string("The chat ended"));
    chat->over = true;
}

void ChatService::abandoned(const Interaction& interaction, TimePoint) {
    chats_.erase(interaction.id);
    std::erase_if(forms_, [&](const auto& entry) { return entry.second.interactionId == interaction.id; });
}

void ChatService::completed(const Interaction& interaction, TimePoint at, bool) { abandoned(interaction, at); }

// ---- the customer's side ---------------------------------------------------------------------------

std::optional<std::string> ChatService::customerSays(std::string_view interactionId, std::string text,
                                                     std::optional<CustomerFile> file) {
    Chat* chat = findChat(interactionId);
    const Interaction* interaction = center_.interaction(interactionId);
    if (!chat || chat->over || !interaction) return std::nullopt;
    events::ChatMessage message;
    message.from = events::Party::Customer;
    message.authorId = interaction->customer ? interaction->customer->id : "";
    message.authorName = customerName(*interaction);
    message.text = std::move(text);
    message.delivery = events::Delivery::Read;
    if (file) {
        events::ChatFile stored{fmt::format("{}-f{}", interactionId, ++chat->files), file->name, file->mimeType,
                                std::move(file->data)};
        archive_.saveChatFile(interactionId, stored);
        message.attachments.push_back({stored.fileId, stored.name, stored.mimeType,
                                       static_cast<std::int64_t>(stored.data.size())});
    }
    bus_.publish(events::ChatTyping{std::string(interactionId), events::Party::Customer, false});
    return append(interactionId, *chat, std::move(message));
}

void ChatService::customerTyping(std::string_view interactionId, bool typing) {
    if (Chat* chat = findChat(interactionId); chat && !chat->over) {
        bus_.publish(events::ChatTyping{std::string(interactionId), events::Party::Customer, typing});
    }
}

void ChatService::customerReceived(std::string_view interactionId, std::string_view messageId,
                                   events::Delivery delivery) {
    Chat* chat = findChat(interactionId);
    if (!chat) return;
    for (events::ChatMessage& message : chat->messages) {
        if (message.messageId != messageId || message.from != events::Party::Agent) continue;
        if (static_cast<int>(delivery) <= static_cast<int>(message.delivery)) return;  // never backwards
        message.delivery = delivery;
        archive_.saveChatMessage(message);
        bus_.publish(events::ChatDelivery{std::string(interactionId), std::string(messageId), delivery});
        return;
    }
}

void ChatService::customerFilledForm(std::string_view requestId, const std::map<std::string, std::string>& values) {
    auto it = forms_.find(requestId);
    if (it == forms_.end()) return;
    const PendingForm pending = it->second;
    forms_.erase(it);
    events::ChatForm status{pending.interactionId, std::string(requestId), pending.form->id, pending.form->title,
                            events::FormStatus::Filled, pending.form->fields, fmt::format("secure:{}", requestId), ""};
    for (const std::string& field : pending.form->fields) {
        if (!values.contains(field) || trimmed(values.at(field)).empty()) {
            status.status = events::FormStatus::Failed;
            status.reference.clear();
            status.detail = fmt::format("The customer left \"{}\" empty.", field);
            break;
        }
    }
    if (status.status == events::FormStatus::Filled) {
        archive_.saveSecureForm(status.reference, pending.interactionId, pending.form->id, values,
                                toEpochMs(clock_.now()));
    }
    bus_.publish(status);
    systemLine(pending.interactionId, status.status == events::FormStatus::Filled
                                          ? fmt::format("{} received (kept in secure storage)", pending.form->title)
                                          : fmt::format("{} was not completed", pending.form->title));
}

void ChatService::customerCoBrowse(std::string_view interactionId, bool agrees, std::string url) {
    Chat* chat = findChat(interactionId);
    if (!chat || chat->over) return;
    if (agrees && chat->coBrowse == events::CoBrowseState::Requested) {
        chat->coBrowse = events::CoBrowseState::Active;
        bus_.publish(events::ChatCoBrowse{std::string(interactionId), chat->coBrowse, std::move(url), events::Party::Customer});
        systemLine(interactionId, "Co-browsing started");
    } else if (!agrees && chat->coBrowse != events::CoBrowseState::Ended && chat->coBrowse != events::CoBrowseState::Declined) {
        const bool wasActive = chat->coBrowse == events::CoBrowseState::Active;
        chat->coBrowse = wasActive ? events::CoBrowseState::Ended : events::CoBrowseState::Declined;
        bus_.publish(events::ChatCoBrowse{std::string(interactionId), chat->coBrowse, "", events::Party::Customer});
        systemLine(interactionId, wasActive ? "The customer stopped co-browsing" : "The customer declined co-browsing");
    }
}

// ---- the agent's commands --------------------------------------------------------------------------

void ChatService::refuse(std::string_view command, std::string_view code, std::string message,
                         std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

ChatService::Chat* ChatService::chatForCommand(std::string_view command, std::string_view agentId,
                                               std::string_view interactionId, std::uint64_t correlation,
                                               bool mustBeLive) {
    const Interaction* interaction = center_.interaction(interactionId);
    Chat* chat = findChat(interactionId);
    if (!interaction || !chat) {
        refuse(command, error_codes::unknownInteraction, "This chat is no longer there.", correlation);
        return nullptr;
    }
    if (interaction->agentId != agentId) {
        refuse(command, error_codes::notYours, "This chat is handled by someone else.", correlation);
        return nullptr;
    }
    if (mustBeLive && (chat->over || interaction->stage != Stage::Connected)) {
        refuse(command, error_codes::invalidState,
               chat->over ? "The chat has ended: nothing more can be sent." : "Accept the chat first.", correlation);
        return nullptr;
    }
    return chat;
}

void ChatService::onSend(const events::SendChat& command, const Message& message) {
    if (trimmed(command.text).empty()) {
        refuse(command.topic, chat_errors::emptyMessage, "Type a message first.", message.correlation);
        return;
    }
    Chat* chat = chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!chat) return;
    const UserAccount* agent = center_.config().findUserById(command.agentId);
    events::ChatMessage line;
    line.from = events::Party::Agent;
    line.authorId = command.agentId;
    line.authorName = agent ? agent->displayName : command.agentId;
    line.text = command.text;
    line.delivery = events::Delivery::Sent;
    append(command.interactionId, *chat, std::move(line), message.correlation);
}

void ChatService::onTranscript(const events::GetTranscript& command, const Message& message) {
    Chat* chat = chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation, false);
    if (chat) bus_.publish(events::ChatTranscript{command.interactionId, chat->messages}, message.correlation);
}

void ChatService::onSendFile(const events::SendFile& command, const Message& message) {
    Chat* chat = chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!chat) return;
    const ChatSettings& settings = center_.config().chat;
    const auto size = static_cast<std::int64_t>(command.data.size());
    if (size == 0) {
        refuse(command.topic, chat_errors::invalidInput, fmt::format("\"{}\" is empty.", command.name), message.correlation);
        return;
    }
    if (size > settings.maxFileBytes) {
        refuse(command.topic, chat_errors::fileTooLarge,
               fmt::format("\"{}\" is {}; files in a chat may be at most {}.", command.name, text::sizeText(size),
                           text::sizeText(settings.maxFileBytes)),
               message.correlation);
        return;
    }
    if (std::find(settings.fileTypes.begin(), settings.fileTypes.end(), command.mimeType) == settings.fileTypes.end()) {
        refuse(command.topic, chat_errors::fileTypeNotAllowed,
               fmt::format("\"{}\" is of a type that cannot be sent ({}). Allowed: {}.", command.name,
                           command.mimeType.empty() ? "unknown" : command.mimeType, fmt::join(settings.fileTypes, ", ")),
               message.correlation);
        return;
    }
    events::ChatFile stored{fmt::format("{}-f{}", command.interactionId, ++chat->files), command.name,
                            command.mimeType, command.data};
    archive_.saveChatFile(command.interactionId, stored);
    const UserAccount* agent = center_.config().findUserById(command.agentId);
    events::ChatMessage line;
    line.from = events::Party::Agent;
    line.authorId = command.agentId;
    line.authorName = agent ? agent->displayName : command.agentId;
    line.text = command.text;
    line.attachments.push_back({stored.fileId, stored.name, stored.mimeType, size});
    append(command.interactionId, *chat, std::move(line), message.correlation);
}

void ChatService::onGetFile(const events::GetFile& command, const Message& message) {
    if (auto file = archive_.chatFile(command.fileId)) {
        bus_.publish(*file, message.correlation);
    } else {
        refuse(command.topic, chat_errors::unknownFile, "This file is no longer available.", message.correlation);
    }
}

void ChatService::onTransfer(const events::TransferChat& command, const Message& message) {
    if (!chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation)) return;
    if (command.toAgentId.empty() == command.toServiceId.empty()) {
        refuse(command.topic, chat_errors::invalidInput, "Choose one colleague or one service to transfer to.",
               message.correlation);
        return;
    }
    if (auto refusal = center_.transfer(command.agentId, command.interactionId, command.toAgentId, command.toServiceId,
                                        command.note, message.correlation)) {
        refuse(command.topic, refusal->code, refusal->message, message.correlation);
    }
}

void ChatService::onBan(const events::BanCustomer& command, const Message& message) {
    if (!chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation)) return;
    const Interaction& interaction = *center_.interaction(command.interactionId);
    const std::int64_t now = toEpochMs(clock_.now());
    const std::vector<std::string> identities = identitiesOf(interaction);
    for (const std::string& identity : identities) {
        archive_.banIdentity(identity, fmt::format("/ban in chat {}", command.interactionId), command.agentId, now);
    }
    bus_.publish(events::CustomerBanned{command.interactionId, interaction.from, command.agentId}, message.correlation);
    systemLine(command.interactionId, fmt::format("{} was blacklisted", interaction.from));
    center_.release(command.agentId, command.interactionId, message.correlation, true);
}

void ChatService::onLiftBan(const events::LiftBan& command, const Message& message) {
    const UserAccount* user = center_.config().findUserById(command.agentId);
    if (!user || !center_.isLoggedIn(command.agentId) || user->role != "supervisor") {
        refuse(command.topic, chat_errors::noPermission, "Only a supervisor can lift a ban.", message.correlation);
        return;
    }
    if (!archive_.liftBan(command.identity)) {
        refuse(command.topic, chat_errors::notBlacklisted, fmt::format("{} is not blacklisted.", command.identity),
               message.correlation);
        return;
    }
    bus_.publish(events::BanLifted{command.identity, command.agentId}, message.correlation);
}

void ChatService::onSendForm(const events::SendForm& command, const Message& message) {
    Chat* chat = chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!chat) return;
    const SecureFormConfig* form = center_.config().chat.findForm(command.formId);
    if (!form) {
        refuse(command.topic, chat_errors::unknownForm, fmt::format("There is no secure form \"{}\".", command.formId),
               message.correlation);
        return;
    }
    const std::string requestId = fmt::format("{}-form{}", command.interactionId, ++chat->forms);
    forms_[requestId] = {command.interactionId, form};
    bus_.publish(events::ChatForm{command.interactionId, requestId, form->id, form->title, events::FormStatus::Sent,
                                  form->fields, "", ""},
                 message.correlation);
    systemLine(command.interactionId, fmt::format("{} sent to the customer", form->title));
}

void ChatService::onCoBrowse(const events::RequestCoBrowse& command, const Message& message) {
    Chat* chat = chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation);
    if (!chat) return;
    if (chat->coBrowse == events::CoBrowseState::Requested || chat->coBrowse == events::CoBrowseState::Active) {
        refuse(command.topic, error_codes::invalidState, "Co-browsing is already requested or running.",
               message.correlation);
        return;
    }
    chat->coBrowse = events::CoBrowseState::Requested;
    bus_.publish(events::ChatCoBrowse{command.interactionId, chat->coBrowse, "", events::Party::Agent}, message.correlation);
}

void ChatService::onStopCoBrowse(const events::StopCoBrowse& command, const Message& message) {
    Chat* chat = chatForCommand(command.topic, command.agentId, command.interactionId, message.correlation, false);
    if (!chat) return;
    if (chat->coBrowse != events::CoBrowseState::Requested && chat->coBrowse != events::CoBrowseState::Active) {
        refuse(command.topic, error_codes::invalidState, "Co-browsing is not running.", message.correlation);
        return;
    }
    const bool wasActive = chat->coBrowse == events::CoBrowseState::Active;
    chat->coBrowse = events::CoBrowseState::Ended;
    bus_.publish(events::ChatCoBrowse{command.interactionId, chat->coBrowse, "", events::Party::Agent}, message.correlation);
    if (wasActive) systemLine(command.interactionId, "Co-browsing stopped");
}

// ---- canned responses --------------------------------------------------------------------------------

void ChatService::publishCanned(const std::string& agentId, std::uint64_t correlation) {
    events::CannedList list{agentId, center_.config().chat.canned};
    for (events::CannedResponse& response : archive_.personalCanned(agentId)) list.responses.push_back(std::move(response));
    bus_.publish(list, correlation);
}

void ChatService::onSaveCanned(const events::SaveCanned& command, const Message& message) {
    events::CannedResponse response = command.response;
    response.title = trimmed(response.title);
    if (response.title.empty() || trimmed(response.text).empty()) {
        refuse(command.topic, chat_errors::invalidInput, "A canned response needs a title and a text.", message.correlation);
        return;
    }
    const auto& shared = center_.config().chat.canned;
    if (std::any_of(shared.begin(), shared.end(), [&](const auto& r) { return r.id == response.id; })) {
        refuse(command.topic, error_codes::notYours, "Shared responses come from the configuration and cannot be changed.",
               message.correlation);
        return;
    }
    if (response.id.empty()) {
        response.id = fmt::format("{}-{}-{}", command.agentId, toEpochMs(clock_.now()), ++nextCannedId_);
    }
    response.personal = true;
    if (response.category.empty()) response.category = "My responses";
    archive_.saveCanned(command.agentId, response);
    publishCanned(command.agentId, message.correlation);
}

void ChatService::onDeleteCanned(const events::DeleteCanned& command, const Message& message) {
    if (!archive_.deleteCanned(command.agentId, command.id)) {
        refuse(command.topic, error_codes::notYours, "Only your own responses can be deleted.", message.correlation);
        return;
    }
    publishCanned(command.agentId, message.correlation);
}

}  // namespace agentdesk::engine
