// The windowed desktop: GLFW window, OpenGL 3.3 core through glad, Dear ImGui, and the shell
// around the plugins' panels (menu bar, top bar, dock workspace, floating panels, toasts).
//
// Contents
//   1. Window, fonts, theme
//   2. Frame loop (sleeps when nothing changes)
//   3. Menu bar and top bar
//   4. Dock workspace drawing (tabs, splitters, drop zones) and floating panels
//   5. Host panels (Plugins, Log, Notifications), toasts, shortcuts
//   6. Settings, layouts, screenshots

#include "app/desktop.hpp"

#include "core/json_file.hpp"
#include "core/logging.hpp"
#include "shell/shortcuts.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>
#include <agentdesk/version.hpp>

#include <glad/gl.h>
// glad must come first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cmath>
#include <csignal>
#include <vector>

namespace agentdesk::host {

namespace fs = std::filesystem;
using workspace::DropZone;
using workspace::NodeId;
using workspace::Rect;

namespace {

constexpr int kDefaultWidth = 1280;
constexpr int kDefaultHeight = 800;
constexpr float kTopBarHeight = 42.0f;
constexpr float kSplitter = 5.0f;
constexpr const char* kUiFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
// Offered to plugins beside the UI font (found in the atlas by its name), e.g. for an email editor.
constexpr const char* kMonoFont = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
constexpr const char* kIconFont = "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf";
// In wallboard mode (--wallboard) this panel fills the screen, without menus, tabs or login.
constexpr const char* kWallboardPanel = "wallboard.board";
// Large sizes baked for display text (a wallboard's figures), in pixels at 1080 lines; scaled by
// the monitor's height and DPI so text stays sharp at 4K instead of being a stretched bitmap.
constexpr float kDisplaySizes[] = {22, 28, 36, 48, 64, 88, 120};
constexpr float kReferenceLines = 1080.0f;

ImVec2 toVec(float x, float y) { return ImVec2(x, y); }

// A wallboard is often run by a service manager: SIGTERM or SIGINT ends it cleanly at the next tick.
std::atomic<bool> gTerminate{false};
extern "C" void onTerminate(int) { gTerminate = true; }

bool contains(const Rect& r, ImVec2 p) { return p.x >= r.x && p.x < r.x + r.w && p.y >= r.y && p.y < r.y + r.h; }

// Which drop zone of `r` the mouse is over: the outer quarter of each side, else the center.
DropZone zoneAt(const Rect& r, ImVec2 p) {
    float fx = (p.x - r.x) / r.w, fy = (p.y - r.y) / r.h;
    float edge = 0.25f;
    float best = edge;
    DropZone zone = DropZone::Center;
    if (fx < best) { best = fx; zone = DropZone::Left; }
    if (1 - fx < best) { best = 1 - fx; zone = DropZone::Right; }
    if (fy < best) { best = fy; zone = DropZone::Top; }
    if (1 - fy < best) { zone = DropZone::Bottom; }
    return zone;
}

Rect previewRect(const Rect& r, DropZone zone) {
    switch (zone) {
        case DropZone::Left: return {r.x, r.y, r.w * 0.5f, r.h};
        case DropZone::Right: return {r.x + r.w * 0.5f, r.y, r.w * 0.5f, r.h};
        case DropZone::Top: return {r.x, r.y, r.w, r.h * 0.5f};
        case DropZone::Bottom: return {r.x, r.y + r.h * 0.5f, r.w, r.h * 0.5f};
        case DropZone::Center: return r;
    }
    return r;
}

ImVec4 severityColour(Severity s) {
    switch (s) {
        case Severity::Error: return ImVec4(0.90f, 0.30f, 0.28f, 1);
        case Severity::Warning: return ImVec4(0.95f, 0.70f, 0.20f, 1);
        case Severity::Success: return ImVec4(0.30f, 0.78f, 0.40f, 1);
        case Severity::Info: return ImVec4(0.40f, 0.65f, 0.95f, 1);
    }
    return ImVec4(1, 1, 1, 1);
}

const char* severityIcon(Severity s) {
    switch (s) {
        case Severity::Error: return AD_ICON_TIMES_CIRCLE;
        case Severity::Warning: return AD_ICON_EXCLAMATION_TRIANGLE;
        case Severity::Success: return AD_ICON_CHECK_CIRCLE;
        case Severity::Info: return AD_ICON_INFO_CIRCLE;
    }
    return "";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 1. Window, fonts, theme
// ---------------------------------------------------------------------------------------------

bool Desktop::openWindow(std::string& error) {
    glfwSetErrorCallback([](int code, const char* text) { appLog().error("GLFW error {}: {}", code, text); });
    if (!glfwInit()) {
        error = "cannot initialise GLFW (is a display available? try xvfb-run)";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);

    const auto& win = settings_.contains("window") ? settings_["window"] : nlohmann::json::object();
    int width = options_.width ? options_.width : win.value("w", kDefaultWidth);
    int height = options_.height ? options_.height : win.value("h", kDefaultHeight);
    int monitorX = 0, monitorY = 0;
    const bool fullScreen = options_.wallboard && chooseMonitor(monitorX, monitorY, width, height);
    if (options_.wallboard && options_.width) {
        width = options_.width;  // --size wins (tests, a window beside others)
        height = options_.height;
    }
    width = std::clamp(width, 640, 7680);
    height = std::clamp(height, 480, 4320);
    if (options_.wallboard) {
        // Borderless at the monitor's size and position: "windowed full screen", no video mode change,
        // and it stays up when another window takes the focus.
        glfwWindowHint(GLFW_DECORATED, options_.width ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
        glfwWindowHint(GLFW_FLOATING, fullScreen && !options_.width ? GLFW_TRUE : GLFW_FALSE);
    }
    window_ = glfwCreateWindow(width, height, options_.wallboard ? "AgentDesk Wallboard" : "AgentDesk", nullptr, nullptr);
    if (!window_) {
        error = "cannot create an OpenGL 3.3 core window";
        glfwTerminate();
        return false;
    }
    if (options_.wallboard) {
        if (fullScreen) glfwSetWindowPos(window_, monitorX, monitorY);
        display_.monitorWidth = std::max(width, display_.monitorWidth);
        display_.monitorHeight = std::max(height, display_.monitorHeight);
    } else if (!options_.width && win.contains("x") && win.contains("y")) {
        glfwSetWindowPos(window_, win.value("x", 100), win.value("y", 100));
    }
    glfwMakeContextCurrent(window_);
    if (!gladLoadGL(glfwGetProcAddress)) {
        error = "cannot load OpenGL 3.3 functions";
        return false;
    }
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imguiReady_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the workspace saves its own layout
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would wake the desktop twice a second
    if (options_.wallboard) {
        // A wallboard redraws for its timers, for new figures and for input, not for every bus message
        // (runWindowed): these note the input. Installed first, so ImGui's callbacks chain to them.
        glfwSetWindowUserPointer(window_, this);
        glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { noteInput(w); });
        glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) { noteInput(w); });
        glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) { noteInput(w); });
        glfwSetKeyCallback(window_, [](GLFWwindow* w, int, int, int, int) { noteInput(w); });
        glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int) { noteInput(w); });
        glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int) { noteInput(w); });
        glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { noteInput(w); });
        glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { noteInput(w); });
    }
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    loadFonts();
    applyTheme();
    appLog().info("window {}x{}, OpenGL {}", width, height, reinterpret_cast<const char*>(glGetString(GL_VERSION)));
    return true;
}

void Desktop::noteInput(GLFWwindow* window) {
    if (auto* self = static_cast<Desktop*>(glfwGetWindowUserPointer(window))) self->inputSeen_ = true;
}

bool Desktop::chooseMonitor(int& x, int& y, int& width, int& height) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (!monitors || count == 0) {
        startNotice_ = "No monitor found; the wallboard opens as a window.";
        return false;
    }
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (options_.monitor > count) {
        startNotice_ = fmt::format("There is no monitor {} (this display has {}); the wallboard is on the primary one.",
                                   options_.monitor, count);
    } else if (options_.monitor > 0) {
        monitor = monitors[options_.monitor - 1];
    }
    if (!monitor) monitor = monitors[0];
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (!mode) return false;
    glfwGetMonitorPos(monitor, &x, &y);
    width = mode->width;
    height = mode->height;
    float sx = 1.0f, sy = 1.0f;
    glfwGetMonitorContentScale(monitor, &sx, &sy);
    int mmWidth = 0, mmHeight = 0;
    glfwGetMonitorPhysicalSize(monitor, &mmWidth, &mmHeight);
    display_.monitorWidth = width;
    display_.monitorHeight = height;
    display_.contentScale = std::max(sx, sy);
    appLog().info("wallboard on monitor \"{}\": {}x{} at {},{}, {} dpi, content scale {:.2f}", glfwGetMonitorName(monitor),
                  width, height, x, y, mmWidth > 0 ? static_cast<int>(std::lround(width * 25.4 / mmWidth)) : 0,
                  display_.contentScale);
    return true;
}

TextureFunctions Desktop::glTextures() {
    TextureFunctions gl;
    gl.create = [](int width, int height, const unsigned char* rgba) -> void* {
        GLuint texture = 0;
        glGenTextures(1, &texture);
        if (!texture) return nullptr;
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
        glBindTexture(GL_TEXTURE_2D, 0);
        return reinterpret_cast<void*>(static_cast<std::intptr_t>(texture));
    };
    gl.destroy = [](void* handle) {
        const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(handle));
        glDeleteTextures(1, &texture);
    };
    return gl;
}

void Desktop::closeWindow() {
    if (pictures_) pictures_->clear();  // textures go while their GL context is still there
    if (window_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (imguiReady_) {
        ImGui::DestroyContext();
        imguiReady_ = false;
    }
    if (window_) {
        glfwDestroyWindow(window_);
        window_ = nullptr;
        glfwTerminate();
    }
}

void Desktop::loadFonts() {
    ImGuiIO& io = ImGui::GetIO();
    float scale = 1.0f;
    glfwGetWindowContentScale(window_, &scale, nullptr);
    scale = std::max(1.0f, scale) * (options_.wallboard ? 1.0f : appearance_.fontScale);
    // A wallboard is read from across the room: its sizes follow the screen's height (a 4K wall
    // gets glyphs baked twice as large as a 1080p one), and the DPI scale when that is larger.
    float displayScale = scale;
    if (options_.wallboard) {
        int fbWidth = 0, fbHeight = 0;
        glfwGetFramebufferSize(window_, &fbWidth, &fbHeight);
        displayScale = std::max(display_.contentScale, static_cast<float>(fbHeight) / kReferenceLines);
        displayScale = std::clamp(displayScale, 1.0f, 4.0f);
        scale = std::max(scale, displayScale);
    }
    const float size = std::round(16.0f * scale);
    if (!fs::exists(kUiFont)) {
        appLog().warn("UI font {} missing (install fonts-dejavu-core); using the built-in font", kUiFont);
        io.Fonts->AddFontDefault();
        return;
    }
    // Latin with the extended letters of European names (Łódź, Dvořák), punctuation (• – …), the
    // euro sign, arrows and geometric shapes; DejaVu has them all.
    static const ImWchar textRanges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0x2190, 0x21FF,
                                         0x25A0, 0x25FF, 0};
    io.Fonts->AddFontFromFileTTF(kUiFont, size, nullptr, textRanges);
    if (fs::exists(kIconFont)) {
        static const ImWchar iconRanges[] = {AD_ICON_MIN, AD_ICON_MAX, 0};
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.GlyphMinAdvanceX = size;  // icons line up in lists
        merge.GlyphOffset.y = 1.0f;
        io.Fonts->AddFontFromFileTTF(kIconFont, size - 1.0f, &merge, iconRanges);
    } else {
        appLog().warn("icon font {} missing (install fonts-font-awesome)", kIconFont);
    }
    if (!options_.wallboard && fs::exists(kMonoFont)) io.Fonts->AddFontFromFileTTF(kMonoFont, size, nullptr, textRanges);

    // Display sizes: Latin letters, punctuation and the few icons a board shows, baked once per size;
    // the largest ones (figures) only need basic Latin, which keeps a 4K atlas small.
    static const ImWchar displayRanges[] = {0x0020, 0x017F, 0x2013, 0x2014, 0x2022, 0x2022, 0x2026, 0x2026,
                                            0x2190, 0x2193, 0x25B2, 0x25B2, 0x25BC, 0x25BC, 0};
    static const ImWchar figureRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2022, 0x2022, 0x25B2, 0x25B2,
                                           0x25BC, 0x25BC, 0};
    static const ImWchar headlineRanges[] = {0x0020, 0x007E, 0x2013, 0x2013, 0};
    static const ImWchar displayIcons[] = {0xf005, 0xf005, 0xf017, 0xf017, 0xf025, 0xf025, 0xf071, 0xf071,
                                           0xf086, 0xf086, 0xf095, 0xf095, 0xf0a1, 0xf0a1, 0xf0c0, 0xf0c0,
                                           0xf0e0, 0xf0e0, 0xf0e4, 0xf0e4, 0xf111, 0xf111, 0xf1d8, 0xf1d8, 0};
    io.Fonts->TexDesiredWidth = options_.wallboard ? 4096 : 2048;
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // OpenGL 3.3 takes any height: no empty half atlas
    displayFonts_.clear();
    const std::size_t count = std::size(kDisplaySizes);
    for (std::size_t i = 0; i < count; ++i) {
        const float px = std::round(kDisplaySizes[i] * displayScale);
        ImFontConfig config;
        config.OversampleH = px > 40 ? 1 : 2;  // large glyphs gain nothing from horizontal oversampling
        const bool headline = i + 1 == count;  // only figures are drawn this large
        ImFont* font = io.Fonts->AddFontFromFileTTF(kUiFont, px, &config,
                                                    headline ? headlineRanges : i + 2 >= count ? figureRanges : displayRanges);
        if (font && !headline && fs::exists(kIconFont)) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.OversampleH = 1;
            merge.GlyphOffset.y = px * 0.05f;
            io.Fonts->AddFontFromFileTTF(kIconFont, px * 0.9f, &merge, displayIcons);
        }
        if (font) displayFonts_.push_back(font);
    }
    if (!io.Fonts->Build()) {
        appLog().error("font atlas could not be built at these sizes; large text uses the UI font");
        displayFonts_.clear();
    } else {
        appLog().info("fonts baked: UI {:.0f} px, display {:.0f}..{:.0f} px, atlas {}x{}", size,
                      std::round(kDisplaySizes[0] * displayScale), std::round(kDisplaySizes[count - 1] * displayScale),
                      io.Fonts->TexWidth, io.Fonts->TexHeight);
    }
}

ImFont* Desktop::displayFont(float pixelHeight) const {
    // The largest baked size that is not much larger than asked for; the smallest when all are.
    ImFont* best = nullptr;
    for (ImFont* f : displayFonts_) {
        if (f->FontSize <= pixelHeight * 1.08f) best = f;
    }
    if (!best && !displayFonts_.empty()) best = displayFonts_.front();
    return best;
}

void Desktop::applyTheme() {
    // UI-09. A wallboard is always dark: it hangs on a wall, read from across the room.
    const Theme theme = options_.wallboard ? Theme::Dark : appearance_.theme;
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    if (theme == Theme::Light) ImGui::StyleColorsLight();
    else ImGui::StyleColorsDark();
    style.WindowRounding = 4.0f;
    style.ChildRounding = 3.0f;
    style.FrameRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.WindowBorderSize = 1.0f;
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    ImVec4* c = style.Colors;
    switch (theme) {
        case Theme::Dark:
            c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
            c[ImGuiCol_ChildBg] = ImVec4(0.13f, 0.14f, 0.16f, 1.0f);
            c[ImGuiCol_MenuBarBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
            c[ImGuiCol_Header] = ImVec4(0.20f, 0.36f, 0.58f, 0.7f);
            break;
        case Theme::Light:
            c[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.97f, 1.0f);
            c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
            c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
            c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.40f, 0.44f, 1.0f);  // grey that still reads on white
            c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1.0f);
            break;
        case Theme::HighContrast: {
            // Pure black and white, yellow for what is active or selected, every frame outlined.
            const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1.0f, 0.85f, 0.0f, 1), dark(0.12f, 0.12f, 0.12f, 1);
            for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = dark;
            c[ImGuiCol_Text] = white;
            c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
            c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = c[ImGuiCol_PopupBg] = c[ImGuiCol_MenuBarBg] = black;
            c[ImGuiCol_TableRowBg] = black;
            c[ImGuiCol_TableRowBgAlt] = ImVec4(0.08f, 0.08f, 0.08f, 1);
            c[ImGuiCol_Border] = c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = white;
            c[ImGuiCol_Separator] = white;
            c[ImGuiCol_FrameBg] = black;
            c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_ButtonHovered] = c[ImGuiCol_HeaderHovered] = c[ImGuiCol_TabHovered] =
                ImVec4(0.25f, 0.25f, 0.0f, 1);
            c[ImGuiCol_FrameBgActive] = c[ImGuiCol_ButtonActive] = c[ImGuiCol_HeaderActive] = ImVec4(0.4f, 0.35f, 0.0f, 1);
            c[ImGuiCol_Button] = c[ImGuiCol_Header] = c[ImGuiCol_Tab] = c[ImGuiCol_TitleBg] = dark;
            c[ImGuiCol_TabActive] = c[ImGuiCol_TitleBgActive] = ImVec4(0.3f, 0.27f, 0.0f, 1);
            c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = yellow;
            c[ImGuiCol_NavHighlight] = c[ImGuiCol_DragDropTarget] = yellow;
            c[ImGuiCol_TextSelectedBg] = ImVec4(1.0f, 0.85f, 0.0f, 0.45f);
            c[ImGuiCol_ScrollbarBg] = black;
            c[ImGuiCol_ScrollbarGrab] = ImVec4(0.7f, 0.7f, 0.7f, 1);
            c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrabActive] = yellow;
            c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
            style.FrameBorderSize = 1.0f;
            style.TabBorderSize = 1.0f;
            break;
        }
    }
}

void Desktop::setAppearance(Appearance appearance) {
    if (appearance == appearance_) return;
    fontsDirty_ = appearance.fontScale != appearance_.fontScale;
    appearance_ = appearance;
    applyTheme();
    saveSettings();
    redrawRequested_ = true;
}

void Desktop::drawAppearanceMenu() {
    if (!ImGui::BeginMenu("Appearance")) return;
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::HighContrast}) {
        if (ImGui::MenuItem(std::string(themeLabel(theme)).c_str(), nullptr, appearance_.theme == theme)) {
            setAppearance({theme, appearance_.fontScale});
        }
    }
    ImGui::Separator();
    ImGui::TextDisabled("Text size");
    for (float scale : Appearance::kFontScales) {
        const std::string label = fmt::format("{:.0f} %", scale * 100);
        if (ImGui::MenuItem(label.c_str(), nullptr, std::abs(appearance_.fontScale - scale) < 0.01f)) {
            setAppearance({appearance_.theme, scale});
        }
    }
    ImGui::EndMenu();
}

// ---------------------------------------------------------------------------------------------
// 2. Frame loop
// ---------------------------------------------------------------------------------------------

std::optional<double> Desktop::waitTimeout() const {
    if (framesToSettle_ > 0 || redrawRequested_ || bus_.hasPending()) return 0.0;
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || !dragPanel_.empty()) return 0.0;
    std::optional<TimePoint> next = timers_.nextDue();
    if (auto toast = notifications_.nextExpiry(clock_->now()); toast && (!next || *toast < *next)) next = toast;
    std::optional<double> timeout;
    if (next) timeout = std::max(0.0, std::chrono::duration<double>(*next - clock_->now()).count());
    return timeout;
}

int Desktop::runWindowed() {
    loadSettings();
    std::string error;
    if (!openWindow(error)) {
        std::fprintf(stderr, "agentdesk: %s\n", error.c_str());
        return 1;
    }
    if (!startNotice_.empty()) postNotification({Severity::Warning, "Wallboard", startNotice_}, "host");
    auto read = layouts_.load();
    if (!read.message.empty()) postNotification({Severity::Warning, "Layout reset", read.message}, "host");
    std::string name = options_.layout.value_or(
        layouts_.current().empty() ? settings_.value("layout", std::string("Agent")) : layouts_.current());
    if (!workspace_.open(name, error)) {
        postNotification({Severity::Warning, "Layout not found", error + "; the Agent layout is used"}, "host");
        workspace_.open("Agent", error);
    }
    if (settings_.contains("closedPanels")) {
        std::set<std::string> closed;
        for (const auto& p : settings_["closedPanels"]) {
            if (p.is_string()) closed.insert(p.get<std::string>());
        }
        workspace_.setClosed(std::move(closed));
    }
    registerHostPanels();
    loadPlugins();
    workspace_.placeNewPanels(registeredPanels());

    int exitCode = 0;
    int rendered = 0;
    if (options_.scenario) {
        exitCode = runScenario(true);
    } else {
        if (options_.wallboard) {
            std::signal(SIGTERM, onTerminate);
            std::signal(SIGINT, onTerminate);
        }
        while (!glfwWindowShouldClose(window_) && !quitRequested_ && !gTerminate) {
            // A counted run (--frames) renders back to back; otherwise sleep until something changes.
            auto timeout = options_.frames > 0 ? std::optional<double>(0.0) : waitTimeout();
            if (!timeout) glfwWaitEvents();
            else if (*timeout <= 0.0) glfwPollEvents();
            else glfwWaitEventsTimeout(*timeout);
            if (options_.wallboard && options_.frames == 0 && framesToSettle_ == 0) {
                // The contact center's traffic and timers alone do not redraw a wallboard (a busy center
                // sends many messages a second, and a 4K frame is not free): take them in, and draw when
                // a plugin asks (the wallboard's once-a-second tick), on input, or when a toast expires.
                const TimePoint now = clock_->now();
                timers_.runDue(now);
                bus_.dispatch();
                const auto expiry = notifications_.nextExpiry(lastFrameAt_);
                const bool toastGone = expiry && *expiry <= now;
                if (!redrawRequested_ && !inputSeen_.exchange(false) && !toastGone) continue;
            }
            inputSeen_ = false;
            lastFrameAt_ = clock_->now();
            renderFrame();
            ++rendered;
            if (options_.frames > 0 && rendered == options_.frames - 1 && options_.screenshot) {
                if (auto why = saveScreenshot(*options_.screenshot); !why.empty()) {
                    std::fprintf(stderr, "agentdesk: %s\n", why.c_str());
                    exitCode = 1;
                }
                break;
            }
            if (options_.frames > 0 && rendered >= options_.frames) break;
        }
    }
    appLog().info("{} frames drawn in {:.0f} s", rendered,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
    if (!options_.wallboard) {  // a wallboard run leaves the desktop's window and layout as they were
        saveLayouts();
        saveSettings();
    }
    return exitCode;
}

void Desktop::renderFrame() {
    timers_.runDue(clock_->now());
    bus_.dispatch();
    redrawRequested_ = false;
    if (pictures_) pictures_->pump();
    if (framesToSettle_ > 0) --framesToSettle_;
    workspace_.placeNewPanels(registeredPanels());
    if (fontsDirty_) {
        // A new text size: bake the fonts again and upload the atlas before ImGui uses it.
        fontsDirty_ = false;
        ImGui::GetIO().Fonts->Clear();
        loadFonts();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (ImGui::GetIO().MouseDelta.x != 0 || ImGui::GetIO().MouseDelta.y != 0 || ImGui::IsAnyMouseDown()) {
        framesToSettle_ = std::max(framesToSettle_, 2);
    }

    handleShortcuts();
    if (options_.wallboard) {
        drawWallboard();
    } else {
        drawDesktop();
    }
    drawToasts();

    ImGui::Render();
    int fbWidth = 0, fbHeight = 0;
    glfwGetFramebufferSize(window_, &fbWidth, &fbHeight);
    glViewport(0, 0, fbWidth, fbHeight);
    glClearColor(0.08f, 0.09f, 0.10f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (!pendingScreenshot_.empty()) {
        std::vector<unsigned char> pixels(static_cast<std::size_t>(fbWidth) * fbHeight * 4);
        glReadBuffer(GL_BACK);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, fbWidth, fbHeight, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        stbi_flip_vertically_on_write(1);
        if (!stbi_write_png(pendingScreenshot_.c_str(), fbWidth, fbHeight, 4, pixels.data(), fbWidth * 4)) {
            screenshotError_ = "cannot write screenshot " + pendingScreenshot_;
        } else {
            appLog().info("screenshot saved to {}", pendingScreenshot_);
        }
        pendingScreenshot_.clear();
    }
    glfwSwapBuffers(window_);
    if (!firstFrameLogged_) {
        firstFrameLogged_ = true;
        appLog().info("first frame {:.1f} ms after start", std::chrono::duration<double, std::milli>(
                                                                 std::chrono::steady_clock::now() - started_).count());
    }

    if (workspace_.dirty && !options_.wallboard) {
        workspace_.dirty = false;
        workspace_.saveCurrent();
        saveLayouts();  // small file, atomic write: a crash never loses the arrangement
    }
}

void Desktop::drawDesktop() {
    drawMenuBar();
    const float menuHeight = ImGui::GetFrameHeight();
    const RegisteredOverlay* overlay = nullptr;
    for (const auto& o : registry_.overlays()) {
        if (!o.overlay.active || o.overlay.active()) {
            overlay = &o;
            break;
        }
    }
    if (overlay) {
        ImGui::PushID(overlay->overlay.id.c_str());
        overlay->overlay.draw();
        ImGui::PopID();
    } else {
        float top = menuHeight;
        if (!registry_.topBar().empty()) {
            drawTopBar(menuHeight, kTopBarHeight);
            top += kTopBarHeight;
        }
        drawWorkspace(top);
        drawFloatingPanels();
    }
    drawHostPanels();
}

void Desktop::drawWallboard() {
    // The wallboard panel on the whole screen: no menu, no top bar, no login overlay (nobody logs in
    // at a wall display). Ctrl+Q still quits.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##wallboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(2);
    if (const RegisteredPanel* panel = registry_.findPanel(kWallboardPanel); panel && panel->spec.draw) {
        ImGui::PushID(kWallboardPanel);
        panel->spec.draw();
        ImGui::PopID();
    } else {
        ImGui::TextWrapped("The wallboard plugin is not loaded, so there is nothing to show. The log (%s) says why.",
                           currentLogFile().string().c_str());
    }
    ImGui::End();
}

std::string Desktop::saveScreenshot(const fs::path& file) {
    if (!window_) return "screenshot needs a window";
    if (file.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
    }
    pendingScreenshot_ = file.string();
    screenshotError_.clear();
    renderFrame();
    return screenshotError_;
}

// ---------------------------------------------------------------------------------------------
// 3. Menu bar and top bar
// ---------------------------------------------------------------------------------------------

void Desktop::drawMenuBar() {
    static char layoutName[64] = "";
    bool openSaveAs = false;
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save layout")) {
            workspace_.saveCurrent();
            saveLayouts();
        }
        if (ImGui::MenuItem("Save layout as...")) openSaveAs = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) quitRequested_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        auto panels = registeredPanels();
        for (const auto& p : registry_.panels()) {
            bool open = workspace_.tree().contains(p.spec.id);
            std::string label = p.spec.icon.empty() ? p.spec.title : p.spec.icon + "  " + p.spec.title;
            if (ImGui::MenuItem(label.c_str(), nullptr, open)) {
                if (open) workspace_.closePanel(p.spec.id);
                else workspace_.reopenPanel(p.spec.id, p.spec.hint, panels);
            }
        }
        ImGui::Separator();
        if (ImGui::BeginMenu("Layout")) {
            for (const auto& name : workspace_.layoutNames()) {
                if (ImGui::MenuItem(name.c_str(), nullptr, name == workspace_.currentName())) {
                    std::string error;
                    if (!workspace_.open(name, error)) postNotification({Severity::Error, "Layout", error}, "host");
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Reset layout")) workspace_.resetToDefault();
        ImGui::Separator();
        drawAppearanceMenu();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Plugins")) {
        if (ImGui::MenuItem(AD_ICON_PLUG "  Plugins panel")) focusPanel("host.plugins");
        ImGui::Separator();
        for (const auto& p : plugins_->plugins()) {
            ImGui::TextColored(p.status == PluginStatus::Loaded ? ImVec4(0.5f, 0.85f, 0.5f, 1) : ImVec4(0.9f, 0.4f, 0.35f, 1),
                               "%s", p.status == PluginStatus::Loaded ? AD_ICON_CHECK : AD_ICON_TIMES);
            ImGui::SameLine();
            ImGui::TextUnformatted(p.manifest.name.c_str());
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem(AD_ICON_KEYBOARD "  Keyboard shortcuts", "F1")) showShortcuts_ = true;
        if (ImGui::MenuItem(AD_ICON_FILE_TEXT "  Log")) focusPanel("host.log");
        if (ImGui::MenuItem(AD_ICON_INFO_CIRCLE "  About AgentDesk")) showAbout_ = true;
        ImGui::EndMenu();
    }
    // Right side: unread notifications.
    std::size_t unread = notifications_.unreadCount();
    std::string bell = unread ? fmt::format(AD_ICON_BELL " {}", unread) : std::string(AD_ICON_BELL);
    ImGui::SetCursorPosX(ImGui::GetWindowWidth() - ImGui::CalcTextSize(bell.c_str()).x - 24);
    if (ImGui::MenuItem(bell.c_str())) {
        focusPanel("host.notifications");
        notifications_.markAllRead();
    }
    ImGui::EndMainMenuBar();

    if (openSaveAs) ImGui::OpenPopup("Save layout as");
    if (ImGui::BeginPopupModal("Save layout as", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Name of the layout:");
        ImGui::SetNextItemWidth(260);
        bool enter = ImGui::InputText("##name", layoutName, sizeof layoutName, ImGuiInputTextFlags_EnterReturnsTrue);
        bool valid = layoutName[0] != '\0';
        ImGui::BeginDisabled(!valid);
        if (ImGui::Button("Save") || (enter && valid)) {
            workspace_.saveCurrent(layoutName);
            saveLayouts();
            layoutName[0] = '\0';
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void Desktop::drawTopBar(float y, float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + y));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 6));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));  // follows the theme
    ImGui::Begin("##topbar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing);
    bool first = true;
    for (const auto& item : registry_.topBar()) {
        if (!first) ImGui::SameLine(0, 24);
        first = false;
        ImGui::PushID(item.item.id.c_str());
        item.item.draw();
        ImGui::PopID();
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// ---------------------------------------------------------------------------------------------
// 4. Dock workspace
// ---------------------------------------------------------------------------------------------

void Desktop::drawWorkspace(float top) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Rect area{vp->Pos.x + 2, vp->Pos.y + top + 2, vp->Size.x - 4, vp->Size.y - top - 4};
    workspace::DockTree& tree = workspace_.tree();
    const workspace::DockTree::Layout layout = tree.layout(area, kSplitter);

    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + top));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, vp->Size.y - top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin("##workspace", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(2);

    // Deferred so the tree is never changed while we walk its layout.
    std::function<void()> change;
    const std::string dragging = dragPanel_;

    for (const auto& tab : layout.tabs) {
        const workspace::DockNode* node = tree.findNode(tab.node);
        if (!node) continue;
        ImGui::SetCursorScreenPos(toVec(tab.rect.x, tab.rect.y));
        ImGui::PushID(tab.node);
        ImGui::BeginChild("##tabnode", ImVec2(tab.rect.w, tab.rect.h), true, ImGuiWindowFlags_NoScrollbar);

        // Tab strip: buttons that switch, drag (to re-dock) and close.
        const workspace::DockNode& n = *node;
        std::string activeId;
        for (int i = 0; i < static_cast<int>(n.panels.size()); ++i) {
            const std::string& id = n.panels[i];
            const RegisteredPanel* panel = registry_.findPanel(id);
            const bool active = i == std::clamp(n.activeTab, 0, static_cast<int>(n.panels.size()) - 1);
            if (active) activeId = id;
            std::string title = panel ? (panel->spec.icon.empty() ? panel->spec.title
                                                                   : panel->spec.icon + " " + panel->spec.title)
                                      : id + " (unavailable)";
            if (i > 0) ImGui::SameLine(0, 2);
            ImGui::PushID(i);
            ImGui::PushStyleColor(ImGuiCol_Button, active ? ImGui::GetStyleColorVec4(ImGuiCol_TabActive)
                                                          : ImGui::GetStyleColorVec4(ImGuiCol_Tab));
            if (ImGui::Button(title.c_str())) change = [&tree, id] { tree.setActive(id); };
            ImGui::PopStyleColor();
            if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f)) dragPanel_ = id;
            if (ImGui::BeginPopupContextItem("##tabmenu")) {
                if (ImGui::MenuItem("Float")) {
                    ImVec2 m = ImGui::GetMousePos();
                    change = [&tree, id, m] { tree.floatPanel(id, Rect{m.x, m.y, 480, 360}); };
                }
                if (ImGui::MenuItem("Close")) change = [this, id] { workspace_.closePanel(id); };
                ImGui::EndPopup();
            }
            ImGui::PopID();
        }
        if (!activeId.empty()) {
            ImGui::SameLine(ImGui::GetWindowWidth() - 30);
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            if (ImGui::SmallButton(AD_ICON_TIMES "##close")) change = [this, activeId] { workspace_.closePanel(activeId); };
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close this panel (reopen it from View)");
        }
        ImGui::Separator();
        ImGui::BeginChild("##content", ImVec2(0, 0), false);
        if (const RegisteredPanel* panel = registry_.findPanel(activeId); panel && panel->spec.draw) {
            ImGui::PushID(activeId.c_str());
            panel->spec.draw();
            ImGui::PopID();
        } else if (activeId.empty()) {
            ImGui::TextDisabled("Drop a panel here, or open one from the View menu.");
        } else {
            ImGui::TextDisabled("This panel's plugin is not loaded (see Plugins).");
        }
        ImGui::EndChild();
        ImGui::EndChild();
        ImGui::PopID();
    }

    // Splitters: invisible buttons in the gaps between tab areas.
    for (const auto& s : layout.splitters) {
        ImGui::SetCursorScreenPos(toVec(s.rect.x, s.rect.y));
        ImGui::PushID(s.node + 100000);
        ImGui::InvisibleButton("##splitter", ImVec2(std::max(1.0f, s.rect.w), std::max(1.0f, s.rect.h)));
        const bool horizontal = s.axis == workspace::Axis::Horizontal;
        if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
            ImGui::SetMouseCursor(horizontal ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
            ImGui::GetWindowDrawList()->AddRectFilled(toVec(s.rect.x, s.rect.y),
                                                      toVec(s.rect.x + s.rect.w, s.rect.y + s.rect.h),
                                                      ImGui::GetColorU32(ImGuiCol_SeparatorActive));
        }
        if (ImGui::IsItemActive()) {
            ImVec2 m = ImGui::GetMousePos();
            float ratio = horizontal ? (m.x - s.parent.x) / s.parent.w : (m.y - s.parent.y) / s.parent.h;
            NodeId id = s.node;
            change = [&tree, this, id, ratio] {
                tree.setRatio(id, ratio);
                workspace_.dirty = true;
            };
        }
        ImGui::PopID();
    }
    ImGui::End();

    // Drop zones while a tab is dragged: preview where it would go, dock on release.
    if (!dragging.empty()) {
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        const ImVec2 mouse = ImGui::GetMousePos();
        const workspace::DockTree::TabArea* over = nullptr;
        for (const auto& tab : layout.tabs) {
            if (contains(tab.rect, mouse)) over = &tab;
        }
        std::optional<DropZone> zone;
        if (over) {
            zone = zoneAt(over->rect, mouse);
            Rect p = previewRect(over->rect, *zone);
            fg->AddRectFilled(toVec(p.x, p.y), toVec(p.x + p.w, p.y + p.h), IM_COL32(70, 130, 220, 70), 4.0f);
            fg->AddRect(toVec(p.x, p.y), toVec(p.x + p.w, p.y + p.h), IM_COL32(90, 150, 240, 220), 4.0f, 0, 2.0f);
        }
        fg->AddText(ImVec2(mouse.x + 14, mouse.y + 10), IM_COL32(230, 230, 230, 255), dragging.c_str());
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            if (over && zone) {
                NodeId target = over->node;
                DropZone z = *zone;
                change = [this, &tree, dragging, target, z] {
                    if (tree.dock(dragging, target, z)) workspace_.dirty = true;
                };
            } else if (!over) {
                change = [this, &tree, dragging, mouse] {
                    tree.floatPanel(dragging, Rect{mouse.x - 40, mouse.y - 10, 480, 360});
                    workspace_.dirty = true;
                };
            }
            dragPanel_.clear();
        }
    }
    if (change) {
        change();
        workspace_.dirty = true;
    }
}

void Desktop::drawFloatingPanels() {
    workspace::DockTree& tree = workspace_.tree();
    std::function<void()> change;
    for (const auto& f : tree.floating()) {
        const RegisteredPanel* panel = registry_.findPanel(f.panelId);
        std::string title = (panel ? panel->spec.title : f.panelId) + "###float." + f.panelId;
        ImGui::SetNextWindowPos(toVec(f.rect.x, f.rect.y), ImGuiCond_Appearing);
        ImGui::SetNextWindowSize(toVec(f.rect.w, f.rect.h), ImGuiCond_Appearing);
        bool open = true;
        if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings)) {
            if (ImGui::SmallButton(AD_ICON_THUMB_TACK " Dock")) {
                std::string id = f.panelId;
                change = [this, id] {
                    workspace_.tree().removePanel(id);
                    const RegisteredPanel* p = registry_.findPanel(id);
                    workspace_.dockByHint(id, p ? p->spec.hint : DockHint::Center, registeredPanels());
                };
            }
            ImGui::Separator();
            if (panel && panel->spec.draw) {
                ImGui::PushID(f.panelId.c_str());
                panel->spec.draw();
                ImGui::PopID();
            }
            ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
            if (pos.x != f.rect.x || pos.y != f.rect.y || size.x != f.rect.w || size.y != f.rect.h) {
                std::string id = f.panelId;
                Rect r{pos.x, pos.y, size.x, size.y};
                if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) change = [&tree, id, r] { tree.setFloatingRect(id, r); };
            }
        }
        ImGui::End();
        if (!open) {
            std::string id = f.panelId;
            change = [this, id] { workspace_.closePanel(id); };
        }
    }
    if (change) {
        change();
        workspace_.dirty = true;
    }
}

void Desktop::focusPanel(std::string_view panelId) {
    std::string id(panelId);
    const RegisteredPanel* panel = registry_.findPanel(id);
    if (!panel) return;
    if (!workspace_.tree().contains(id)) workspace_.reopenPanel(id, panel->spec.hint, registeredPanels());
    workspace_.tree().setActive(id);
    redrawRequested_ = true;
}

// ---------------------------------------------------------------------------------------------
// 5. Host panels, toasts, shortcuts
// ---------------------------------------------------------------------------------------------

void Desktop::registerHostPanels() {
    // F1 (and "?") always open the list; this entry lets a second key or a scenario do it too.
    registry_.addCommand({"host.shortcuts", "Show the keyboard shortcuts (also F1)", "", [this] { showShortcuts_ = true; }, {}},
                         "host");
    registry_.addPanel({"host.plugins", "Plugins", AD_ICON_PLUG, DockHint::Bottom, [this] {
        if (!ImGui::BeginTable("##plugins", 5,
                               ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                   ImGuiTableFlags_ScrollY)) {
            return;
        }
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Plugin");
        ImGui::TableSetupColumn("Version");
        ImGui::TableSetupColumn("SDK");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Load time");
        ImGui::TableHeadersRow();
        for (const auto& p : plugins_->plugins()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.manifest.name.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", p.dir.string().c_str(), p.manifest.description.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.manifest.version.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d.%d", p.manifest.sdk.major, p.manifest.sdk.minor);
            ImGui::TableNextColumn();
            if (p.status == PluginStatus::Loaded) {
                ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.5f, 1), AD_ICON_CHECK " loaded");
            } else {
                ImGui::PushStyleColor(ImGuiCol_Text, p.status == PluginStatus::Disabled ? ImVec4(0.7f, 0.7f, 0.7f, 1)
                                                                                       : ImVec4(0.95f, 0.45f, 0.4f, 1));
                ImGui::TextWrapped("%s %s", p.status == PluginStatus::Disabled ? "disabled:" : AD_ICON_TIMES " failed:",
                                   p.reason.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::TableNextColumn();
            if (p.status == PluginStatus::Loaded) ImGui::Text("%.1f ms", p.loadMilliseconds);
        }
        ImGui::EndTable();
    }}, "host");

    registry_.addPanel({"host.log", "Log", AD_ICON_TERMINAL, DockHint::Bottom, [] {
        static std::vector<std::string> lines;
        lines = recentLogLines(2000);
        ImGui::TextDisabled("%s", currentLogFile().string().c_str());
        ImGui::BeginChild("##loglines");
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(lines.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) ImGui::TextUnformatted(lines[i].c_str());
        }
        if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4) ImGui::SetScrollHereY(1.0f);
        ImGui::EndChild();
    }}, "host");

    registry_.addPanel({"host.notifications", "Notifications", AD_ICON_BELL, DockHint::Bottom, [this] {
        if (ImGui::SmallButton("Mark all read")) notifications_.markAllRead();
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear")) notifications_.clear();
        ImGui::Separator();
        ImGui::BeginChild("##history");
        const auto& history = notifications_.history();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(history.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& e = history[history.size() - 1 - i];  // newest first
                auto secs = toEpochMs(e.time) / 1000;
                ImGui::TextColored(severityColour(e.notification.severity), "%s", severityIcon(e.notification.severity));
                ImGui::SameLine();
                ImGui::TextDisabled("%02lld:%02lld:%02lld", static_cast<long long>(secs / 3600 % 24),
                                    static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
                ImGui::SameLine();
                ImGui::Text("%s%s", e.read ? "" : "\xe2\x80\xa2 ", e.notification.title.c_str());
                ImGui::SameLine();
                ImGui::TextWrapped("%s", e.notification.message.c_str());
            }
        }
        ImGui::EndChild();
    }}, "host");
}

void Desktop::drawHostPanels() {
    if (showAbout_) {
        ImGui::OpenPopup("About AgentDesk");
        showAbout_ = false;
    }
    if (ImGui::BeginPopupModal("About AgentDesk", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("AgentDesk %s", AGENTDESK_VERSION);
        ImGui::Text("Plugin SDK %s, Dear ImGui %s", AGENTDESK_SDK_VERSION_STRING, IMGUI_VERSION);
        ImGui::Text("%zu of %zu plugins loaded", plugins_->loadedCount(), plugins_->plugins().size());
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (showShortcuts_) drawShortcutsWindow();
}

void Desktop::drawToasts() {
    const auto toasts = notifications_.toasts(clock_->now());
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = vp->Pos.y + vp->Size.y - 16;
    for (auto it = toasts.rbegin(); it != toasts.rend(); ++it) {
        const NotificationEntry& e = **it;
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - 16, y), ImGuiCond_Always, ImVec2(1, 1));
        ImGui::SetNextWindowBgAlpha(0.95f);
        // Sized in lines of text, so a toast on a 4K wallboard is as roomy as on a laptop.
        const float em = ImGui::GetFontSize();
        ImGui::SetNextWindowSizeConstraints(ImVec2(17.5f * em, 0), ImVec2(26.0f * em, 12.5f * em));
        std::string id = fmt::format("##toast{}", static_cast<const void*>(&e));
        ImGui::Begin(id.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoNav);
        ImGui::TextColored(severityColour(e.notification.severity), "%s  %s", severityIcon(e.notification.severity),
                           e.notification.title.c_str());
        ImGui::PushTextWrapPos(25.0f * em);
        ImGui::TextUnformatted(e.notification.message.c_str());
        ImGui::PopTextWrapPos();
        y -= ImGui::GetWindowHeight() + 8;
        ImGui::End();
    }
}

std::vector<CommandKeys> Desktop::commandKeys() const {
    std::vector<CommandKeys> keys;
    for (const auto& c : registry_.commands()) keys.push_back({c.command.id, c.command.label, c.command.shortcut});
    return keys;
}

void Desktop::drawShortcutsWindow() {
    // OTHER-03: every command with its shortcut; click one to type a new one, clear or reset it.
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(36 * em, 34 * em), ImGuiCond_Appearing);
    if (!ImGui::Begin(AD_ICON_KEYBOARD " Keyboard shortcuts", &showShortcuts_, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    if (!showShortcuts_) capturing_.clear();
    const auto keys = commandKeys();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Click a shortcut and press the new keys (Esc cancels, Backspace clears). F1 shows this list.");
    ImGui::PopStyleColor();
    if (!shortcutProblem_.empty()) ImGui::TextColored(severityColour(Severity::Warning), "%s", shortcutProblem_.c_str());
    for (const auto& [a, b] : keymap_.conflicts(keys)) {
        ImGui::TextColored(severityColour(Severity::Warning), AD_ICON_EXCLAMATION_TRIANGLE " %s and %s share a shortcut: only the first runs",
                           a.c_str(), b.c_str());
    }
    if (ImGui::BeginTable("##shortcuts", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Shortcut", ImGuiTableColumnFlags_WidthFixed, 9 * em);
        ImGui::TableSetupColumn("##edit", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
        ImGui::TableHeadersRow();
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("Quit");
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", std::string(Keymap::kQuit).c_str());
        for (const CommandKeys& c : keys) {
            ImGui::PushID(c.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.label.c_str());
            ImGui::TableNextColumn();
            const std::string binding = keymap_.bindingOf(c);
            const bool capturing = capturing_ == c.id;
            const std::string label = capturing ? "Press keys..." : binding.empty() ? "-" : binding;
            if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) {
                capturing_ = capturing ? "" : c.id;
                shortcutProblem_.clear();
            }
            ImGui::TableNextColumn();
            if (!binding.empty() && ImGui::SmallButton(AD_ICON_TIMES)) {
                keymap_.clear(c.id);
                saveSettings();
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("No shortcut");
            if (keymap_.isCustom(c.id)) {
                ImGui::SameLine();
                if (ImGui::SmallButton(AD_ICON_REFRESH)) {
                    keymap_.reset(c.id);
                    saveSettings();
                }
                if (ImGui::IsItemHovered()) {
                    ImGui::SetTooltip("Back to %s", c.defaultShortcut.empty() ? "no shortcut" : c.defaultShortcut.c_str());
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void Desktop::captureShortcut() {
    // The next chord typed becomes the command's shortcut.
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        capturing_.clear();
        return;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false) || ImGui::IsKeyPressed(GLFW_KEY_DELETE, false)) {
        keymap_.clear(capturing_);
        capturing_.clear();
        saveSettings();
        return;
    }
    for (int key = GLFW_KEY_SPACE; key <= GLFW_KEY_LAST; ++key) {
        if (key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER) continue;  // modifiers alone
        if (!ImGui::IsKeyPressed(key, false)) continue;
        const std::string chord = formatShortcut(KeyChord{key, io.KeyCtrl, io.KeyShift, io.KeyAlt});
        shortcutProblem_ = keymap_.bind(capturing_, chord, commandKeys());
        capturing_.clear();
        if (shortcutProblem_.empty()) saveSettings();
        return;
    }
}

void Desktop::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!capturing_.empty()) {
        captureShortcut();
        return;
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) quitRequested_ = true;
    if (!io.KeyShift && !io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_F1, false)) showShortcuts_ = !showShortcuts_;
    if (!io.WantTextInput && io.KeyShift && !io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_SLASH, false)) showShortcuts_ = true;  // "?"
    for (const auto& c : registry_.commands()) {
        const std::string binding = keymap_.bindingOf({c.command.id, c.command.label, c.command.shortcut});
        if (binding.empty()) continue;
        auto chord = parseShortcut(binding);
        if (!chord || !ImGui::IsKeyPressed(chord->key, false)) continue;
        if (chord->ctrl != io.KeyCtrl || chord->shift != io.KeyShift || chord->alt != io.KeyAlt) continue;
        // Plain keys belong to a text field being typed in; chords with Ctrl/Alt or F-keys do not.
        bool plain = !chord->ctrl && !chord->alt && !(chord->key >= GLFW_KEY_F1 && chord->key <= GLFW_KEY_F12);
        if (plain && io.WantTextInput) continue;
        if (c.command.enabled && !c.command.enabled()) continue;
        c.command.run();
        break;  // one chord, one command
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Settings and layouts
// ---------------------------------------------------------------------------------------------

void Desktop::loadSettings() {
    auto read = readJsonFile(paths_.config / "settings.json",
                             [](const nlohmann::json& j) { return j.is_object() ? "" : "not a JSON object"; });
    if (read.status == JsonFileRead::Status::Ok) settings_ = read.value;
    if (read.status == JsonFileRead::Status::Corrupt) {
        postNotification({Severity::Warning, "Settings reset", read.message}, "host");
    }
    std::vector<std::string> looks;
    nlohmann::json saved = settings_.contains("appearance") ? settings_["appearance"] : nlohmann::json();
    if (saved.is_null() && settings_.contains("fontScale")) saved = {{"fontScale", settings_["fontScale"]}};  // older settings
    appearance_ = appearanceFrom(saved, &looks);
    for (const std::string& problem : looks) postNotification({Severity::Warning, "Appearance", problem}, "host");
    std::vector<std::string> problems;
    keymap_.load(settings_.contains("shortcuts") ? settings_["shortcuts"] : nlohmann::json(), &problems);
    for (const std::string& problem : problems) {
        postNotification({Severity::Warning, "Keyboard shortcuts", problem + "; the default applies"}, "host");
    }
}

void Desktop::saveSettings() {
    if (window_ && !options_.width) {
        int x = 0, y = 0, w = 0, h = 0;
        glfwGetWindowPos(window_, &x, &y);
        glfwGetWindowSize(window_, &w, &h);
        settings_["window"] = {{"x", x}, {"y", y}, {"w", w}, {"h", h}};
    }
    settings_["layout"] = workspace_.currentName();
    settings_["closedPanels"] = workspace_.closed();
    settings_["shortcuts"] = keymap_.toJson();
    if (!options_.wallboard) settings_["appearance"] = toJson(appearance_);
    settings_.erase("fontScale");
    std::string error;
    if (!writeJsonFile(paths_.config / "settings.json", settings_, &error)) appLog().error("settings: {}", error);
}

void Desktop::saveLayouts() {
    std::string error;
    if (!layouts_.save(&error)) appLog().error("layouts not saved: {}", error);
}

}  // namespace agentdesk::host
