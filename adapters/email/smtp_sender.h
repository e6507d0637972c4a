// Sending one e-mail over SMTP with libcurl: the tenant's server and credentials, STARTTLS where
// the server offers it (or required), timeouts, and a MIME message with a UTF-8 text body and an
// optional text/calendar invitation.
#pragma once

#include <chrono>
#include <string>

#include "engine/clock.h"
#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

// A tenant's mail server, from TenantRecord.settings.smtp:
// {host, port, username, password, from, starttls} where `from` is a mailbox, with or without a
// display name ("Městský úřad Obec <souhra@obec.cz>"), and starttls is "required" (refuse to send
// in clear; the default for any server but this machine's own), true (use it when offered; the
// default on loopback, where nothing crosses a network) or false (never).
struct SmtpSettings {
  enum class Tls { kNever, kWhenOffered, kRequired };
  std::string host;
  int port = 25;
  std::string username;
  std::string password;
  std::string from;       // the sender's address
  std::string from_name;  // the sender's display name, may be ""
  Tls tls = Tls::kRequired;
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds timeout = std::chrono::seconds(60);
};

// kInvalidArgument when `smtp` is missing, has no host, or no valid from-address.
Result<SmtpSettings> SmtpSettingsFromJson(const Json& smtp);

struct EmailMessage {
  std::string to;       // address
  std::string to_name;  // display name, may be ""
  std::string subject;  // UTF-8
  std::string text;     // UTF-8 plain text body
  std::string key;      // delivery key: the Message-ID is derived from it
  Instant date;
  std::string calendar;         // an .ics (engine/notify/icalendar.h) to attach, or ""
  std::string calendar_method;  // "REQUEST" or "CANCEL" with a calendar
};

// Sends `message`. kUnavailable for anything the server or the network refused (retried later).
Status SendEmail(const SmtpSettings& settings, const EmailMessage& message);

}  // namespace souhra
