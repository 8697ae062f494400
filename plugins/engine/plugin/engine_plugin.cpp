// The engine plugin: the embedded contact center behind the desktop. It has no panels; it loads
// the scenario folder and runs a ContactCenter and its Simulation on the host's bus, clock and timers.

#include "model/assistance.hpp"
#include "model/campaign_service.hpp"
#include "model/center_config.hpp"
#include "model/chat_customers.hpp"
#include "model/chat_service.hpp"
#include "model/contact_center.hpp"
#include "model/directory_service.hpp"
#include "model/metrics_publisher.hpp"
#include "model/simulation.hpp"
#include "model/voice_automation.hpp"
#include "model/voice_service.hpp"
#include "store/call_journal.hpp"
#include "store/campaign_journal.hpp"
#include "store/calendar_service.hpp"
#include "store/customer_records.hpp"
#include "store/email_archive.hpp"
#include "store/email_service.hpp"
#include "store/engine_store.hpp"
#include "store/interaction_recorder.hpp"
#include "store/support_inbox.hpp"
#include "store/personal_line.hpp"
#include "store/profile_service.hpp"
#include "store/team_chat.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/simulation.hpp>
#include <agentdesk/plugin.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace agentdesk::engine {

class EnginePlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        // A ConfigError escapes on purpose: the host disables the plugin and shows its message.
        const std::filesystem::path scenarioDir = scenarioDirFor(host.loadSettings(), host.paths().assets);
        CenterConfig config = loadCenterConfig(scenarioDir);
        std::vector<CampaignConfig> campaigns = loadCampaigns(scenarioDir, config);
        host.log().info(fmt::format("contact center \"{}\" loaded from {}: {} users, {} desk phones",
                                    config.settings.name, scenarioDir.string(), config.users.size(),
                                    config.settings.deskPhoneExtensions.size()));
        center_ = std::make_unique<ContactCenter>(host.bus(), host.clock(), host.timers(), std::move(config));
        // A StoreError escapes too: a database from a newer version or a broken file disables the plugin
        // with the file's name, and the file is left as it is.
        store_ = std::make_unique<EngineStore>(EngineStore::fileIn(host.paths().data));
        recorder_ = std::make_unique<InteractionRecorder>(*center_, *store_, [&host](const std::string& problem) {
            host.log().error("engine database: " + problem);
        });
        host.log().info(fmt::format("interaction history in {} ({} stored)", store_->file().string(),
                                    store_->countInteractions()));
        voice_ = std::make_unique<VoiceService>(*center_, host.bus(), host.clock());
        callJournal_ = std::make_unique<StoredCallJournal>(*store_);
        voiceAutomation_ = std::make_unique<VoiceAutomation>(*center_, *voice_, host.bus(), host.clock(), *callJournal_);
        campaignJournal_ = std::make_unique<StoredCampaignJournal>(*store_);
        campaigns_ = std::make_unique<CampaignService>(*center_, host.bus(), host.clock(), host.timers(),
                                                       std::move(campaigns), *campaignJournal_);
        directory_ = std::make_unique<DirectoryService>(*center_, host.bus());
        calendar_ = std::make_unique<CalendarService>(*center_, *store_, host.bus(), host.clock(), host.timers());
        profiles_ = std::make_unique<ProfileService>(*center_, *store_, host.bus(), host.clock());
        personalLine_ = std::make_unique<PersonalLine>(*center_, *store_, host.bus(), host.clock(),
                                                       host.paths().data / "voicemail");
        teamChat_ = std::make_unique<TeamChat>(*center_, *store_, host.bus(), host.clock(), host.timers());
        customers_ = std::make_unique<CustomerRecords>(host.bus(), center_->config(), *store_);
        chats_ = std::make_unique<ChatService>(*center_, host.bus(), host.clock(), *store_);
        emailArchive_ = std::make_unique<EmailArchive>(*store_);
        emails_ = std::make_unique<EmailService>(*center_, *emailArchive_, host.bus(), host.clock(), host.timers());
        chatCustomers_ = std::make_unique<ChatCustomers>(*center_, *chats_, host.bus(), host.clock(), host.timers());
        metrics_ = std::make_unique<MetricsPublisher>(*center_, host.bus(), host.clock(), host.timers());
        assistance_ = std::make_unique<Assistance>(*center_, host.bus(), host.clock(), host.timers());
        supportInbox_ = std::make_unique<SupportInbox>(*center_, *store_, host.bus(), host.clock(),
                                                       host.paths().data / "admin-inbox");
        simulation_ = std::make_unique<Simulation>(*center_, host.clock(), host.timers());
        simulation_->simulatePersonalCalls([this](const std::string& agentId, const Customer& customer, int seconds) {
            personalLine_->personalCall(events::PersonalCall{agentId, "", customer.id, "", seconds});
        });
        emails_->simulateCustomerAnswers([this] { return simulation_ && simulation_->running(); });
        // About a third of the sample customers use a mail program that sends HTML only.
        emails_->simulateHtmlSenders([](const Interaction& interaction) {
            if (!interaction.customer) return interaction.arrival % 3 == 0;
            unsigned sum = 0;
            for (char c : interaction.customer->id) sum += static_cast<unsigned char>(c);
            return sum % 3 == 0;
        });
        Bus& bus = host.bus();
        simulationControl_ = bus.subscribe<events::SetSimulation>([this, &bus](const events::SetSimulation& c, const Message& m) {
            if (c.speed > 0) simulation_->setSpeed(c.speed);
            simulation_->setRunning(c.running);
            bus.publish(events::SimulationState{simulation_->running(), simulation_->speed(), simulation_->arrivals()},
                        m.correlation);
        });
        injectArrival_ = bus.subscribe<events::InjectArrival>([this, &bus](const events::InjectArrival& c, const Message& m) {
            Arrival arrival{c.serviceId, c.customerId, c.from, c.subject, std::nullopt, c.medium, c.message, {}};
            if (c.patienceMs > 0) arrival.patience = Milliseconds(c.patienceMs);
            applyChatScript(arrival, center_->config());
            if (auto refusal = center_->checkArrival(arrival)) {
                bus.publish(events::Error{std::string(events::InjectArrival::topic), std::string(refusal->code),
                                          refusal->message},
                            m.correlation);
                return;
            }
            const ServiceConfig* service = center_->config().findService(c.serviceId);
            if (service && service->channel == Channel::Email) {
                // An email: its text is the body, and a "[C-1001]" in the subject joins that case.
                InboundEmail email;
                email.serviceId = c.serviceId;
                const Customer* customer = center_->config().findCustomer(c.customerId);
                email.from = !c.from.empty() ? c.from : customer ? customer->email : std::string();
                email.subject = c.subject;
                email.plainBody = c.message;
                for (const std::string& name : c.files) {
                    std::string problem;
                    std::optional<events::EmailFile> file = scenarioAttachment(center_->config(), name, problem);
                    if (!file) {
                        bus.publish(events::Error{std::string(events::InjectArrival::topic), "invalid_input", problem}, m.correlation);
                        return;
                    }
                    email.files.push_back(std::move(*file));
                }
                emails_->customerWrites(std::move(email));
                return;
            }
            center_->arrive(arrival, m.correlation);
        });
        customerLeaves_ = bus.subscribe<events::CustomerLeaves>(
            [this](const events::CustomerLeaves& c) { center_->customerLeft(c.interactionId); });
        bus.publish(events::SimulationState{simulation_->running(), simulation_->speed(), simulation_->arrivals()});
    }

    void shutdown() override {
        simulationControl_ = {};
        injectArrival_ = {};
        customerLeaves_ = {};
        simulation_.reset();
        supportInbox_.reset();
        assistance_.reset();
        chatCustomers_.reset();
        chats_.reset();
        emails_.reset();
        emailArchive_.reset();
        customers_.reset();
        teamChat_.reset();
        personalLine_.reset();
        profiles_.reset();
        calendar_.reset();
        directory_.reset();
        voiceAutomation_.reset();
        callJournal_.reset();
        voice_.reset();
        campaigns_.reset();
        campaignJournal_.reset();
        metrics_.reset();
        recorder_.reset();
        center_.reset();
        store_.reset();
    }

private:
    std::unique_ptr<EngineStore> store_;
    std::unique_ptr<ContactCenter> center_;
    std::unique_ptr<InteractionRecorder> recorder_;
    std::unique_ptr<VoiceService> voice_;
    std::unique_ptr<StoredCallJournal> callJournal_;
    std::unique_ptr<VoiceAutomation> voiceAutomation_;
    std::unique_ptr<StoredCampaignJournal> campaignJournal_;
    std::unique_ptr<CampaignService> campaigns_;
    std::unique_ptr<DirectoryService> directory_;
    std::unique_ptr<CustomerRecords> customers_;
    std::unique_ptr<TeamChat> teamChat_;
    std::unique_ptr<CalendarService> calendar_;
    std::unique_ptr<ProfileService> profiles_;
    std::unique_ptr<PersonalLine> personalLine_;
    std::unique_ptr<ChatService> chats_;
    std::unique_ptr<ChatCustomers> chatCustomers_;
    std::unique_ptr<EmailArchive> emailArchive_;
    std::unique_ptr<EmailService> emails_;
    std::unique_ptr<MetricsPublisher> metrics_;
    std::unique_ptr<Assistance> assistance_;
    std::unique_ptr<SupportInbox> supportInbox_;
    std::unique_ptr<Simulation> simulation_;
    Subscription simulationControl_;
    Subscription injectArrival_;
    Subscription customerLeaves_;
};

}  // namespace agentdesk::engine

AGENTDESK_PLUGIN(agentdesk::engine::EnginePlugin)
