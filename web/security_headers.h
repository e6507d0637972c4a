// The headers every response carries — API, UI, static files, SVG diagrams and errors alike —
// so that a browser runs only the UI's own files, never inside another site's frame, never
// sniffs a type we did not send, and tells no other site which case page a link came from.
#pragma once

#include <httplib.h>

namespace souhra {

// Content-Security-Policy: only this origin's scripts, styles, images and connections; no inline
// script or style, no plugins, no framing (frame-ancestors 'none').
inline constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Adds the security headers to every response `http` writes, after its handlers ran.
void AddSecurityHeaders(httplib::Server& http);

}  // namespace souhra
