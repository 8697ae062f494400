#pragma once
// Schedule a follow-up from a call (spec VOICE-24): a follow-up activity at a date and time, with
// a note, linked to the call and its customer, put in the agent's calendar through the contact
// center (events/calendar.hpp), which reminds the agent at its time. No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/events/calendar.hpp>
#include <agentdesk/events/interaction.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::voice {

class CallFollowUp {
public:
    explicit CallFollowUp(Bus& bus);

    /// Asks for a follow-up of `call` (its agent's) at `atMs`, reminded then. False, with takeError,
    /// when the time is not after `nowMs`.
    bool schedule(const events::Offered& call, std::int64_t atMs, const std::string& note, std::int64_t nowMs);
    /// What the last follow-up scheduled here said ("Follow-up with ... on ..."), "" when none yet.
    const std::string& confirmation() const { return confirmation_; }
    /// The last refusal ("" when none), and clears it.
    std::string takeError();

    /// The follow-up's title for a call: "Call back <customer or number>".
    static std::string titleFor(const events::Offered& call);

private:
    Bus& bus_;
    std::vector<std::uint64_t> sent_;
    std::string confirmation_;
    std::string error_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::voice
