#pragma once
// Domain types shared by every plugin: agent states, channels, phone devices. No ImGui here.

#include "agentdesk/codec.hpp"

#include <string_view>

namespace agentdesk {

/// The agent's state as the contact center sees it (spec STATE-01).
enum class AgentState { LoggedOut, NotReady, Ready, Busy, AfterCallWork, Supervising };
AGENTDESK_ENUM_NAMES(AgentState, {AgentState::LoggedOut, "LoggedOut"}, {AgentState::NotReady, "NotReady"},
                     {AgentState::Ready, "Ready"}, {AgentState::Busy, "Busy"},
                     {AgentState::AfterCallWork, "AfterCallWork"}, {AgentState::Supervising, "Supervising"})

/// How an interaction reaches the agent.
enum class Channel { Voice, Chat, Email, Campaign };
AGENTDESK_ENUM_NAMES(Channel, {Channel::Voice, "Voice"}, {Channel::Chat, "Chat"}, {Channel::Email, "Email"},
                     {Channel::Campaign, "Campaign"})

/// Which kind of chat a Chat interaction is (spec CHAT-08, MOBILE-01); None for other channels.
enum class ChatMedium { None, WebChat, Sms, MobileApp };
AGENTDESK_ENUM_NAMES(ChatMedium, {ChatMedium::None, "None"}, {ChatMedium::WebChat, "WebChat"},
                     {ChatMedium::Sms, "Sms"}, {ChatMedium::MobileApp, "MobileApp"})

/// How calls reach the agent (spec UI-02).
enum class PhoneDevice { Softphone, DeskPhone, DialOut, NoPhone };
AGENTDESK_ENUM_NAMES(PhoneDevice, {PhoneDevice::Softphone, "Softphone"}, {PhoneDevice::DeskPhone, "DeskPhone"},
                     {PhoneDevice::DialOut, "DialOut"}, {PhoneDevice::NoPhone, "NoPhone"})

/// The label an agent reads for a state ("Not Ready", "After Call Work").
constexpr std::string_view displayName(AgentState state) {
    switch (state) {
        case AgentState::LoggedOut: return "Logged Out";
        case AgentState::NotReady: return "Not Ready";
        case AgentState::Ready: return "Ready";
        case AgentState::Busy: return "Busy";
        case AgentState::AfterCallWork: return "After Call Work";
        case AgentState::Supervising: return "Supervising";
    }
    return "";
}

/// The label an agent reads for a phone device choice.
constexpr std::string_view displayName(PhoneDevice device) {
    switch (device) {
        case PhoneDevice::Softphone: return "Softphone";
        case PhoneDevice::DeskPhone: return "Desk phone";
        case PhoneDevice::DialOut: return "Dial-out phone";
        case PhoneDevice::NoPhone: return "No phone";
    }
    return "";
}

}  // namespace agentdesk
