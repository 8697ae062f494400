#pragma once
// The chat channel's configuration, from two optional files of the scenario folder:
//   chat.json              attachment limits, secure forms, and the scripts simulated chat
//                          customers follow (opening line, replies, closing, co-browsing)
//   canned_responses.json  the shared canned responses agents insert into chats and emails
// Mistakes are reported as ConfigError naming the entry and the fix.

#include <agentdesk/events/chat.hpp>
#include <agentdesk/types.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace agentdesk::engine {

/// A secure form an agent can send in a chat (e.g. a card payment); only field names are configured.
struct SecureFormConfig {
    std::string id;
    std::string title;
    std::vector<std::string> fields;
};

/// One thing a simulated chat customer writes, optionally with a file from the scenario folder.
struct ScriptLine {
    std::string text;
    std::filesystem::path file;  ///< absolute; empty for none
};

/// How a simulated chat customer behaves for one topic.
struct ChatScript {
    std::string subject;                          ///< the chat topic it plays ("" = any topic)
    ChatMedium medium = ChatMedium::WebChat;
    std::map<std::string, std::string> details;   ///< shown with the offer (device, location)
    std::string opening;                          ///< the first message, shown with the offer
    std::vector<ScriptLine> replies;              ///< one per message burst of the agent, in order
    std::string closing;                          ///< said when the replies run out, then the customer leaves
    std::string coBrowsePage;                     ///< the page shared when co-browsing ("" = declines)
};

/// The chat channel's settings (chat.json and canned_responses.json).
struct ChatSettings {
    std::int64_t maxFileBytes = 5 * 1024 * 1024;
    std::vector<std::string> fileTypes{"image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain"};
    std::vector<SecureFormConfig> forms;
    std::vector<ChatScript> scripts;
    std::vector<events::CannedResponse> canned;   ///< shared ones

    /// The form with this id, or nullptr.
    const SecureFormConfig* findForm(std::string_view id) const;
    /// The script for a chat topic: the one written for it, else the first general one, else nullptr.
    const ChatScript* scriptFor(std::string_view subject) const;
};

/// Reads chat.json's contents; files named by scripts are taken from `scenarioDir`. Throws ConfigError.
ChatSettings parseChatSettings(const nlohmann::json& json, const std::filesystem::path& scenarioDir);
/// Reads canned_responses.json's contents ({"responses": [...]}). Throws ConfigError.
std::vector<events::CannedResponse> parseCannedResponses(const nlohmann::json& json);

}  // namespace agentdesk::engine
