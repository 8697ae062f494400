#pragma once
// Where the chat channel keeps what must outlive the desktop: transcripts, attachments, the values
// of secure forms, the blacklist and the agents' own canned responses. The engine's SQLite store
// implements it; the chat logic only sees this interface.

#include <agentdesk/events/chat.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

class ChatArchive {
public:
    virtual ~ChatArchive() = default;

    /// Stores a transcript line, or replaces the stored one with the same message id (delivery changes).
    virtual void saveChatMessage(const events::ChatMessage& message) = 0;
    /// A chat's stored transcript, oldest first.
    virtual std::vector<events::ChatMessage> chatMessages(std::string_view interactionId) const = 0;
    /// Stores an attachment's bytes.
    virtual void saveChatFile(std::string_view interactionId, const events::ChatFile& file) = 0;
    /// A stored attachment, or nullopt.
    virtual std::optional<events::ChatFile> chatFile(std::string_view fileId) const = 0;
    /// Keeps what a customer filled in a secure form, apart from every transcript.
    virtual void saveSecureForm(std::string_view reference, std::string_view interactionId, std::string_view formId,
                                const std::map<std::string, std::string>& values, std::int64_t atMs) = 0;

    /// Refuses chats, texts and app messages from `identity` from now on.
    virtual void banIdentity(std::string_view identity, std::string_view reason, std::string_view byAgent,
                             std::int64_t atMs) = 0;
    /// False when `identity` was not banned.
    virtual bool liftBan(std::string_view identity) = 0;
    virtual bool isBanned(std::string_view identity) const = 0;

    /// An agent's own canned responses (personal = true), by title.
    virtual std::vector<events::CannedResponse> personalCanned(std::string_view agentId) const = 0;
    /// Inserts or replaces one of the agent's responses (by id).
    virtual void saveCanned(std::string_view agentId, const events::CannedResponse& response) = 0;
    /// False when the agent has no response with this id.
    virtual bool deleteCanned(std::string_view agentId, std::string_view id) = 0;
};

}  // namespace agentdesk::engine
