#include "adapters/inbox/inbox_channel.h"

namespace souhra {

Status InboxChannel::Deliver(const Delivery& delivery) {
  InboxMessage message;
  message.delivery_key = delivery.key;
  message.tenant = delivery.tenant;
  message.login = delivery.login;
  message.case_id = delivery.case_id;
  message.task_key = delivery.task_key;
  message.template_name = delivery.template_name;
  message.payload = delivery.payload;
  return engine_.Write([&message](WriteTxn& txn, Instant now) {
    message.created = now;
    return txn.InsertInboxMessage(message);
  });
}

}  // namespace souhra
