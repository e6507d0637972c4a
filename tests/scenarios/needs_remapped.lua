-- Monitoring (krok 7): po předání do case managementu case manager potřeby klienta znovu zmapuje,
-- jak se případ vyvíjí. Dřív dotazník přijímal jen příjem podnětu a po předání byl krok odmítnut.
scenario {
  name = "Nové zmapování potřeb po předání",
  tenant = "demo",
  start = "2026-02-02T10:00:00+01:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case {
  code = "K-2026-0901", workflow = "intake", as = "social_worker",
  data = { referral = { source = "neighbour", urgent = false },
           people = { coordinator = "user:dvorak", head = "user:kralova" } },
}
send { "intake.assigned", payload = { social_worker = "user:vesela" }, as = "head" }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-02-03T14:00:00+01:00", how = "home_visit" } }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given", manner = "written",
                   kinds = { { kind = "health", purposes = { "conference", "plan" } } } } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "health", "debts", "housing" }, expected_months = 12,
                   actors_needed = 3, support = "weak", can_solve_alone = false, worsening = true,
                   motivated = true, age = 79, low_income = true } }
send { "task.inquiry.done", as = "social_worker" }
send { "eligibility.confirmed", payload = { case_manager = "user:vesela" }, as = "coordinator" }
expect { workflow = "intake", state = "handed_over" }

-- sociální pracovník už dotazník po předání nezapisuje; case managerka potřeby zmapuje znovu
send { "needs.recorded", as = "social_worker", payload = { problem_areas = { "health" } } }
expect { refused = true }
advance "20 working days"
send { "needs.remapped", as = "case_manager",
       payload = { problem_areas = { "health", "debts", "housing", "self_care" },
                   worsening = true, support = "none" } }
expect { data = { ["problem_areas.4"] = "self_care", ["support"] = "none",
                  ["needs_remapped.1.by"] = "user:vesela", ["expected_months"] = 12 } }
expect { workflow = "intake", state = "handed_over" }
