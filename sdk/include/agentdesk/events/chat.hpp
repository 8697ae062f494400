#pragma once
// Service chats: web chat, SMS text and mobile app messaging (spec CHAT-*, MOBILE-01). A chat is
// an interaction (events/interaction.hpp: offered, accept, release, wrap-up); what is said in it
// travels here:
//
//   chat.message              a line of the transcript (customer, agent or system), with attachments
//   chat.send            ->   chat.message (from Agent), then chat.delivery as the customer's side sees it
//   chat.delivery             a sent message was delivered / read
//   chat.typing               someone started or stopped typing (the desktop publishes the agent's)
//   chat.transcript.get  ->   chat.transcript   (every message so far: on accept, after a transfer)
//   chat.file.send       ->   chat.message with the attachment, or error file_too_large / file_type_not_allowed
//   chat.file.get        ->   chat.file         (the bytes of a stored attachment)
//   chat.transfer        ->   interaction.ended for this agent (the chat is offered to the target)
//   chat.ban             ->   chat.banned + interaction.ended (the agent wraps up); later contacts
//                             from that identity are refused (error customer_blacklisted)
//   blacklist.lift       ->   blacklist.lifted   (supervisors only)
//   chat.forms.get       ->   chat.forms        (the secure forms that can be sent)
//   chat.form.send       ->   chat.form (Sent), later chat.form (Filled or Failed); values never travel
//   chat.cobrowse.request->   chat.cobrowse (Requested, then Active or Declined); chat.cobrowse.stop -> Ended
//   canned.get / canned.save / canned.delete -> canned.list (shared responses and the agent's own)

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// Who wrote a line of a chat.
enum class Party { Customer, Agent, System };
AGENTDESK_ENUM_NAMES(Party, {Party::Customer, "Customer"}, {Party::Agent, "Agent"}, {Party::System, "System"})

/// How far a sent message got.
enum class Delivery { Sent, Delivered, Read };
AGENTDESK_ENUM_NAMES(Delivery, {Delivery::Sent, "Sent"}, {Delivery::Delivered, "Delivered"}, {Delivery::Read, "Read"})

/// A file sent in a chat; its bytes are fetched with chat.file.get.
struct Attachment {
    std::string fileId;
    std::string name;
    std::string mimeType;
    std::int64_t sizeBytes = 0;
    MSGPACK_DEFINE_MAP(fileId, name, mimeType, sizeBytes)
};

/// Event: a line of a chat's transcript.
struct ChatMessage {
    static constexpr std::string_view topic = "chat.message";
    std::string interactionId;
    std::string messageId;
    Party from = Party::Customer;
    std::string authorId;    ///< agent id for agent lines, customer id ("" when unknown) for customer lines
    std::string authorName;
    std::string text;
    std::int64_t atMs = 0;
    std::vector<Attachment> attachments;
    Delivery delivery = Delivery::Sent;
    MSGPACK_DEFINE_MAP(interactionId, messageId, from, authorId, authorName, text, atMs, attachments, delivery)
};

/// Command: send a message to the customer. Answered by ChatMessage or Error (unknown_interaction,
/// not_yours, invalid_state when the chat has ended, empty_message).
struct SendChat {
    static constexpr std::string_view topic = "chat.send";
    std::string interactionId;
    std::string agentId;
    std::string text;
    MSGPACK_DEFINE_MAP(interactionId, agentId, text)
};

/// Event: a message the agent sent reached the customer's device, or was read.
struct ChatDelivery {
    static constexpr std::string_view topic = "chat.delivery";
    std::string interactionId;
    std::string messageId;
    Delivery delivery = Delivery::Delivered;
    MSGPACK_DEFINE_MAP(interactionId, messageId, delivery)
};

/// Event: someone in a chat started or stopped typing.
struct ChatTyping {
    static constexpr std::string_view topic = "chat.typing";
    std::string interactionId;
    Party party = Party::Customer;
    bool typing = false;
    MSGPACK_DEFINE_MAP(interactionId, party, typing)
};

/// Command: every message of a chat so far. Answered by ChatTranscript or Error.
struct GetTranscript {
    static constexpr std::string_view topic = "chat.transcript.get";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Event: a chat's transcript, oldest first.
struct ChatTranscript {
    static constexpr std::string_view topic = "chat.transcript";
    std::string interactionId;
    std::vector<ChatMessage> messages;
    MSGPACK_DEFINE_MAP(interactionId, messages)
};

/// Command: send a picture or document. Answered by ChatMessage (with the attachment) or Error
/// (file_too_large, file_type_not_allowed; the message says the limit).
struct SendFile {
    static constexpr std::string_view topic = "chat.file.send";
    std::string interactionId;
    std::string agentId;
    std::string name;
    std::string mimeType;
    std::vector<char> data;
    std::string text;  ///< an optional caption
    MSGPACK_DEFINE_MAP(interactionId, agentId, name, mimeType, data, text)
};

/// Command: the bytes of an attachment. Answered by ChatFile or Error (unknown_file).
struct GetFile {
    static constexpr std::string_view topic = "chat.file.get";
    std::string fileId;
    MSGPACK_DEFINE_MAP(fileId)
};

/// Event: a stored attachment.
struct ChatFile {
    static constexpr std::string_view topic = "chat.file";
    std::string fileId;
    std::string name;
    std::string mimeType;
    std::vector<char> data;
    MSGPACK_DEFINE_MAP(fileId, name, mimeType, data)
};

/// Command: hand a chat to a colleague (toAgentId) or a service's queue (toServiceId) with an
/// optional note; the transcript goes with it. Answered by interaction.ended for this agent (no
/// wrap-up) or Error (unknown_agent, target_unavailable, unknown_service).
struct TransferChat {
    static constexpr std::string_view topic = "chat.transfer";
    std::string interactionId;
    std::string agentId;
    std::string toAgentId;
    std::string toServiceId;
    std::string note;
    MSGPACK_DEFINE_MAP(interactionId, agentId, toAgentId, toServiceId, note)
};

/// Command: end the chat at once and blacklist the customer's identity (chat id, phone number,
/// address). Answered by CustomerBanned then interaction.ended with wrap-up.
struct BanCustomer {
    static constexpr std::string_view topic = "chat.ban";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Event: an identity is on the blacklist; its chats, texts and messages are refused.
struct CustomerBanned {
    static constexpr std::string_view topic = "chat.banned";
    std::string interactionId;
    std::string identity;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, identity, agentId)
};

/// Command (supervisors): take an identity off the blacklist. Answered by BanLifted or Error
/// (no_permission, not_blacklisted).
struct LiftBan {
    static constexpr std::string_view topic = "blacklist.lift";
    std::string agentId;
    std::string identity;
    MSGPACK_DEFINE_MAP(agentId, identity)
};

/// Event: an identity may contact the center again.
struct BanLifted {
    static constexpr std::string_view topic = "blacklist.lifted";
    std::string identity;
    std::string agentId;
    MSGPACK_DEFINE_MAP(identity, agentId)
};

/// How far a secure form got.
enum class FormStatus { Sent, Filled, Failed };
AGENTDESK_ENUM_NAMES(FormStatus, {FormStatus::Sent, "Sent"}, {FormStatus::Filled, "Filled"},
                     {FormStatus::Failed, "Failed"})

/// A secure form the center can send.
struct SecureForm {
    std::string id;
    std::string title;
    std::vector<std::string> fields;
    MSGPACK_DEFINE_MAP(id, title, fields)
};

/// Command: the secure forms an agent may send. Answered by ChatForms.
struct GetForms {
    static constexpr std::string_view topic = "chat.forms.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: the secure forms configured.
struct ChatForms {
    static constexpr std::string_view topic = "chat.forms";
    std::vector<SecureForm> forms;
    MSGPACK_DEFINE_MAP(forms)
};

/// Command: send a secure form (one of chat.forms). Answered by ChatForm.
struct SendForm {
    static constexpr std::string_view topic = "chat.form.send";
    std::string interactionId;
    std::string agentId;
    std::string formId;
    MSGPACK_DEFINE_MAP(interactionId, agentId, formId)
};

/// Event: a secure form's status. The values the customer filled go to secure storage under
/// `reference`; only the names of the fields travel.
struct ChatForm {
    static constexpr std::string_view topic = "chat.form";
    std::string interactionId;
    std::string requestId;
    std::string formId;
    std::string title;
    FormStatus status = FormStatus::Sent;
    std::vector<std::string> fields;
    std::string reference;  ///< where the values are kept, once Filled
    std::string detail;     ///< why it failed
    MSGPACK_DEFINE_MAP(interactionId, requestId, formId, title, status, fields, reference, detail)
};

/// Co-browsing session states.
enum class CoBrowseState { Requested, Active, Declined, Ended };
AGENTDESK_ENUM_NAMES(CoBrowseState, {CoBrowseState::Requested, "Requested"}, {CoBrowseState::Active, "Active"},
                     {CoBrowseState::Declined, "Declined"}, {CoBrowseState::Ended, "Ended"})

/// Command: ask the customer to share the page they are on. Answered by ChatCoBrowse.
struct RequestCoBrowse {
    static constexpr std::string_view topic = "chat.cobrowse.request";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: stop co-browsing. Answered by ChatCoBrowse (Ended).
struct StopCoBrowse {
    static constexpr std::string_view topic = "chat.cobrowse.stop";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Event: co-browsing state of a chat.
struct ChatCoBrowse {
    static constexpr std::string_view topic = "chat.cobrowse";
    std::string interactionId;
    CoBrowseState state = CoBrowseState::Requested;
    std::string url;   ///< the page the customer is on, while Active
    Party by = Party::Agent;  ///< who caused this state
    MSGPACK_DEFINE_MAP(interactionId, state, url, by)
};

/// A prepared text an agent inserts into a chat or email.
struct CannedResponse {
    std::string id;
    std::string category;
    std::string shortcut;  ///< typed as "#shortcut" in the input
    std::string title;
    std::string text;
    bool personal = false;  ///< the agent's own (editable); shared ones come from configuration
    MSGPACK_DEFINE_MAP(id, category, shortcut, title, text, personal)
};

/// Command: the responses this agent may use. Answered by CannedList.
struct GetCanned {
    static constexpr std::string_view topic = "canned.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Command: create (id "") or change one of the agent's own responses. Answered by CannedList
/// or Error (not_yours for a shared one, invalid_input for an empty title or text).
struct SaveCanned {
    static constexpr std::string_view topic = "canned.save";
    std::string agentId;
    CannedResponse response;
    MSGPACK_DEFINE_MAP(agentId, response)
};

/// Command: delete one of the agent's own responses. Answered by CannedList or Error.
struct DeleteCanned {
    static constexpr std::string_view topic = "canned.delete";
    std::string agentId;
    std::string id;
    MSGPACK_DEFINE_MAP(agentId, id)
};

/// Event: the responses an agent may use, shared ones first.
struct CannedList {
    static constexpr std::string_view topic = "canned.list";
    std::string agentId;
    std::vector<CannedResponse> responses;
    MSGPACK_DEFINE_MAP(agentId, responses)
};

}  // namespace agentdesk::events
