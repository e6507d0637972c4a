#include "engine/client_code.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

TEST(ClientCode, NfdAndNfcSpellingsNormaliseToOneCode) {
  const std::string nfc = "K-\xC5\xBD\xC3\xA1k";  // "K-Žák", precomposed
  const std::string nfd =
      "K-Z\xCC\x8C"
      "a\xCC\x81k";  // Z + caron, a + acute
  ASSERT_NE(nfc, nfd);
  EXPECT_EQ(NormalizedClientCode(nfd).value(), nfc);
  EXPECT_EQ(NormalizedClientCode(nfc).value(), nfc);
}

TEST(ClientCode, AsciiCodesStayAsTheyAre) {
  EXPECT_EQ(NormalizedClientCode("K-2026-0042").value(), "K-2026-0042");
}

TEST(ClientCode, BytesThatAreNotUtf8AreRefusedInCzech) {
  for (const std::string& bad :
       {std::string("K-\xC5"), std::string("K-\xFF\xFE"), std::string("K-\xED\xA0\x80")}) {
    Result<std::string> code = NormalizedClientCode(bad);
    EXPECT_EQ(code.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(code.status().message().find("Klientský kód"), std::string::npos);
  }
}

}  // namespace
}  // namespace souhra
