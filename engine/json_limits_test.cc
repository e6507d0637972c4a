#include "engine/json_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace souhra {
namespace {

// `depth` arrays inside each other: "[[[]]]" for 3.
std::string NestedArrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(ParseJson, AcceptsValuesAtTheDepthLimit) {
  Result<Json> parsed = ParseJson(NestedArrays(64));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  int depth = 1;
  for (const Json* inner = &*parsed; !inner->empty(); inner = &(*inner)[0]) ++depth;
  EXPECT_EQ(depth, 64);
}

TEST(ParseJson, RefusesOneLevelBeyondTheLimitNamingIt) {
  Result<Json> parsed = ParseJson(NestedArrays(65));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("nejvýše 64 úrovní"), std::string::npos)
      << parsed.status().message();
}

TEST(ParseJson, RefusesAMillionLevelsWithoutRecursing) {
  Result<Json> parsed = ParseJson(NestedArrays(1'000'000), JsonLimits{64, 4u << 20});
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("příliš hluboko"), std::string::npos);
}

TEST(ParseJson, NamesTheOuterMemberUnderWhichTheValueIsTooDeep) {
  const std::string deep = "{\"type\": \"x\", \"payload\": {\"a\": " + NestedArrays(70) + "}}";
  Result<Json> parsed = ParseJson(deep);
  ASSERT_FALSE(parsed.ok());
  ASSERT_EQ(parsed.status().field_errors().size(), 1u);
  EXPECT_EQ(parsed.status().field_errors()[0].field, "payload");
}

TEST(ParseJson, BuildsTheSameValueAsNlohmann) {
  const std::string text = R"({"a": [1, -2, 3.5, true, null, "ž"], "b": {"c": {}, "d": []},
                               "a2": 18446744073709551615, "b": {"e": 1}})";
  Result<Json> parsed = ParseJson(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, Json::parse(text));
}

TEST(ParseJson, ParsesScalarsAtTheTop) {
  EXPECT_EQ(ParseJson("42").value(), Json(42));
  EXPECT_EQ(ParseJson("\"text\"").value(), Json("text"));
}

TEST(ParseJson, RefusesTextLongerThanTheLimit) {
  Result<Json> parsed = ParseJson("[1, 2, 3]", JsonLimits{64, 8});
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("příliš velká"), std::string::npos);
}

TEST(ParseJson, RefusesMalformedTextInCzech) {
  for (const char* text : {"", "{", "{\"a\": }", "[1] 2", "{\"a\": 1,}"}) {
    Result<Json> parsed = ParseJson(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_NE(parsed.status().message().find("nejsou platný JSON"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace souhra
