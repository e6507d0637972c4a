-- Souhlas se sdílením je povinným kritériem vhodnosti pro case management: klient jej odvolá
-- dřív, než koordinátor posouzení potvrdí, vhodnost se posoudí znovu a případ zůstane
-- v individuální sociální práci.
scenario {
  name = "Odvolaný souhlas: nové posouzení vhodnosti",
  tenant = "demo",
  start = "2026-04-01T09:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "rules/cm_eligibility.lua",
                  "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case { code = "K-2026-0950", workflow = "intake", as = "social_worker",
       data = { referral = { source = "client" },
                people = { coordinator = "user:dvorak", head = "user:kralova" } } }
send { "intake.assigned", payload = { social_worker = "user:maly" }, as = "head" }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-04-02T09:00:00+02:00", how = "office" } }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given", manner = "written",
                   kinds = { { kind = "social_services", purposes = { "conference", "plan" } } } } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "housing", "health", "income" }, expected_months = 12,
                   actors_needed = 3, support = "none", can_solve_alone = false, age = 60,
                   low_income = true } }
send { "task.inquiry.done", as = "social_worker" }
expect { decision = { rules = "cm_eligibility", eligible = true } }
send { "consent.revoked", payload = {}, as = "social_worker" }
expect { data = { ["consent.status"] = "revoked" } }
expect { decision = { rules = "cm_eligibility", eligible = false } }
send { "eligibility.confirmed", payload = {}, as = "coordinator" }
expect { workflow = "intake", state = "casework" }
