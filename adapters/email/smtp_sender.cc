#include "adapters/email/smtp_sender.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

#include "adapters/email/mail_format.h"

namespace souhra {
namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
  void operator()(curl_mime* m) const { curl_mime_free(m); }
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Header values must not carry line breaks from data.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

// The server, its TLS policy, the login and the time limits.
void SetConnection(CURL* c, const SmtpSettings& settings) {
  const std::string url = "smtp://" + settings.host + ":" + std::to_string(settings.port);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  switch (settings.tls) {
    case SmtpSettings::Tls::kNever:
      curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_NONE);
      break;
    case SmtpSettings::Tls::kWhenOffered:
      curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_TRY);
      break;
    case SmtpSettings::Tls::kRequired:
      curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_ALL);
      break;
  }
  if (!settings.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(settings.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
}

std::unique_ptr<curl_slist, CurlDeleter> MailHeaders(const SmtpSettings& settings,
                                                     const EmailMessage& message) {
  const std::string headers_text[] = {
      "Date: " + FormatMailDate(message.date),
      "From: " + FormatMailbox(OneLine(settings.from_name), settings.from),
      "To: " + FormatMailbox(OneLine(message.to_name), message.to),
      "Subject: " + EncodeHeaderText(OneLine(message.subject)),
      "Message-ID: " + MessageIdFor(message.key, settings.from),
      "X-Souhra-Delivery: " + OneLine(message.key),
      "Auto-Submitted: auto-generated",
  };
  std::unique_ptr<curl_slist, CurlDeleter> headers;
  for (const std::string& h : headers_text) {
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  }
  return headers;
}

// The text, and the invitation as an attachment when the message carries one.
std::unique_ptr<curl_mime, CurlDeleter> MailBody(CURL* c, const EmailMessage& message) {
  std::unique_ptr<curl_mime, CurlDeleter> mime(curl_mime_init(c));
  curl_mimepart* body = curl_mime_addpart(mime.get());
  curl_mime_data(body, message.text.data(), message.text.size());
  curl_mime_type(body, "text/plain; charset=UTF-8");
  curl_mime_encoder(body, "quoted-printable");
  if (!message.calendar.empty()) {
    curl_mimepart* invite = curl_mime_addpart(mime.get());
    curl_mime_data(invite, message.calendar.data(), message.calendar.size());
    const std::string type = "text/calendar; charset=UTF-8; method=" + message.calendar_method;
    curl_mime_type(invite, type.c_str());
    curl_mime_filename(invite, "pozvanka.ics");
    curl_mime_encoder(invite, "base64");
  }
  return mime;
}

// This machine's own mail server: nothing sent to it crosses a network.
bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

}  // namespace

Result<SmtpSettings> SmtpSettingsFromJson(const Json& smtp) {
  if (!smtp.is_object()) return InvalidArgument("the tenant has no e-mail settings (smtp)");
  SmtpSettings s;
  s.host = smtp.value("host", "");
  const std::string from = smtp.value("from", "");
  if (s.host.empty() || from.empty()) {
    return InvalidArgument("the tenant's e-mail settings need 'host' and 'from'");
  }
  SOUHRA_ASSIGN_OR_RETURN(Mailbox sender, ParseMailbox(from));
  s.from = sender.address;
  s.from_name = sender.name;
  s.port = smtp.value("port", 25);
  s.username = smtp.value("username", "");
  s.password = smtp.value("password", "");
  if (IsLoopbackHost(s.host)) s.tls = SmtpSettings::Tls::kWhenOffered;
  auto tls = smtp.find("starttls");
  if (tls != smtp.end()) {
    if (tls->is_boolean())
      s.tls = tls->get<bool>() ? SmtpSettings::Tls::kWhenOffered : SmtpSettings::Tls::kNever;
    if (tls->is_string() && tls->get<std::string>() == "required") {
      s.tls = SmtpSettings::Tls::kRequired;
    }
  }
  return s;
}

Status SendEmail(const SmtpSettings& settings, const EmailMessage& message) {
  GlobalInit();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Unavailable("curl_easy_init failed");
  CURL* c = curl.get();
  SetConnection(c, settings);
  // curl copies the option strings, but reads these lists and the body during the transfer.
  const std::string from = "<" + settings.from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::unique_ptr<curl_slist, CurlDeleter> rcpt(
      curl_slist_append(nullptr, ("<" + message.to + ">").c_str()));
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  std::unique_ptr<curl_slist, CurlDeleter> headers = MailHeaders(settings, message);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  std::unique_ptr<curl_mime, CurlDeleter> mime = MailBody(c, message);
  curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    return Unavailable("smtp " + settings.host + ":" + std::to_string(settings.port) + ": " +
                       (error[0] ? error : curl_easy_strerror(code)));
  }
  return Status::Ok();
}

}  // namespace souhra
