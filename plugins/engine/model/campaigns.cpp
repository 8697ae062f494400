#include "model/campaigns.hpp"
#include "model/contact_center.hpp"
#include "model/json_reading.hpp"

#include <agentdesk/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace agentdesk::engine {

using nlohmann::json;

namespace {

Milliseconds minutes(const json& object, const char* key, std::string_view where, Milliseconds fallback) {
    const double value = optionalNumber(object, key, where, static_cast<double>(fallback.count()) / 60'000.0, 0, 60 * 24 * 365);
    return Milliseconds(static_cast<std::int64_t>(value * 60'000.0));
}

CampaignRules parseRules(const json& entry, std::string_view where) {
    CampaignRules rules;
    auto it = entry.find("rules");
    if (it == entry.end() || it->is_null()) return rules;
    const std::string here = fmt::format("{}, \"rules\"", where);
    if (!it->is_object()) fail(here, "must be an object like {\"maxAttempts\": 3, \"retryMinutes\": 30}");
    rules.maxAttempts = optionalInt(*it, "maxAttempts", here, rules.maxAttempts, 1, 100);
    rules.retryDelay = minutes(*it, "retryMinutes", here, rules.retryDelay);
    rules.busyRetryDelay = minutes(*it, "busyRetryMinutes", here, rules.busyRetryDelay);
    rules.rejectDelay = minutes(*it, "rejectMinutes", here, rules.rejectDelay);
    rules.callbackDelay = minutes(*it, "callbackMinutes", here, rules.callbackDelay);
    return rules;
}

CallingRecordConfig parseRecord(const json& entry, const std::string& where) {
    if (!entry.is_object()) fail(where, "must be an object with id, name and numbers");
    CallingRecordConfig record;
    record.id = requireString(entry, "id", where);
    record.name = requireString(entry, "name", where);
    auto numbers = entry.find("numbers");
    if (numbers == entry.end() || !numbers->is_array() || numbers->empty()) {
        fail(where, "\"numbers\" must list one or more numbers like {\"number\": \"+44 20 7946 0011\", \"label\": \"mobile\"}");
    }
    for (const json& n : *numbers) {
        CampaignNumber number;
        if (n.is_string()) {
            number.number = n.get<std::string>();
        } else if (n.is_object()) {
            number.number = requireString(n, "number", where);
            number.label = optionalString(n, "label", where);
            const std::string simulate = optionalString(n, "simulate", where, "answer");
            if (simulate == "answer") number.outcome = CallOutcome::Answer;
            else if (simulate == "noAnswer") number.outcome = CallOutcome::NoAnswer;
            else if (simulate == "busy") number.outcome = CallOutcome::Busy;
            else fail(where, fmt::format("\"simulate\" must be answer, noAnswer or busy, not \"{}\"", simulate));
        } else {
            fail(where, "each number must be text or an object with \"number\"");
        }
        if (ContactCenter::normalizedNumber(number.number).empty()) {
            fail(where, fmt::format("\"{}\" is not a phone number", number.number));
        }
        record.numbers.push_back(std::move(number));
    }
    if (auto fields = entry.find("fields"); fields != entry.end() && !fields->is_null()) {
        if (!fields->is_object()) fail(where, "\"fields\" must be an object of names and values");
        // nlohmann::json keeps keys sorted; the order the file gives is kept by "fieldOrder" when set.
        std::vector<std::string> order = optionalStringList(entry, "fieldOrder", where);
        for (const auto& [name, value] : fields->items()) {
            if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
        }
        for (const std::string& name : order) {
            auto value = fields->find(name);
            if (value == fields->end()) continue;
            record.fields.push_back({name, value->is_string() ? value->get<std::string>() : value->dump()});
        }
    }
    return record;
}

CampaignConfig parseCampaign(const json& entry, const std::string& where, const CenterConfig& center) {
    if (!entry.is_object()) fail(where, "must be an object with id, name, mode, serviceId and records");
    CampaignConfig campaign;
    campaign.id = requireString(entry, "id", where);
    campaign.name = optionalString(entry, "name", where, campaign.id);
    const std::string mode = optionalString(entry, "mode", where, "Preview");
    auto parsed = enumFromName<events::DialingMode>(mode);
    if (!parsed) fail(where, fmt::format("\"mode\" must be Preview, Progressive or Predictive, not \"{}\"", mode));
    campaign.mode = *parsed;
    campaign.script = optionalString(entry, "script", where);
    campaign.serviceId = requireString(entry, "serviceId", where);
    const ServiceConfig* service = center.findService(campaign.serviceId);
    if (!service) fail(where, fmt::format("\"serviceId\" names no service of services.json: \"{}\"", campaign.serviceId));
    if (service->channel != Channel::Campaign) {
        fail(where, fmt::format("the service \"{}\" must have the channel Campaign", campaign.serviceId));
    }
    if (auto limit = optionalSeconds(entry, "previewSeconds", where)) campaign.previewLimit = *limit;
    campaign.agents = optionalStringList(entry, "agents", where);
    for (const std::string& agent : campaign.agents) {
        if (!center.findUserById(agent)) fail(where, fmt::format("\"agents\" names no user of users.json: \"{}\"", agent));
    }
    campaign.teams = optionalStringList(entry, "teams", where);
    campaign.rejectReasons = optionalStringList(entry, "rejectReasons", where);
    if (campaign.rejectReasons.empty()) campaign.rejectReasons = {"Not now", "Customer known to be away", "Other"};
    campaign.rules = parseRules(entry, where);
    auto records = entry.find("records");
    if (records == entry.end() || !records->is_array()) fail(where, "\"records\" must be the calling list: [...]");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < records->size(); ++i) {
        CallingRecordConfig record = parseRecord((*records)[i], fmt::format("{}, record {}", where, i + 1));
        if (!ids.insert(record.id).second) {
            fail(where, fmt::format("record {}: the id \"{}\" is already used", i + 1, record.id));
        }
        campaign.records.push_back(std::move(record));
    }
    return campaign;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool CampaignConfig::hasMember(const UserAccount& user) const {
    return contains(agents, user.id) || (!user.team.empty() && contains(teams, user.team));
}

const CallingRecordConfig* CampaignConfig::findRecord(std::string_view recordId) const {
    for (const CallingRecordConfig& record : records) {
        if (record.id == recordId) return &record;
    }
    return nullptr;
}

std::vector<CampaignConfig> parseCampaigns(const json& content, const CenterConfig& center) {
    if (!content.is_object() || !content.contains("campaigns") || !content["campaigns"].is_array()) {
        throw ConfigError("the file must contain an object with a \"campaigns\" list: {\"campaigns\": [...]}");
    }
    std::vector<CampaignConfig> campaigns;
    std::set<std::string> ids;
    const json& entries = content["campaigns"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = fmt::format("campaign {}", i + 1);
        CampaignConfig campaign = parseCampaign(entries[i], where, center);
        if (!ids.insert(campaign.id).second) fail(where, fmt::format("the id \"{}\" is already used", campaign.id));
        campaigns.push_back(std::move(campaign));
    }
    return campaigns;
}

std::vector<CampaignConfig> loadCampaigns(const std::filesystem::path& scenarioDir, const CenterConfig& center) {
    const std::filesystem::path file = scenarioDir / "campaigns.json";
    if (!std::filesystem::exists(file)) return {};
    return parseFile(file, "the outbound campaigns", [&](const json& content) { return parseCampaigns(content, center); });
}

// ---- the rules -------------------------------------------------------------------------------------

std::vector<std::string> callableNumbers(const CallingRecordConfig& record, const RecordState& state) {
    std::vector<std::string> numbers;
    for (const CampaignNumber& n : record.numbers) {
        if (state.wrongNumbers.contains(n.number)) continue;
        if (n.number == state.preferredNumber) numbers.insert(numbers.begin(), n.number);
        else numbers.push_back(n.number);
    }
    return numbers;
}

Fate applyDisposition(RecordState& state, const CampaignRules& rules, const CallingRecordConfig& record,
                      std::string_view disposition, const std::string& number, const std::string& agentId,
                      std::int64_t nowMs, std::int64_t callbackAtMs) {
    namespace d = campaign_dispositions;
    ++state.attempts;
    auto close = [&](std::string reason) {
        state.closed = true;
        state.closedReason = reason;
        state.ownerAgentId.clear();
        return Fate{true, std::move(reason)};
    };
    auto again = [&](std::int64_t atMs, std::string owner) {
        state.dueAtMs = atMs;
        state.ownerAgentId = std::move(owner);
        return Fate{false, fmt::format("Due again {}", text::dateTimeText(atMs))};
    };
    if (disposition == d::doNotCall) return close("Do not call");
    if (disposition == d::callback) {
        state.preferredNumber = number;
        return again(callbackAtMs > nowMs ? callbackAtMs : nowMs + rules.callbackDelay.count(), agentId);
    }
    if (disposition == d::wrongNumber) {
        state.wrongNumbers.insert(number);
        if (state.preferredNumber == number) state.preferredNumber.clear();
        if (callableNumbers(record, state).empty()) return close("No valid number left");
        if (state.attempts >= rules.maxAttempts) return close("Maximum attempts reached");
        return again(nowMs, "");
    }
    if (disposition == d::noAnswer || disposition == d::busy) {
        if (state.attempts >= rules.maxAttempts) return close("Maximum attempts reached");
        const Milliseconds delay = disposition == d::busy ? rules.busyRetryDelay : rules.retryDelay;
        return again(nowMs + delay.count(), "");
    }
    // Answered, or a result of the service's own ("Sale", "Not interested"): the customer was reached.
    return close(std::string(disposition.empty() ? d::answered : disposition));
}

Fate applyReject(RecordState& state, const CampaignRules& rules, std::int64_t nowMs) {
    state.dueAtMs = nowMs + rules.rejectDelay.count();
    state.ownerAgentId.clear();
    return Fate{false, fmt::format("Back in the list, due {}", text::dateTimeText(state.dueAtMs))};
}

Fate applyReschedule(RecordState& state, std::int64_t atMs, const std::string& number, const std::string& agentId,
                     bool personal) {
    state.dueAtMs = atMs;
    state.ownerAgentId = personal ? agentId : std::string();
    if (!number.empty()) state.preferredNumber = number;
    return Fate{false, fmt::format("Rescheduled for {}{}", text::dateTimeText(atMs), personal ? ", for you" : ", for anyone")};
}

}  // namespace agentdesk::engine
