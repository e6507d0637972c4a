#include "adapters/email/mail_format.h"

#include <sodium.h>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <string_view>

namespace souhra {
namespace {

bool PlainAscii(const std::string& text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return text.find("=?") == std::string::npos;
}

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

}  // namespace

std::string FormatMailDate(Instant t) {
  // RFC 5322 names days and months in English whatever the locale: no strftime %a/%b.
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = ToMillis(t) / 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return text;
}

std::string MessageIdFor(const std::string& delivery_key, const std::string& from) {
  std::string local;
  for (char c : delivery_key) {
    const bool safe =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
    local += safe ? c : '-';
  }
  const size_t at = from.rfind('@');
  std::string domain = at == std::string::npos ? "" : from.substr(at + 1);
  while (!domain.empty() && (domain.back() == '>' || domain.back() == ' ')) domain.pop_back();
  if (domain.empty()) domain = "souhra.invalid";
  return "<" + local + "@souhra." + domain + ">";
}

std::string EncodeHeaderText(const std::string& text) {
  if (PlainAscii(text)) return text;
  // "=?UTF-8?B?" + base64 + "?=" is at most 75 characters: 45 bytes encode to 60.
  constexpr size_t kChunk = 45;
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.size(), start + kChunk);
    while (end < text.size() && end > start &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += ' ';
    out += "=?UTF-8?B?" + Base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string FormatMailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return address;
  if (PlainAscii(name) && name.find_first_of("\"\\") == std::string::npos) {
    return "\"" + name + "\" <" + address + ">";
  }
  return EncodeHeaderText(name) + " <" + address + ">";
}

namespace {

std::string Trimmed(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// The address part of a mailbox: printable ASCII without the characters RFC 5322 reserves for
// the syntax around it, one "@", and a domain with a dot.
bool PlausibleAddress(const std::string& address) {
  for (char c : address) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || std::string_view("<>()[],;:\"\\").find(c) != std::string::npos)
      return false;
  }
  const size_t at = address.find('@');
  if (at == 0 || at == std::string::npos || address.find('@', at + 1) != std::string::npos)
    return false;
  const std::string domain = address.substr(at + 1);
  const size_t dot = domain.find('.');
  return dot != std::string::npos && dot != 0 && domain.back() != '.';
}

}  // namespace

Result<Mailbox> ParseMailbox(const std::string& text) {
  const std::string written = Trimmed(text);
  Mailbox box;
  const size_t open = written.rfind('<');
  if (open == std::string::npos) {
    box.address = written;
  } else {
    if (written.back() != '>') {
      return InvalidArgument("Adresa odesílatele „" + written + "“ nekončí znakem „>“.");
    }
    box.address = written.substr(open + 1, written.size() - open - 2);
    box.name = Trimmed(written.substr(0, open));
    if (box.name.size() >= 2 && box.name.front() == '"' && box.name.back() == '"') {
      box.name = box.name.substr(1, box.name.size() - 2);
    }
    for (char c : box.name) {
      if (c == '\r' || c == '\n' || c == '"' || c == '<' || c == '>') {
        return InvalidArgument("Jméno odesílatele „" + box.name +
                               "“ obsahuje nepovolený znak (uvozovky, <, > nebo konec řádku).");
      }
    }
  }
  if (!PlausibleAddress(box.address)) {
    return InvalidArgument("„" + box.address +
                           "“ není platná e-mailová adresa (například souhra@obec.cz; doménu "
                           "s diakritikou zapište v podobě punycode).");
  }
  return box;
}

}  // namespace souhra
