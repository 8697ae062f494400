// A shared library that is not an AgentDesk plugin: it exports no entry symbol.
extern "C" __attribute__((visibility("default"))) int some_other_function() { return 42; }
