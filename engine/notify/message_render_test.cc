#include "engine/notify/message_render.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

TEST(MessageRender, FillsEveryPlaceholderFromTheMessageAndNothingElse) {
  CaseRecord kase;
  kase.id = 42;
  kase.code = "K-2026-0042";
  kase.data = {{"client", {{"initials", "J. N."}, {"name", "Jan Novák"}}}};
  OutboxRecord message;
  message.template_name = "review";
  message.payload = {
      {"event", "task.review.overdue"},
      {"reason", "klient je v nemocnici"},
      {"calendar", {{"at", "2026-07-01T08:00:00Z"}, {"online_link", "https://meet.example/a"}}},
      {"template",
       {{"title", "{task} – {case}"},
        {"body", "{recipient}: {initials}, termín {due}, {when} {place}. {reason} {link}"},
        {"urgent", true}}}};
  TaskRecord task;
  task.key = "review";
  task.title = "Přehodnotit plán";
  task.due = FromMillis(1782892800000);  // 2026-07-01T08:00:00Z
  RenderContext context;
  context.kase = &kase;
  context.message = &message;
  context.task = task;
  context.base_url = "https://souhra.example.cz/";
  context.recipient_name = "Jana Dvořáková";
  context.format_time = [](Instant t) { return "[" + FormatUtc(t) + "]"; };

  RenderedMessage out = RenderMessage(context);
  EXPECT_EQ(out.subject, "Přehodnotit plán – K-2026-0042");
  EXPECT_EQ(out.text,
            "Jana Dvořáková: J. N., termín [2026-07-01T08:00:00.000Z], "
            "[2026-07-01T08:00:00.000Z] https://meet.example/a. klient je v nemocnici "
            "https://souhra.example.cz/#/cases/42");
  EXPECT_TRUE(out.urgent);
  EXPECT_EQ(out.link, "https://souhra.example.cz/#/cases/42");
  EXPECT_EQ(out.text.find("Novák"), std::string::npos);
  EXPECT_EQ(TaskKeyOfEvent("task.review.overdue"), "review");
}

TEST(MessageRender, InitialsFallBackToTheCodeAndTheLinkIsAdded) {
  CaseRecord kase;
  kase.id = 7;
  kase.code = "K-7";
  OutboxRecord message;
  message.template_name = "t";
  message.payload = {{"template", {{"title", "Případ {initials}"}, {"body", "Čeká."}}}};
  RenderContext context;
  context.kase = &kase;
  context.message = &message;
  context.base_url = "https://s.example";
  RenderedMessage out = RenderMessage(context);
  EXPECT_EQ(out.subject, "Případ K-7");
  EXPECT_EQ(out.text, "Čeká.\n\nhttps://s.example/#/cases/7");
  EXPECT_FALSE(out.urgent);
}

}  // namespace
}  // namespace souhra
