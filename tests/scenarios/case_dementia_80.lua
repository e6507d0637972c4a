-- Osmdesátiletý muž s Alzheimerovou demencí: alkohol, kolapsy, dluhy, chybějící občanský průkaz,
-- návrh na opatrovnictví, úklidová firma, potravinová pomoc Charity. Podnět z nemocnice při
-- propuštění; přehodnocení plánu se zmešká (eskalace), case manažer je vyměněn, ukončení.
scenario {
  name = "Muž (80) s demencí",
  tenant = "demo",
  start = "2026-02-02T10:00:00+01:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case {
  code = "K-2026-0202", workflow = "intake",
  data = { referral = { source = "hospital", urgent = false },
           people = { coordinator = "user:dvorak", head = "user:kralova" } },
}
send { "intake.assigned", payload = { social_worker = "user:vesela" }, actor = "user:kralova" }
advance "4 working days"
expect { notification = { to = "social_worker", template = "task_reminder" }, count = 1 }
send { "task.first_contact.done", actor = "user:vesela" }
send { "consent.recorded", payload = { status = "given" }, actor = "user:vesela" }
send { "needs.recorded", actor = "user:vesela",
       payload = { problem_areas = { "health", "debts", "addiction", "legal", "self_care" },
                   expected_months = 24, actors_needed = 6, support = "none",
                   can_solve_alone = false, worsening = true, motivated = true, age = 80,
                   low_income = true } }
send { "task.inquiry.done", actor = "user:vesela" }
expect { decision = { rules = "cm_eligibility", eligible = true, score = 9 } }
send { "eligibility.confirmed", payload = { case_manager = "user:vesela" }, actor = "user:dvorak" }
send { "plan.agreed", actor = "user:vesela",
       payload = { goals = { "bezpečí doma", "doklady", "dluhy", "opatrovnictví" },
                   steps = { { id = "op", title = "Návrh na omezení svéprávnosti",
                               responsible = "user:vesela", due = "20 working days" },
                             { id = "op_id", title = "Nový občanský průkaz",
                               responsible = "actor:matrika", due = "10 working days" } },
                   risks = { "pád a kolaps doma" } } }
send { "plan.step_done", payload = { id = "op_id" }, actor = "user:vesela" }
send { "plan.step_done", payload = { id = "op" }, actor = "user:vesela" }
-- přehodnocení: připomínky předem, pak zmeškáno
advance "55 working days"
expect { notification = { to = "case_manager", template = "task_reminder" }, count = 2 }
advance "5 working days"
expect { notification = { to = "coordinator", template = "plan_review_overdue" }, count = 1 }
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.reason"] = "missed_deadline" } }
send { "task.acknowledge.done", actor = "user:dvorak" }
expect { workflow = "escalation", state = "acknowledged" }
send { "escalation.resolved", payload = { resolution = "reassign", case_manager = "user:benes" },
       actor = "user:dvorak" }
expect { data = { ["people.case_manager"] = "user:benes" } }
send { "task.review.done", actor = "user:benes" }
expect { task = "review", assignee = "case_manager" }
-- ukončení navrhne koordinátor při řešení další eskalace
send { "escalation.raised", payload = { reason = "new_actor_needed", note = "Úklidová firma" },
       actor = "user:benes" }
send { "escalation.resolved", payload = { resolution = "close" }, actor = "user:dvorak" }
expect { workflow = "case_management", state = "evaluation_case_manager" }
send { "task.evaluate_cm.done", actor = "user:benes" }
send { "task.evaluate_coordinator.done", actor = "user:dvorak" }
expect { workflow = "escalation", state = "closed" }
expect { workflow = "consent", state = "closed" }
