-- The workflow `souhra bench` drives: a case is created and receives three events, each step
-- with the timer and task effects of a real intake. At the end each case waits in `monitoring`
-- with one pending timer and one open task, as a dormant case does in production. The events are
-- a case manager's declared steps, so each is checked for who sends it and what data it carries.
return workflow {
  name = "bench",
  title = "Měření výkonu: příjem a plánování",
  owns = { "assessed" },
  events = {
    assess = { title = "Posoudit", by = { "case_manager" } },
    plan = {
      title = "Naplánovat", by = { "case_manager" },
      form = { { name = "ready", type = "yes_no", label = "Plán je připraven", required = true } },
    },
    agree = { title = "Dohodnout plán", by = { "case_manager", "coordinator" } },
  },
  params = {
    contact_within = "3 working days",
    assess_within = "10 working days",
    plan_within = "15 working days",
    review_every = "60 working days",
  },
  initial = "received",
  states = {
    received = {
      enter = {
        task { key = "contact", title = "První kontakt s klientem", assignee = "case_manager",
               due = "contact_within" },
        timer { key = "contact_late", after = "contact_within" },
      },
      on = {
        ["assess"] = { go = "assessing", run = set { assessed = true } },
      },
    },
    assessing = {
      enter = timer { key = "assessment_late", after = "assess_within" },
      on = {
        ["plan"] = {
          { when = function(case, event) return event.payload.ready == true end, go = "planning" },
        },
      },
    },
    planning = {
      enter = task { key = "plan", title = "Sestavit individuální plán", assignee = "case_manager",
                     due = "plan_within" },
      on = {
        ["agree"] = { go = "monitoring" },
      },
    },
    monitoring = {
      enter = {
        timer { key = "review", after = "review_every" },
        task { key = "review", title = "Přehodnotit individuální plán", assignee = "case_manager",
               due = "review_every" },
      },
      on = {
        ["timer.review"] = { go = "monitoring" },
        ["close"] = { go = "closed" },
      },
    },
    closed = { final = true },
  },
}
