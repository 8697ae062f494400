#pragma once
// The Profile dialog (spec UI-11), opened from the user menu: the avatar (the photo, round, or the
// initials when there is none), display name, photo (a path to an image file), dial-out number
// and language; and the password change.

#include "model/profile_model.hpp"

#include <agentdesk/host_api.hpp>

#include <map>
#include <string>

namespace agentdesk::agent {

class ProfileDialog {
public:
    ProfileDialog(ProfileModel& model, HostApi& host) : model_(model), host_(host) {}
    /// Opens the dialog on the next draw, filled from the stored profile.
    void open();
    void draw();
    /// The name the top bar shows: the profile's, else the account's.
    std::string displayName() const { return model_.displayName(); }
    /// Draws the round avatar at the cursor, `size` pixels wide: the photo at `photo` once the
    /// host has decoded it, else the initials of `name`.
    void avatar(const std::string& name, const std::string& photo, float size);
    /// The photo path as saved in the profile.
    const std::string& photoPath() const { return model_.profile().photoPath; }

private:
    ProfileModel& model_;
    HostApi& host_;
    bool open_ = false;     // to be placed and focused on the next draw
    bool visible_ = false;
    bool saveAsked_ = false;
    char displayName_[96] = {};
    char photo_[512] = {};
    char phone_[32] = {};
    int language_ = 0;
    char oldPassword_[128] = {};
    char newPassword_[128] = {};
    char confirmPassword_[128] = {};
    std::string error_;
    std::map<std::string, std::string> photoProblems_;  // photo paths that could not be read, and why
};

}  // namespace agentdesk::agent
