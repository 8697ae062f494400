#pragma once
// Draws the Contact Info panel: the customer's details, their history across channels (clipped
// table), and the transcript of a past chat chosen in it.

#include "model/contact_info.hpp"

namespace agentdesk::contact {

class ContactPanel {
public:
    explicit ContactPanel(ContactInfo& model) : model_(model) {}
    void draw();

private:
    ContactInfo& model_;
};

}  // namespace agentdesk::contact
