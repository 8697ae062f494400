#pragma once
// Payload encoding for the event bus: every payload is a msgpack map (MSGPACK_DEFINE_MAP), so a
// field added in a later SDK minor is ignored by older readers and defaults for newer ones.
// Enums travel as strings ("Ready", "NotReady") so recorded traffic and scenarios stay readable
// and an enumerator added later does not shift the meaning of the others.

#ifndef MSGPACK_NO_BOOST
#define MSGPACK_NO_BOOST
#endif
#include <msgpack.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agentdesk {

/// Declares the string names of an enum for the bus codec. Use once per enum, in its namespace:
/// `AGENTDESK_ENUM_NAMES(AgentState, {AgentState::Ready, "Ready"}, ...)`.
#define AGENTDESK_ENUM_NAMES(Enum, ...)                                                    \
    constexpr auto enumNames(Enum) {                                                       \
        return std::to_array<std::pair<Enum, std::string_view>>({__VA_ARGS__});            \
    }

/// Satisfied by enums that declared their names with AGENTDESK_ENUM_NAMES.
template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires(E e) { enumNames(e); };

/// The name of an enumerator, or "" when it has none.
template <NamedEnum E>
constexpr std::string_view enumName(E value) {
    for (const auto& [v, name] : enumNames(E{})) {
        if (v == value) return name;
    }
    return {};
}

/// Parses an enumerator from its name.
template <NamedEnum E>
constexpr std::optional<E> enumFromName(std::string_view text) {
    for (const auto& [v, name] : enumNames(E{})) {
        if (name == text) return v;
    }
    return std::nullopt;
}

/// Encodes a payload as msgpack bytes.
template <typename T>
std::string encode(const T& value) {
    msgpack::sbuffer buffer;
    msgpack::pack(buffer, value);
    return std::string(buffer.data(), buffer.size());
}

/// Decodes msgpack bytes into `out`. Returns false (leaving `error` set) on malformed data.
template <typename T>
bool decode(std::string_view bytes, T& out, std::string* error = nullptr) {
    try {
        msgpack::object_handle handle = msgpack::unpack(bytes.data(), bytes.size());
        handle.get().convert(out);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
}

}  // namespace agentdesk

namespace msgpack {
MSGPACK_API_VERSION_NAMESPACE(MSGPACK_DEFAULT_API_NS) {
namespace adaptor {

template <agentdesk::NamedEnum E>
struct pack<E> {
    template <typename Stream>
    packer<Stream>& operator()(packer<Stream>& out, const E& value) const {
        out.pack(std::string(agentdesk::enumName(value)));
        return out;
    }
};

template <agentdesk::NamedEnum E>
struct convert<E> {
    const msgpack::object& operator()(const msgpack::object& in, E& value) const {
        if (in.type != msgpack::type::STR) throw msgpack::type_error();
        auto parsed = agentdesk::enumFromName<E>(std::string_view(in.via.str.ptr, in.via.str.size));
        // An enumerator from a newer SDK is read as the default so old readers keep working.
        value = parsed.value_or(E{});
        return in;
    }
};

template <agentdesk::NamedEnum E>
struct object_with_zone<E> {
    void operator()(msgpack::object::with_zone& out, const E& value) const {
        std::string_view name = agentdesk::enumName(value);
        out.type = msgpack::type::STR;
        char* ptr = static_cast<char*>(out.zone.allocate_align(name.size(), MSGPACK_ZONE_ALIGNOF(char)));
        std::copy(name.begin(), name.end(), ptr);
        out.via.str.ptr = ptr;
        out.via.str.size = static_cast<uint32_t>(name.size());
    }
};

}  // namespace adaptor
}  // MSGPACK_API_VERSION_NAMESPACE(MSGPACK_DEFAULT_API_NS)
}  // namespace msgpack
