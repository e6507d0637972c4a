#include "adapters/email/email_channel.h"

#include "adapters/email/smtp_sender.h"
#include "engine/notify/icalendar.h"

namespace souhra {

Status EmailChannel::Deliver(const Delivery& delivery) {
  SOUHRA_ASSIGN_OR_RETURN(SmtpSettings settings,
                          SmtpSettingsFromJson(delivery.tenant_settings.value("smtp", Json())));
  EmailMessage message;
  message.to = delivery.address;
  message.to_name = delivery.recipient_name;
  message.subject = delivery.subject;
  message.text = delivery.text;
  message.key = delivery.key;
  message.date = clock_.Now();
  auto meeting = delivery.payload.find("calendar");
  if (meeting != delivery.payload.end() && meeting->is_object()) {
    InvitationParties parties{settings.from, delivery.address, delivery.recipient_name};
    SOUHRA_ASSIGN_OR_RETURN(message.calendar, FormatInvitation(*meeting, parties, message.date));
    message.calendar_method = InvitationMethod(*meeting);
  }
  return SendEmail(settings, message);
}

}  // namespace souhra
