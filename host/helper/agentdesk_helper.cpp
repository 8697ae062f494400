// agentdesk-helper: the small local program the desktop hands what it may not do from inside
// its own window (spec UI-04): opening a screen-pop in another program on this computer. The
// desktop checks at login that it is installed and as new as itself (`--version`); without it,
// those features are off and everything else works.
//
//   agentdesk-helper --version         prints "agentdesk-helper <version>"
//   agentdesk-helper open TARGET       opens TARGET (an address or a file) with its default program

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstring>
#include <string>

extern char** environ;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: agentdesk-helper --version\n"
                 "       agentdesk-helper open TARGET    (an https:// address or a file)\n");
    return 2;
}

/// Started without a shell: a target that came from a customer record is never read as a command.
int openTarget(const char* target) {
    std::string program = "xdg-open";
    std::string argument = target;
    char* argv[] = {program.data(), argument.data(), nullptr};
    pid_t child = 0;
    if (posix_spawnp(&child, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
        std::fprintf(stderr, "agentdesk-helper: xdg-open could not be started (install xdg-utils)\n");
        return 1;
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("agentdesk-helper %s\n", AGENTDESK_VERSION);
        return 0;
    }
    if (argc == 3 && std::strcmp(argv[1], "open") == 0) return openTarget(argv[2]);
    return usage();
}
