#include "engine/client_code.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

namespace souhra {
namespace {

Status NotUtf8() {
  return InvalidArgument("Klientský kód obsahuje neplatné znaky; zadejte jej znovu.");
}

}  // namespace

Result<std::string> NormalizedClientCode(const std::string& code) {
  // UnicodeString::fromUTF8 would replace malformed bytes silently; u_strFromUTF8 reports them.
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, code.data(), static_cast<int32_t>(code.size()), &error);
  if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) return NotUtf8();
  icu::UnicodeString text;
  error = U_ZERO_ERROR;
  u_strFromUTF8(text.getBuffer(length + 1), length + 1, nullptr, code.data(),
                static_cast<int32_t>(code.size()), &error);
  text.releaseBuffer(U_SUCCESS(error) ? length : 0);
  if (U_FAILURE(error)) return NotUtf8();
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return Internal(std::string("ICU NFC: ") + u_errorName(error));
  const icu::UnicodeString normalized = nfc->normalize(text, error);
  if (U_FAILURE(error)) return Internal(std::string("ICU NFC: ") + u_errorName(error));
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

}  // namespace souhra
