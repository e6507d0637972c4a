-- A small workflow for scenarios of rules/cm_eligibility.lua: the decision is made when the
-- case is created from the needs questionnaire, and confirmed by the coordinator.
return workflow {
  name = "eligibility_screening", owns = { "eligibility" },
  title = "Posouzení vhodnosti pro case management",
  owns = { "eligibility" },
  events = { ["screening.confirmed"] = { title = "Potvrdit posouzení", by = { "coordinator" } } },
  templates = {
    cm_accepted = {
      title = "Nový klient case managementu",
      body = "Klient případu {case} byl přijat do case managementu.",
    },
  },
  initial = "screening",
  states = {
    screening = {
      title = "Posouzení vhodnosti",
      enter = decide { rules = "cm_eligibility", into = "eligibility" },
      on = {
        ["screening.confirmed"] = {
          { go = "accepted", when = function(case, event) return case.data.eligibility.eligible end },
          { go = "declined" },
        },
      },
    },
    accepted = {
      title = "Přijat do case managementu",
      enter = notify { to = "coordinator", template = "cm_accepted" },
      on = { ["case.closed"] = { go = "done" } },
    },
    declined = { title = "Nepřijat", final = true },
    done = { title = "Ukončeno", final = true },
  },
}
