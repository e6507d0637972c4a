-- Proces Dolního Brodu (workflows/tenants/dolni_brod/): kratší první kontakt, přehodnocení plánu
-- každých 30 pracovních dní a jiná cílová skupina (ohrožení ztrátou bydlení).
scenario {
  name = "Dolní Brod: vlastní lhůty a cílová skupina",
  tenant = "dolni_brod",
  start = "2026-04-01T09:00:00+02:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua",
                  "workflows/tenants/dolni_brod/cm_eligibility.lua",
                  "workflows/tenants/dolni_brod/intake.lua",
                  "workflows/tenants/dolni_brod/individual_plan.lua" },
}

case { code = "K-DB-1", workflow = "intake", as = "social_worker",
       data = { referral = { source = "municipality" }, people = { coordinator = "user:dvorak" } } }
send { "intake.assigned", payload = { social_worker = "user:maly" }, as = "head" }
expect { task = "first_contact", due = "2026-04-08T09:00:00+02:00" }  -- 3 pracovní dny
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-04-02T09:00:00+02:00", how = "home_visit" } }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given", manner = "written",
                   kinds = { { kind = "social_services", purposes = { "conference", "plan" } } } } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "housing", "health", "income" }, expected_months = 12,
                   actors_needed = 3, support = "none", can_solve_alone = false,
                   housing_at_risk = true, age = 41 } }
send { "task.inquiry.done", as = "social_worker" }
expect { decision = { rules = "cm_eligibility", eligible = true, score = 7 } }
send { "eligibility.confirmed", payload = { case_manager = "user:maly" }, as = "coordinator" }
send { "plan.agreed", payload = { goals = { { title = "udržet bydlení" } } }, as = "case_manager" }
expect { task = "review", due = "2026-05-19T09:00:00+02:00" }  -- 30 pracovních dní
expect { workflow = "individual_plan", state = "active" }
