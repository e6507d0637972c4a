// The header fields of an e-mail as RFC 5322 and RFC 2047 want them: the Date, a Message-ID that
// a re-send of the same delivery repeats (so the receiver recognises it), and UTF-8 text in
// encoded words. Pure formatting.
#pragma once

#include <string>

#include "engine/clock.h"
#include "engine/status.h"

namespace souhra {

// "Sun, 22 Nov 2026 22:15:52 +0000".
std::string FormatMailDate(Instant t);

// "<outbox-12-email-novak@souhra.frydek.example.cz>": the delivery key made safe for a
// Message-ID, at the domain of `from` (or "souhra.invalid").
std::string MessageIdFor(const std::string& delivery_key, const std::string& from);

// ASCII text without control characters as it is; anything else as RFC 2047 "B" encoded words
// of UTF-8, each at most 75 characters, never splitting a character, separated by spaces.
std::string EncodeHeaderText(const std::string& text);

// `address` with `name` as its display name, encoded when it needs to be:
// "=?UTF-8?B?...?= <mala@example.cz>". Just the address when the name is empty.
std::string FormatMailbox(const std::string& name, const std::string& address);

// A mailbox as people write it in settings: "souhra@obec.cz", "<souhra@obec.cz>",
// "Městský úřad Obec <souhra@obec.cz>" or with the name in double quotes.
struct Mailbox {
  std::string name;     // "" when none was given
  std::string address;  // "local@domain"
};

// kInvalidArgument, in Czech, when `text` is not one mailbox with a plausible address (one "@",
// a dot in the domain, no spaces, brackets or control characters).
Result<Mailbox> ParseMailbox(const std::string& text);

}  // namespace souhra
