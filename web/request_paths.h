// Which request paths name anything at all. httplib decodes %-escapes before it looks for a
// static file and then opens the path as a C string: "/index.html%00.js" would serve index.html
// as JavaScript. A path with NUL or other control characters, or a "." or ".." segment, is
// refused before any route or file is looked up.
#pragma once

#include <string_view>

namespace souhra {

// True when the decoded `path` has no control characters (below 0x20, or 0x7F) and no "." or
// ".." segment.
bool IsPlainRequestPath(std::string_view path);

}  // namespace souhra
