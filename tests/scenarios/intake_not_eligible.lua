-- Příjem podnětu, nepříznivé cesty: bez souhlasu a bez ohrožení klient kritéria nesplní,
-- pokračuje individuální sociální práce a po třech měsících se posuzuje znovu.
scenario {
  name = "Příjem: nevhodný pro case management, nové posouzení",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case { code = "K-2026-0500", workflow = "intake", as = "social_worker",
       data = { referral = { source = "client" }, people = { head = "user:kralova" } } }
send { "intake.assigned", payload = {}, as = "head" }
expect { refused = true }  -- bez sociálního pracovníka
send { "intake.assigned", payload = { social_worker = "user:maly" }, as = "head" }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-04-02T10:00:00+02:00", how = "office" } }
send { "consent.recorded", payload = { status = "refused", manner = "oral" }, as = "social_worker" }
send { "needs.recorded", payload = { problem_areas = { "debts" }, age = 40 }, as = "social_worker" }
send { "task.inquiry.done", as = "social_worker" }
expect { decision = { rules = "cm_eligibility", eligible = false } }
send { "eligibility.confirmed", payload = { case_manager = "user:maly" }, as = "coordinator" }
expect { workflow = "intake", state = "casework" }
expect { notification = { to = "social_worker", template = "casework_continues" }, count = 1 }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given", manner = "oral",
                   kinds = { { kind = "social_services", purposes = { "conference", "plan" } } } } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "debts", "housing", "income" }, expected_months = 12,
                   actors_needed = 3, support = "weak", can_solve_alone = false } }
advance "3 months"
expect { workflow = "intake", state = "assessing" }
expect { decision = { rules = "cm_eligibility", eligible = true } }
