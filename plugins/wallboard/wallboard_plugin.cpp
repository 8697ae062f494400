// The wallboard plugin (spec OTHER-02): live contact-center figures for a large display, as a
// panel in the desktop and full screen with `agentdesk --wallboard`. The board (pages, tiles,
// thresholds, ticker) comes from a JSON file and can be edited in place.
//
// Which board: --board FILE; otherwise the one saved from the editor (<config>/boards/wallboard.json);
// otherwise the shipped assets/boards/default.json; otherwise the built-in default. A board that
// cannot be used is left untouched on disk, the next one in that list is shown, and a
// notification says why.

#include "model/wallboard_model.hpp"
#include "view/board_editor.hpp"
#include "view/wallboard_view.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <fmt/format.h>

#include <memory>

namespace agentdesk::wallboard {

class WallboardPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        host_ = &host;
        Board board = loadBoard(host);
        model_ = std::make_unique<WallboardModel>(host.clock(), std::move(board));
        editor_ = std::make_unique<BoardEditor>([this](const Board& b) { model_->setBoard(b); },
                                                [this](const Board& b) { return save(b); });
        view_ = std::make_unique<WallboardView>(*model_, host, [this] { editor_->open(model_->board()); });
        host.addPanel({"wallboard.board", "Wallboard", AD_ICON_DASHBOARD, DockHint::Center, [this] { draw(); }});
        host.addCommand({"wallboard.edit", "Edit the wallboard's board", "", [this] {
                             host_->focusPanel("wallboard.board");
                             editor_->open(model_->board());
                         }, {}});
        host.addCommand({"wallboard.next", "Next wallboard page", "", [this] { view_->rotation().next(host_->clock().now()); }, {}});
        if (host.displayMode().wallboard) model_->follow(host.bus());
    }

    void shutdown() override {
        view_.reset();
        editor_.reset();
        model_.reset();
    }

private:
    void draw() {
        // The figures are asked for only while the board is on screen: the contact center publishes
        // them while someone listens, and a desktop with the wallboard tab hidden stays asleep.
        shown_ = true;
        if (!model_->following()) {
            model_->follow(host_->bus());
            if (!host_->displayMode().wallboard) watchVisibility();
        }
        view_->draw();
        editor_->draw(*model_);
    }

    void watchVisibility() {
        // Every 10 s: if the panel was not drawn since the last check, stop listening.
        shown_ = false;
        visibility_ = host_->timers().at(host_->clock().now() + std::chrono::seconds(10), [this] {
            if (shown_) watchVisibility();
            else model_->unfollow();
        });
    }

    Board loadBoard(HostApi& host) {
        const DisplayMode& mode = host.displayMode();
        const auto userBoard = host.paths().config / "boards" / "wallboard.json";
        std::vector<std::filesystem::path> candidates;
        if (!mode.boardFile.empty()) candidates.push_back(mode.boardFile);
        else if (std::filesystem::exists(userBoard)) candidates.push_back(userBoard);
        candidates.push_back(host.paths().assets / "boards" / "default.json");
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            BoardRead read = loadBoardFile(candidates[i]);
            if (read.board) {
                host.log().info("board " + candidates[i].string());
                // Edits go back to the file given on the command line, or to the user's board.
                file_ = i == 0 && !mode.boardFile.empty() ? mode.boardFile : userBoard;
                return *read.board;
            }
            host.log().warn(read.error);
            host.notify({Severity::Warning, "Board not used",
                         read.error + ". The default board is shown; the file was left as it is."});
            if (i == 0 && !mode.boardFile.empty()) problemFile_ = mode.boardFile;
        }
        file_ = userBoard;
        return defaultBoard();
    }

    std::string save(const Board& board) {
        // Never overwrite the file that could not be read: it may hold work worth fixing by hand.
        std::filesystem::path target = file_;
        if (!problemFile_.empty() && target == problemFile_) target = host_->paths().config / "boards" / "wallboard.json";
        std::string error;
        if (!saveBoardFile(target, board, error)) return error;
        host_->log().info("board saved to " + target.string());
        host_->notify({Severity::Success, "Board saved", target.string()});
        return {};
    }

    HostApi* host_ = nullptr;
    std::unique_ptr<WallboardModel> model_;
    std::unique_ptr<BoardEditor> editor_;
    std::unique_ptr<WallboardView> view_;
    std::filesystem::path file_;
    std::filesystem::path problemFile_;
    bool shown_ = false;
    Timer visibility_;
};

}  // namespace agentdesk::wallboard

AGENTDESK_PLUGIN(agentdesk::wallboard::WallboardPlugin)
