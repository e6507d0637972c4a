// The e-mail channel against a real SMTP server on loopback (tests/smtp_sink.py).
#include "adapters/email/email_channel.h"

#include <gtest/gtest.h>

#include "adapters/email/mail_format.h"
#include "adapters/email/smtp_sender.h"
#include "tests/fakes/fake_clock.h"
#include "tests/fakes/smtp_sink.h"

namespace souhra {
namespace {

using testing::SmtpSink;

// Unfolded content lines of an .ics.
std::map<std::string, std::string> IcsProperties(const std::string& ics) {
  std::vector<std::string> lines;
  std::stringstream in(ics);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == ' ' && !lines.empty())
      lines.back() += line.substr(1);
    else if (!line.empty())
      lines.push_back(line);
  }
  std::map<std::string, std::string> props;
  for (const std::string& l : lines) {
    const size_t colon = l.find(':');
    props[l.substr(0, std::min(colon, l.find(';')))] = l.substr(colon + 1);
  }
  return props;
}

Delivery MailTo(int port) {
  Delivery d;
  d.key = "outbox-7-email-mala";
  d.tenant = "frydek";
  d.case_code = "K-2026-0042";
  d.address = "mala@charita.example.cz";
  d.recipient_name = "Petra Malá";
  d.subject = "Případová konference – K-2026-0042";
  d.text = "Dobrý den, zveme vás na případovou konferenci ke klientovi J. N. (K-2026-0042).";
  d.tenant_settings = {{"smtp",
                        {{"host", "127.0.0.1"},
                         {"port", port},
                         {"from", "socialni@frydek.example.cz"},
                         {"starttls", true}}}};
  return d;
}

TEST(EmailChannel, DeliversCzechSubjectAndBodyToTheRecipient) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ready());
  FakeClock clock(FromMillis(1782800000000));
  EmailChannel channel(clock);
  Status sent = channel.Deliver(MailTo(sink.port()));
  ASSERT_TRUE(sent.ok()) << sent.ToString();
  std::optional<Json> mail = sink.Message(1);
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ((*mail)["rcpt"], Json::array({"mala@charita.example.cz"}));
  EXPECT_EQ((*mail)["mail_from"], "socialni@frydek.example.cz");
  EXPECT_EQ((*mail)["subject"], "Případová konference – K-2026-0042");
  EXPECT_EQ((*mail)["to"], "Petra Malá <mala@charita.example.cz>");
  EXPECT_EQ((*mail)["message_id"],
            MessageIdFor("outbox-7-email-mala", "socialni@frydek.example.cz"));
  EXPECT_NE((*mail)["date"].get<std::string>(), "None");
  std::string text = (*mail)["text"];
  EXPECT_NE(text.find("případovou konferenci ke klientovi J. N. (K-2026-0042)"), std::string::npos)
      << text;
  EXPECT_EQ(sink.Count(), 1);
}

TEST(EmailChannel, AttachesAnInvitationThatParses) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ready());
  FakeClock clock(FromMillis(1782800000000));
  EmailChannel channel(clock);
  Delivery d = MailTo(sink.port());
  d.payload["calendar"] = {{"uid", "konf-42-1@souhra"},
                           {"at", "2026-07-01T08:00:00Z"},
                           {"place", "Radnice, zasedačka 2"},
                           {"sequence", 1},
                           {"title", "Případová konference K-2026-0042"}};
  ASSERT_TRUE(channel.Deliver(d).ok());
  std::optional<Json> mail = sink.Message(1);
  ASSERT_TRUE(mail.has_value());
  const Json* ics = nullptr;
  for (const Json& part : (*mail)["parts"]) {
    if (part["type"].get<std::string>().starts_with("text/calendar")) ics = &part;
  }
  ASSERT_NE(ics, nullptr) << mail->dump();
  EXPECT_NE((*ics)["type"].get<std::string>().find("method=\"REQUEST\""), std::string::npos)
      << (*ics)["type"];
  auto props = IcsProperties((*ics)["content"]);
  EXPECT_EQ(props["METHOD"], "REQUEST");
  EXPECT_EQ(props["UID"], "konf-42-1@souhra");
  EXPECT_EQ(props["SEQUENCE"], "1");
  EXPECT_EQ(props["DTSTART"], "20260701T080000Z");
  EXPECT_EQ(props["ATTENDEE"], "mailto:mala@charita.example.cz");

  d.payload["calendar"]["cancelled"] = true;
  d.payload["calendar"]["sequence"] = 2;
  ASSERT_TRUE(channel.Deliver(d).ok());
  mail = sink.Message(2);
  ASSERT_TRUE(mail.has_value());
  for (const Json& part : (*mail)["parts"]) {
    if (!part["type"].get<std::string>().starts_with("text/calendar")) continue;
    auto cancel = IcsProperties(part["content"]);
    EXPECT_EQ(cancel["METHOD"], "CANCEL");
    EXPECT_EQ(cancel["SEQUENCE"], "2");
    EXPECT_EQ(cancel["UID"], "konf-42-1@souhra");
  }
}

TEST(EmailChannel, RefusesWithoutSettingsAndFailsWhenTheServerIsDown) {
  FakeClock clock(FromMillis(0));
  EmailChannel channel(clock);
  Delivery d = MailTo(1);
  d.tenant_settings = Json::object();
  EXPECT_EQ(channel.Deliver(d).code(), StatusCode::kInvalidArgument);
  d = MailTo(testing::FreeLoopbackPort());
  EXPECT_EQ(channel.Deliver(d).code(), StatusCode::kUnavailable);
}

TEST(MailFormat, EncodesHeaders) {
  EXPECT_EQ(EncodeHeaderText("Plain"), "Plain");
  EXPECT_EQ(EncodeHeaderText("Ž"), "=?UTF-8?B?xb0=?=");
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "ěščř";
  for (const std::string& word : {EncodeHeaderText(long_text)}) {
    size_t start = 0;
    while (start < word.size()) {
      size_t end = word.find(' ', start);
      if (end == std::string::npos) end = word.size();
      EXPECT_LE(end - start, 75u);
      start = end + 1;
    }
  }
  EXPECT_EQ(FormatMailDate(FromMillis(0)), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(MessageIdFor("outbox-1-email-a b", "x@obec.cz"), "<outbox-1-email-a-b@souhra.obec.cz>");
}

TEST(MailFormat, ReadsASenderWithOrWithoutADisplayName) {
  Result<Mailbox> named = ParseMailbox(" Městský úřad Demo obec <souhra@demo.example.cz> ");
  ASSERT_TRUE(named.ok()) << named.status().ToString();
  EXPECT_EQ(named->name, "Městský úřad Demo obec");
  EXPECT_EQ(named->address, "souhra@demo.example.cz");
  Result<Mailbox> quoted = ParseMailbox("\"Obec, odbor sociální\" <os@obec.cz>");
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(quoted->name, "Obec, odbor sociální");
  Result<Mailbox> bare = ParseMailbox("souhra@obec.cz");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->name, "");
  EXPECT_EQ(bare->address, "souhra@obec.cz");
  for (const char* wrong : {"", "souhra", "souhra@obec", "a b@obec.cz", "Obec <souhra@obec.cz",
                            "a@b@obec.cz", "Obec\r\nBcc: x@y.cz <souhra@obec.cz>", "@obec.cz"}) {
    Result<Mailbox> refused = ParseMailbox(wrong);
    ASSERT_FALSE(refused.ok()) << wrong;
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(SmtpSettings, RequireStartTlsForAnyServerButThisMachinesOwn) {
  Result<SmtpSettings> external =
      SmtpSettingsFromJson({{"host", "smtp.obec.cz"}, {"from", "souhra@obec.cz"}});
  ASSERT_TRUE(external.ok());
  EXPECT_EQ(external->tls, SmtpSettings::Tls::kRequired);
  Result<SmtpSettings> local =
      SmtpSettingsFromJson({{"host", "localhost"}, {"from", "souhra@obec.cz"}});
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(local->tls, SmtpSettings::Tls::kWhenOffered);
  Result<SmtpSettings> chosen = SmtpSettingsFromJson(
      {{"host", "smtp.obec.cz"}, {"from", "souhra@obec.cz"}, {"starttls", false}});
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(chosen->tls, SmtpSettings::Tls::kNever);
  EXPECT_EQ(
      SmtpSettingsFromJson({{"host", "smtp.obec.cz"}, {"from", "Obec <souhra>"}}).status().code(),
      StatusCode::kInvalidArgument);
}

// A sender written with the office's name used to go into MAIL FROM whole, and every server
// refused it (501).
TEST(EmailChannel, SendsFromASenderWithADisplayName) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ready());
  FakeClock clock(FromMillis(1782800000000));
  EmailChannel channel(clock);
  Delivery d = MailTo(sink.port());
  d.tenant_settings["smtp"]["from"] = "Městský úřad Demo obec <souhra@demo.example.cz>";
  Status sent = channel.Deliver(d);
  ASSERT_TRUE(sent.ok()) << sent.ToString();
  std::optional<Json> mail = sink.Message(1);
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ((*mail)["mail_from"], "souhra@demo.example.cz") << mail->dump();
  EXPECT_EQ((*mail)["from"], "Městský úřad Demo obec <souhra@demo.example.cz>") << mail->dump();
}

}  // namespace
}  // namespace souhra
