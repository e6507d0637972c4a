// The HTTP API as a fuzz target: any bytes become one request — who sends it, its method, path
// and query, headers and body — sent to a real server on loopback (SQLite in a temporary
// directory, the demo tenant with its users and the shipped definitions). Every request must be
// answered, and never with 500: the server must not crash, hang or fail on what a client sends.
// Run by libFuzzer (tests/fuzz/http_api_fuzzer.cc, -DSOUHRA_FUZZ=ON with clang) and, over the
// kept corpus, by the ordinary test suite (tests/fuzz_corpus_test.cc).
//
// The bytes: [who][method] then text: the path with its query on the first line, "Name: value"
// header lines up to an empty line, and the body after it.
//   who % 7: 0 nobody signed in; 1..6 the demo user of that role (social worker, case manager,
//            coordinator, head, methodologist, administrator), by session cookie; who & 0x80
//            leaves out the CSRF header.
//   method % 4: GET, POST, PUT, DELETE.
// A signed-in sender's own Cookie and X-CSRF-Token lines are dropped (their session is the one
// under test), as are Content-Length and Transfer-Encoding (the client frames the body; slow and
// lying clients are the server's limits' tests). Signing in or out is not fuzzed: each sign-in
// costs a password hash, and signing out would end the sessions under test.
#pragma once

#include <cstddef>
#include <cstdint>

namespace souhra {

// Sends the request `data` describes; returns its HTTP status (a 500 is also described on
// stderr), or 0 when no request was sent or no answer came.
int FuzzHttpApi(const uint8_t* data, size_t size);

}  // namespace souhra
