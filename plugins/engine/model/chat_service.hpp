#pragma once
// The chat channel of the embedded contact center (spec CHAT-*, MOBILE-01): transcripts, delivery
// and typing, attachments with limits, transfer with the transcript, /ban and the blacklist,
// secure forms, co-browsing and canned responses. It answers the commands of events/chat.hpp on
// the bus; the customer's side (the simulation, later a messaging gateway) acts through the
// customer* methods. Transcripts, files, form values, bans and personal responses go to a ChatArchive.

#include "model/chat_archive.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/chat.hpp>
#include <agentdesk/local_files.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// Stable codes of the chat channel's errors (besides ContactCenter's).
namespace chat_errors {
inline constexpr std::string_view emptyMessage = "empty_message";
inline constexpr std::string_view fileTooLarge = "file_too_large";
inline constexpr std::string_view fileTypeNotAllowed = "file_type_not_allowed";
inline constexpr std::string_view unknownFile = "unknown_file";
inline constexpr std::string_view unknownForm = "unknown_form";
inline constexpr std::string_view noPermission = "no_permission";
inline constexpr std::string_view notBlacklisted = "not_blacklisted";
inline constexpr std::string_view invalidInput = "invalid_input";
}  // namespace chat_errors

/// A file the customer sends.
using CustomerFile = LocalFile;

class ChatService final : public CenterObserver {
public:
    /// Answers the chat commands on `bus` and refuses chats from banned identities. Everything passed
    /// must outlive the service.
    ChatService(ContactCenter& center, Bus& bus, const Clock& clock, ChatArchive& archive);
    ~ChatService() override;
    ChatService(const ChatService&) = delete;
    ChatService& operator=(const ChatService&) = delete;

    // ---- the customer's side -------------------------------------------------------------------

    /// The customer writes (with an optional file). Returns the message id, or nullopt when the chat
    /// is over or unknown.
    std::optional<std::string> customerSays(std::string_view interactionId, std::string text,
                                            std::optional<CustomerFile> file = std::nullopt);
    /// The customer starts or stops typing.
    void customerTyping(std::string_view interactionId, bool typing);
    /// A message the agent sent reached the customer's device, or was read.
    void customerReceived(std::string_view interactionId, std::string_view messageId, events::Delivery delivery);
    /// The customer submitted a secure form; the values go to the archive only.
    void customerFilledForm(std::string_view requestId, const std::map<std::string, std::string>& values);
    /// The customer answered a co-browsing request (url: the page shared when they agree).
    void customerCoBrowse(std::string_view interactionId, bool agrees, std::string url = {});

    // ---- queries ---------------------------------------------------------------------------------

    /// The transcript of a live chat, or nullptr.
    const std::vector<events::ChatMessage>* transcript(std::string_view interactionId) const;
    /// The identities a ban on this interaction's customer covers (address, phone, email).
    std::vector<std::string> identitiesOf(const Interaction& interaction) const;

    // CenterObserver
    void queued(const Interaction& interaction, bool requeued) override;
    void transferred(const Interaction& interaction, const std::string& fromAgentId) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void abandoned(const Interaction& interaction, TimePoint at) override;
    void completed(const Interaction& interaction, TimePoint at, bool byTimeout) override;

private:
    struct Chat {
        std::vector<events::ChatMessage> messages;
        bool over = false;
        int files = 0;
        int forms = 0;
        events::CoBrowseState coBrowse = events::CoBrowseState::Ended;
    };
    struct PendingForm {
        std::string interactionId;
        const SecureFormConfig* form = nullptr;
    };

    Chat* findChat(std::string_view interactionId);
    /// Checks that the agent works on this chat and it is still going; on refusal answers the command.
    Chat* chatForCommand(std::string_view command, std::string_view agentId, std::string_view interactionId,
                         std::uint64_t correlation, bool mustBeLive = true);
    /// Adds a line, archives and publishes it; returns its message id.
    std::string append(std::string_view interactionId, Chat& chat, events::ChatMessage message,
                       std::uint64_t correlation = 0);
    void systemLine(std::string_view interactionId, std::string text);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);
    void publishCanned(const std::string& agentId, std::uint64_t correlation);
    std::optional<ContactCenter::Refusal> admit(const Arrival& arrival, const Customer* customer,
                                                const ServiceConfig& service) const;

    void onSend(const events::SendChat& command, const Message& message);
    void onTranscript(const events::GetTranscript& command, const Message& message);
    void onSendFile(const events::SendFile& command, const Message& message);
    void onGetFile(const events::GetFile& command, const Message& message);
    void onTransfer(const events::TransferChat& command, const Message& message);
    void onBan(const events::BanCustomer& command, const Message& message);
    void onLiftBan(const events::LiftBan& command, const Message& message);
    void onSendForm(const events::SendForm& command, const Message& message);
    void onCoBrowse(const events::RequestCoBrowse& command, const Message& message);
    void onStopCoBrowse(const events::StopCoBrowse& command, const Message& message);
    void onSaveCanned(const events::SaveCanned& command, const Message& message);
    void onDeleteCanned(const events::DeleteCanned& command, const Message& message);

    ContactCenter& center_;
    Bus& bus_;
    const Clock& clock_;
    ChatArchive& archive_;
    std::map<std::string, Chat, std::less<>> chats_;            // live chats, by interaction id
    std::map<std::string, PendingForm, std::less<>> forms_;     // sent, not yet filled, by request id
    std::uint64_t nextCannedId_ = 0;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
