// Bounded JSON: every JSON text that enters Souhra (request bodies, stored rows) is parsed here,
// with a limit on its size and on how deep it nests, refused while parsing, before anything
// recurses over it. nlohmann's parser and destructor are iterative, but dump, copy, comparison,
// the Lua conversion and our own walks (forms, templates, row mapping) recurse once per level:
// a value that passed ParseJson, or that the Lua conversion built (engine/lua/lua_json.h, also
// bounded), is shallow enough for all of them.
#pragma once

#include <cstddef>
#include <string_view>

#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

struct JsonLimits {
  int max_depth = 64;                  // nested arrays and objects; the outermost is level 1
  size_t max_bytes = size_t{1} << 20;  // of the text
};

// What people and their browsers send.
inline constexpr JsonLimits kInputJsonLimits{};
// What the store gives back: the engine composes stored values from inputs (an event's payload
// set into case data), so rows may nest somewhat deeper and grow larger than one request.
inline constexpr JsonLimits kStoredJsonLimits{256, size_t{64} << 20};

// Parses `text`. kInvalidArgument, with a Czech sentence naming the limit, when the text is not
// JSON, is longer than `limits.max_bytes` or nests deeper than `limits.max_depth`; a value too
// deep under a member of the outermost object names that member in the status's field errors.
Result<Json> ParseJson(std::string_view text, const JsonLimits& limits = kInputJsonLimits);

}  // namespace souhra
