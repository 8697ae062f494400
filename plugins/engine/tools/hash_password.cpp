// agentdesk-hash-password: prints the argon2id hash of a password, for "passwordHash" in users.json.
//
//   agentdesk-hash-password PASSWORD     hash the argument
//   agentdesk-hash-password              read the password from the first line of standard input
//                                        (keeps it out of the shell history and the process list)

#include "model/password.hpp"

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
    if (argc > 2 || (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h"))) {
        std::fprintf(stderr,
                     "usage: agentdesk-hash-password [PASSWORD]\n"
                     "Prints the argon2id hash to put in users.json as \"passwordHash\".\n"
                     "Without PASSWORD, reads it from the first line of standard input.\n");
        return argc > 2 ? 2 : 0;
    }
    std::string password;
    if (argc == 2) {
        password = argv[1];
    } else if (!std::getline(std::cin, password)) {
        std::fprintf(stderr, "agentdesk-hash-password: no password given\n");
        return 2;
    }
    if (password.empty()) {
        std::fprintf(stderr, "agentdesk-hash-password: the password must not be empty\n");
        return 2;
    }
    try {
        std::printf("%s\n", agentdesk::engine::hashPassword(password).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "agentdesk-hash-password: %s\n", e.what());
        return 1;
    }
    return 0;
}
