#pragma once
// Font Awesome 4.7 glyphs (Debian fonts-font-awesome), merged into the UI font by the host.
// Use them inside ImGui strings: ImGui::Button(AD_ICON_PHONE " Call").

/// First and last code points the host loads from the icon font.
#define AD_ICON_MIN 0xf000
#define AD_ICON_MAX 0xf2e0

#define AD_ICON_PHONE "\xef\x82\x95"  // U+F095
#define AD_ICON_PHONE_SQUARE "\xef\x82\x98"  // U+F098
#define AD_ICON_COMMENTS "\xef\x82\x86"  // U+F086
#define AD_ICON_COMMENT "\xef\x81\xb5"  // U+F075
#define AD_ICON_ENVELOPE "\xef\x83\xa0"  // U+F0E0
#define AD_ICON_BOOK "\xef\x80\xad"  // U+F02D
#define AD_ICON_USER "\xef\x80\x87"  // U+F007
#define AD_ICON_USERS "\xef\x83\x80"  // U+F0C0
#define AD_ICON_BELL "\xef\x83\xb3"  // U+F0F3
#define AD_ICON_COG "\xef\x80\x93"  // U+F013
#define AD_ICON_PLUG "\xef\x87\xa6"  // U+F1E6
#define AD_ICON_LIST "\xef\x80\xba"  // U+F03A
#define AD_ICON_TH_LARGE "\xef\x80\x89"  // U+F009
#define AD_ICON_SEARCH "\xef\x80\x82"  // U+F002
#define AD_ICON_CLOCK "\xef\x80\x97"  // U+F017
#define AD_ICON_CALENDAR "\xef\x81\xb3"  // U+F073
#define AD_ICON_DASHBOARD "\xef\x83\xa4"  // U+F0E4
#define AD_ICON_DESKTOP "\xef\x84\x88"  // U+F108
#define AD_ICON_SIGN_IN "\xef\x82\x90"  // U+F090
#define AD_ICON_SIGN_OUT "\xef\x82\x8b"  // U+F08B
#define AD_ICON_CHECK "\xef\x80\x8c"  // U+F00C
#define AD_ICON_TIMES "\xef\x80\x8d"  // U+F00D
#define AD_ICON_PAUSE "\xef\x81\x8c"  // U+F04C
#define AD_ICON_PLAY "\xef\x81\x8b"  // U+F04B
#define AD_ICON_STOP "\xef\x81\x8d"  // U+F04D
#define AD_ICON_MICROPHONE "\xef\x84\xb0"  // U+F130
#define AD_ICON_MICROPHONE_SLASH "\xef\x84\xb1"  // U+F131
#define AD_ICON_CIRCLE "\xef\x84\x91"  // U+F111
#define AD_ICON_EXCLAMATION_TRIANGLE "\xef\x81\xb1"  // U+F071
#define AD_ICON_INFO_CIRCLE "\xef\x81\x9a"  // U+F05A
#define AD_ICON_CHECK_CIRCLE "\xef\x81\x98"  // U+F058
#define AD_ICON_TIMES_CIRCLE "\xef\x81\x97"  // U+F057
#define AD_ICON_QUESTION_CIRCLE "\xef\x81\x99"  // U+F059
#define AD_ICON_FILE_TEXT "\xef\x85\x9c"  // U+F15C
#define AD_ICON_TERMINAL "\xef\x84\xa0"  // U+F120
#define AD_ICON_CARET_DOWN "\xef\x83\x97"  // U+F0D7
#define AD_ICON_HEADPHONES "\xef\x80\xa5"  // U+F025
#define AD_ICON_BULLHORN "\xef\x82\xa1"  // U+F0A1
#define AD_ICON_STAR "\xef\x80\x85"  // U+F005
#define AD_ICON_ADDRESS_BOOK "\xef\x8a\xb9"  // U+F2B9
#define AD_ICON_HAND_PAPER "\xef\x89\x96"  // U+F256
#define AD_ICON_KEYBOARD "\xef\x84\x9c"  // U+F11C
#define AD_ICON_SHARE "\xef\x81\xa4"  // U+F064
#define AD_ICON_REFRESH "\xef\x80\xa1"  // U+F021
#define AD_ICON_WINDOW_RESTORE "\xef\x8b\x92"  // U+F2D2
#define AD_ICON_THUMB_TACK "\xef\x82\x8d"  // U+F08D
#define AD_ICON_LOCK "\xef\x80\xa3"  // U+F023
#define AD_ICON_PAPERCLIP "\xef\x83\x86"  // U+F0C6
#define AD_ICON_INBOX "\xef\x80\x9c"  // U+F01C
#define AD_ICON_MOBILE "\xef\x84\x8b"  // U+F10B
#define AD_ICON_PAPER_PLANE "\xef\x87\x98"  // U+F1D8
#define AD_ICON_BAN "\xef\x81\x9e"  // U+F05E
#define AD_ICON_EYE "\xef\x81\xae"  // U+F06E
#define AD_ICON_EXCHANGE "\xef\x83\xac"  // U+F0EC
#define AD_ICON_GLOBE "\xef\x82\xac"  // U+F0AC

#include "agentdesk/types.hpp"

namespace agentdesk::ui {

/// The glyph every panel shows for a channel.
constexpr const char* channelIcon(Channel channel) {
    switch (channel) {
        case Channel::Voice: return AD_ICON_PHONE;
        case Channel::Chat: return AD_ICON_COMMENTS;
        case Channel::Email: return AD_ICON_ENVELOPE;
        case Channel::Campaign: return AD_ICON_BULLHORN;
    }
    return AD_ICON_CIRCLE;
}

}  // namespace agentdesk::ui
