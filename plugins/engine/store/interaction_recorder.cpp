#include "store/interaction_recorder.hpp"

#include "store/database.hpp"

namespace agentdesk::engine {

namespace {

std::optional<std::int64_t> epochMsIfSet(TimePoint t) {
    return t == TimePoint{} ? std::nullopt : std::optional(toEpochMs(t));
}

}  // namespace

InteractionRecorder::InteractionRecorder(ContactCenter& center, EngineStore& store, ProblemSink problems)
    : center_(center), store_(store), problems_(std::move(problems)) {
    center_.addObserver(this);
}

InteractionRecorder::~InteractionRecorder() { center_.removeObserver(this); }

void InteractionRecorder::save(const Interaction& interaction, std::string outcome, std::optional<TimePoint> completedAt,
                               std::optional<TimePoint> endedAt) {
    InteractionRecord record;
    record.id = interaction.id;
    record.channel = interaction.service->channel;
    record.serviceId = interaction.service->id;
    if (!interaction.agentId.empty()) record.agentId = interaction.agentId;
    if (interaction.customer) record.customerId = interaction.customer->id;
    record.fromAddress = interaction.from;
    record.subject = interaction.subject;
    record.queuedAtMs = toEpochMs(interaction.queuedAt);
    if (interaction.stage != Stage::Queued && interaction.stage != Stage::Ringing) {
        record.answeredAtMs = epochMsIfSet(interaction.answeredAt);
    }
    record.endedAtMs = endedAt ? std::optional(toEpochMs(*endedAt)) : epochMsIfSet(interaction.endedAt);
    if (completedAt) record.completedAtMs = toEpochMs(*completedAt);
    record.outcome = std::move(outcome);
    if (!interaction.disposition.empty()) record.disposition = interaction.disposition;
    record.notes = interaction.notes;
    try {
        store_.saveInteraction(record);
    } catch (const StoreError& e) {
        if (problems_) problems_(e.what());
    }
}

void InteractionRecorder::queued(const Interaction& interaction, bool requeued) {
    if (!requeued) save(interaction, "queued");
}

void InteractionRecorder::answered(const Interaction& interaction) { save(interaction, "connected"); }

void InteractionRecorder::abandoned(const Interaction& interaction, TimePoint at) {
    save(interaction, "abandoned", std::nullopt, at);
}

void InteractionRecorder::wrapUpSaved(const Interaction& interaction) {
    try {
        std::optional<std::string> disposition;
        if (!interaction.disposition.empty()) disposition = interaction.disposition;
        store_.setWrapUp(interaction.id, disposition, interaction.notes);
    } catch (const StoreError& e) {
        if (problems_) problems_(e.what());
    }
}

void InteractionRecorder::ended(const Interaction& interaction, events::EndedBy by) {
    // A call handed on stays "transferred" in the customer's history; the colleague's part is a row of its own.
    if (by == events::EndedBy::Transferred && !interaction.transferredTo.empty()) return save(interaction, "transferred");
    save(interaction, interaction.stage == Stage::WrapUp ? "wrap-up" : "ended");
}

void InteractionRecorder::completed(const Interaction& interaction, TimePoint at, bool) {
    save(interaction, interaction.transferredTo.empty() ? "handled" : "transferred", at);
}

}  // namespace agentdesk::engine
