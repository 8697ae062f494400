#pragma once
// Keeps the contact center's interaction history in the store as it happens: a row when a
// customer arrives, updated when the interaction is answered, abandoned, ended, wrapped up and
// completed. Disposition and notes are written the moment the agent saves them
// (interaction.wrapup.save), so what an agent typed survives a crash of the desktop.

#include "model/contact_center.hpp"
#include "store/engine_store.hpp"

#include <functional>
#include <string>

namespace agentdesk::engine {

class InteractionRecorder final : public CenterObserver {
public:
    /// Called with a message when a write fails (the center keeps running; the row is missing).
    using ProblemSink = std::function<void(const std::string&)>;

    /// Observes `center` until destroyed. `center` and `store` must outlive the recorder.
    InteractionRecorder(ContactCenter& center, EngineStore& store, ProblemSink problems = {});
    ~InteractionRecorder() override;
    InteractionRecorder(const InteractionRecorder&) = delete;
    InteractionRecorder& operator=(const InteractionRecorder&) = delete;

    void queued(const Interaction& interaction, bool requeued) override;
    void answered(const Interaction& interaction) override;
    void abandoned(const Interaction& interaction, TimePoint at) override;
    void wrapUpSaved(const Interaction& interaction) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void completed(const Interaction& interaction, TimePoint at, bool byTimeout) override;

private:
    void save(const Interaction& interaction, std::string outcome, std::optional<TimePoint> completedAt = std::nullopt,
              std::optional<TimePoint> endedAt = std::nullopt);

    ContactCenter& center_;
    EngineStore& store_;
    ProblemSink problems_;
};

}  // namespace agentdesk::engine
