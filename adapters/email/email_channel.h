// The e-mail channel: one message to one user or external actor over the tenant's SMTP server
// (TenantRecord.settings.smtp), with the rendered Czech subject and text of its template and,
// when the message carries a meeting (payload.calendar), an .ics invitation
// (engine/notify/icalendar.h).
//
// A re-send after a crash between sending and recording repeats the Message-ID derived from the
// delivery key, so the recipient's mail system can recognise it.
#pragma once

#include <string>

#include "engine/clock.h"
#include "engine/notifier.h"

namespace souhra {

class EmailChannel final : public Notifier {
 public:
  // `clock` dates the messages; it must outlive the channel. `name` is "email", or "digest"
  // for the daily digest's sender.
  explicit EmailChannel(const Clock& clock, std::string name = "email")
      : clock_(clock), name_(std::move(name)) {}

  const std::string& channel() const override { return name_; }
  // kInvalidArgument when the tenant has no usable smtp settings; kUnavailable when the server
  // did not take the message.
  Status Deliver(const Delivery& delivery) override;

 private:
  const Clock& clock_;
  const std::string name_;
};

}  // namespace souhra
