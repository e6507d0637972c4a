-- Deliberately broken: every mistake here is asserted by definition_loader_test.cc.
return workflow {
  name = "broken",
  params = { grace = "3 working days" },
  templates = { reminder = { title = "Připomínka", body = "Termín se blíží." } },
  initial = "waiting",
  states = {
    waiting = {
      enter = task { key = "review", assignee = "case_manger", title = "Přehodnotit plán",
                     due = "3 workdays" },
      on = {
        ["task.review.done"] = { tragte = "done" },
        ["task.review.overdue"] = { go = "escalatd" },
        ["timer.nudge"] = { run = notify { to = "coordinator", template = "remindr" } },
      },
    },
    escalated = { on = { ["case.closed"] = { go = "done" } } },
    done = { final = true },
  },
}
