#include "adapters/email/mail_format.h"

#include <sodium.h>

#include <chrono>
#include <format>

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
  return std::format("{:%a, %d %b %Y %H:%M:%S} +0000", std::chrono::floor<std::chrono::seconds>(t));
}

std::string MessageIdFor(const std::string& delivery_key, const std::string& from) {
  std::string local;
  for (char c : delivery_key) {
    const bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' ||
                      c == '_';
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

}  // namespace souhra
