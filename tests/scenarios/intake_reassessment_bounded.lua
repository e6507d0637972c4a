-- Příjem podnětu: nevhodný případ se neposuzuje znovu donekonečna. Dvakrát se vhodnost posoudí
-- sama po třech měsících (sociální pracovník má úkol s termínem a zpráva mu termín řekne), pak
-- individuální sociální práce pokračuje a nové posouzení přijde jen na žádost.
scenario {
  name = "Příjem: nové posouzení nejvýš dvakrát samo",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case { code = "K-2026-0510", workflow = "intake", as = "social_worker",
       data = { referral = { source = "client" }, people = { head = "user:kralova" } } }
send { "intake.assigned", payload = { social_worker = "user:maly" }, as = "head" }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-04-02T10:00:00+02:00", how = "office" } }
send { "consent.recorded", payload = { status = "refused", manner = "oral" }, as = "social_worker" }
send { "needs.recorded", payload = { problem_areas = { "debts" }, age = 40 }, as = "social_worker" }
send { "task.inquiry.done", as = "social_worker" }
send { "eligibility.confirmed", payload = {}, as = "coordinator" }
expect { workflow = "intake", state = "casework" }
expect { task = "reassess", assignee = "social_worker" }
expect { notification = { to = "social_worker", template = "casework_continues",
                          text = "vhodnost se posoudí znovu čt 2. 7. 2026 10:00" } }

advance "3 months"  -- první nové posouzení, stále nevhodný
expect { workflow = "intake", state = "assessing" }
send { "eligibility.confirmed", payload = {}, as = "coordinator" }
expect { workflow = "intake", state = "casework" }
advance "3 months"  -- druhé
expect { workflow = "intake", state = "assessing" }
expect { data = { reassessments = 2 } }
send { "eligibility.confirmed", payload = {}, as = "coordinator" }
expect { workflow = "intake", state = "casework_final" }
expect { notification = { to = "social_worker", template = "casework_without_reassessment" },
         count = 1 }
expect { task = "reassess", open = false }
advance "6 months"  -- samo už se neposuzuje
expect { workflow = "intake", state = "casework_final" }
send { "eligibility.reassess", as = "social_worker" }
expect { workflow = "intake", state = "assessing" }
