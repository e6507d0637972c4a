-- Osmdesátiletý muž s Alzheimerovou demencí: alkohol, kolapsy, dluhy, chybějící občanský průkaz,
-- návrh na opatrovnictví, úklidová firma, potravinová pomoc Charity. Podnět z nemocnice při
-- propuštění; přehodnocení plánu se zmešká (eskalace), case manažer je vyměněn, ukončení.
scenario {
  name = "Muž (80) s demencí",
  tenant = "demo",
  start = "2026-02-02T10:00:00+01:00",
  definitions = { "rules/information_sharing.lua", "rules/cm_eligibility.lua",
                  "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
  actors = { matrika = { kind = "municipality", name = "Matrika a evidence obyvatel" } },
}

case {
  code = "K-2026-0202", workflow = "intake", as = "social_worker",
  data = { referral = { source = "hospital", urgent = false },
           people = { coordinator = "user:dvorak", head = "user:kralova" } },
}
send { "intake.assigned", payload = { social_worker = "user:vesela" }, as = "head" }
advance "4 working days"
expect { notification = { to = "social_worker", template = "task_reminder" }, count = 1 }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-02-05T14:00:00+01:00", how = "facility",
                   note = "Návštěva v nemocnici před propuštěním" } }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given", manner = "written",
                   kinds = { { kind = "health", purposes = { "conference", "plan", "coordination" } },
                             { kind = "social_services", purposes = { "conference", "plan", "coordination" } },
                             { kind = "municipality", purposes = { "plan", "coordination" } } } } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "health", "debts", "addiction", "legal", "self_care" },
                   expected_months = 24, actors_needed = 6, support = "none",
                   can_solve_alone = false, worsening = true, motivated = true, age = 80,
                   low_income = true } }
send { "task.inquiry.done", as = "social_worker" }
expect { decision = { rules = "cm_eligibility", eligible = true, score = 9 } }
send { "eligibility.confirmed", payload = { case_manager = "user:vesela" }, as = "coordinator" }
send { "plan.agreed", as = "case_manager",
       payload = { goals = { { title = "bezpečí doma" }, { title = "doklady" }, { title = "dluhy" },
                             { title = "opatrovnictví" } },
                   steps = { { title = "Návrh na omezení svéprávnosti", due = "2026-03-06",
                               goal = "opatrovnictví" },
                             { title = "Nový občanský průkaz", responsible = "actor:matrika",
                               due = "2026-02-20", goal = "doklady" } },
                   risks = { { risk = "pád a kolaps doma", mitigation = "tísňové tlačítko" } } } }
expect { task = "step_1", due = "2026-03-06T10:00:00+01:00" }
expect { task = "step_2", due = "2026-02-20T10:00:00+01:00" }
send { "plan.step_done", payload = { id = "2" }, as = "case_manager" }
send { "plan.step_done", payload = { id = "1" }, as = "case_manager" }
-- přehodnocení: připomínky předem, pak zmeškáno
advance "55 working days"
expect { notification = { to = "case_manager", template = "task_reminder" }, count = 2 }
advance "5 working days"
expect { notification = { to = "coordinator", template = "plan_review_overdue" }, count = 1 }
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.reason"] = "missed_deadline",
                  ["escalation.raised_by"] = "workflow:individual_plan" } }
send { "escalation.acknowledged", as = "coordinator" }
expect { workflow = "escalation", state = "acknowledged" }
send { "escalation.resolved", as = "coordinator",
       payload = { resolution = "reassign", case_manager = "user:benes",
                   note = "Case manažerka odchází na mateřskou dovolenou" } }
expect { data = { ["people.case_manager"] = "user:benes" } }
-- nový case manager přehodnotí plán a určí termín dalšího přehodnocení
send { "task.review.done", as = "case_manager",
       payload = { result = "changed", review_date = "2026-06-30",
                   note = "Přidán úklid domácnosti", risks = { { risk = "pád a kolaps doma" },
                                                              { risk = "nepořádek v bytě" } } } }
expect { data = { ["plan.review_date"] = "2026-06-30", ["plan.review_result"] = "changed" } }
expect { task = "review", assignee = "case_manager", due = "2026-06-30T10:00:00+02:00" }
-- ukončení navrhne koordinátor při řešení další eskalace
send { "escalation.raised", payload = { reason = "new_actor_needed", note = "Úklidová firma" },
       as = "case_manager" }
expect { data = { ["escalation.raised_by"] = "user:benes" } }
send { "escalation.resolved", payload = { resolution = "close" }, as = "coordinator" }
expect { workflow = "case_management", state = "evaluation_case_manager" }
send { "task.evaluate_cm.done", as = "case_manager",
       payload = { reason = "taken_over", evaluation = "Klienta převzal opatrovník a pečovatelská služba" } }
send { "task.evaluate_coordinator.done", as = "coordinator",
       payload = { reason = "taken_over", evaluation = "Předání proběhlo včas" } }
expect { workflow = "escalation", state = "closed" }
expect { workflow = "consent", state = "closed" }
