#include "engine/definitions/message_template.h"

#include <gtest/gtest.h>

#include "engine/definitions/definition_loader.h"

namespace souhra {
namespace {

TEST(MessageTemplate, AcceptsEveryPlaceholder) {
  EXPECT_TRUE(CheckTemplateText("{case} {initials} {task} {due} {link} {when} {place} {reason} "
                                "{recipient}")
                  .empty());
  EXPECT_TRUE(CheckTemplateText("bez zástupných znaků").empty());
}

TEST(MessageTemplate, ReportsUnknownAndUnclosedPlaceholders) {
  EXPECT_EQ(
      CheckTemplateText("Dobrý den, {recipent}"),
      std::vector<std::string>{"unknown placeholder '{recipent}' (did you mean '{recipient}'?)"});
  EXPECT_EQ(CheckTemplateText("Případ {case"), std::vector<std::string>{"unclosed '{'"});
  EXPECT_EQ(CheckTemplateText("{{case.code}}").size(), 1u);
}

TEST(MessageTemplate, RendersPlaceholders) {
  EXPECT_EQ(RenderTemplateText("Úkol „{task}“ u případu {case} do {due}.{reason}",
                               {{"task", "Přehodnocení plánu"},
                                {"case", "K-2026-0042"},
                                {"due", "st 1. 7. 2026 10:00"}}),
            "Úkol „Přehodnocení plánu“ u případu K-2026-0042 do st 1. 7. 2026 10:00.");
  EXPECT_EQ(RenderTemplateText("{x} a {case", {{"case", "K"}}), "{x} a {case");
}

TEST(MessageTemplate, UnknownPlaceholderIsAValidationErrorAtItsLine) {
  const std::string source =
      "return workflow {\n"
      "  name = 'w', initial = 'a',\n"
      "  templates = {\n"
      "    hello = { title = 'Případ {case}',\n"
      "              body = 'Dobrý den {recipent}' },\n"
      "  },\n"
      "  states = { a = { final = true } },\n"
      "}\n";
  std::vector<Diagnostic> diagnostics;
  auto loaded = LoadDefinition("w.lua", source, SandboxLimits{}, ValidationContext{}, &diagnostics);
  EXPECT_FALSE(loaded.ok());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].ToString(),
            "w.lua:5: template 'hello': unknown placeholder '{recipent}' (did you mean "
            "'{recipient}'?)");
}

}  // namespace
}  // namespace souhra
