-- Přehodnocení individuálního plánu (individual plan review).
-- The case manager reviews the plan regularly; a missed review goes to the coordinator, and
-- after a grace period to the head of the social department. A case manager or a coordinator
-- may start a case on it alone (the shipped process reviews plans in workflows/individual_plan.lua).
return workflow {
  name = "plan_review",
  title = "Přehodnocení individuálního plánu",
  referral = { title = "Případ s pravidelným přehodnocením plánu", by = { "case_manager", "coordinator" } },
  params = {
    review_every = "60 working days",  -- how often the plan is reviewed
    remind_before = "5 working days",  -- first reminder before the review is due
    remind_late = "2 working days",    -- when the coordinator hears of a missed review
    grace = "3 working days",          -- how long an escalation waits for the coordinator
  },
  templates = {
    task_reminder = {
      title = "Připomenutí úkolu",
      body = "Úkol „{task}“ u případu {case} má termín {due}.",
    },
    plan_review_overdue = {
      title = "Přehodnocení plánu je po termínu",
      body = "Přehodnocení individuálního plánu u případu {case} nebylo provedeno v termínu.",
    },
    plan_review_escalated = {
      title = "Přehodnocení plánu stále chybí",
      body = "U případu {case} plán stále není přehodnocen ani po upozornění koordinátora.",
    },
  },
  initial = "waiting",
  states = {
    waiting = {
      title = "Čeká na přehodnocení",
      -- keep: the task stays open while the case is escalated, until the plan is reviewed.
      enter = task {
        key = "review", assignee = "case_manager", keep = true,
        title = "Přehodnotit individuální plán",
        due = "review_every",
        remind = {
          "remind_before before",
          "1 working day before",
          "on the day",
          { after = "remind_late", to = "coordinator", template = "plan_review_overdue" },
        },
        form = { { name = "note", type = "long_text", label = "Poznámka k přehodnocení" } },
      },
      on = {
        ["task.review.done"] = { go = "waiting" },  -- re-entering sets the next deadline
        ["task.review.overdue"] = { go = "escalated" },
        ["case.closed"] = { go = "done" },
      },
    },
    escalated = {
      title = "Eskalováno koordinátorovi",
      enter = {
        notify { to = "coordinator", template = "plan_review_overdue" },
        timer { key = "second_level", after = "grace" },
      },
      on = {
        ["task.review.done"] = { go = "waiting" },
        ["timer.second_level"] = {
          run = notify { to = "head", template = "plan_review_escalated" },
        },
        ["case.closed"] = { go = "done" },
      },
    },
    done = { title = "Ukončeno", final = true },  -- a final state ends every task and timer
  },
}
