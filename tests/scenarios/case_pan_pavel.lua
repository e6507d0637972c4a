-- Pan Pavel: stížnost souseda na klepání v noci; zmatenost, nepřečtené dopisy, dluh na nájmu,
-- špatná výživa, děti 150 km daleko. Naléhavý podnět, zmeškaný první kontakt, souhlas dán jen
-- zčásti a později zčásti odvolán, plán nesestavený včas (eskalace), ukončení.
scenario {
  name = "Pan Pavel: stížnost souseda",
  tenant = "demo",
  start = "2026-09-07T08:00:00+02:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case {
  code = "K-2026-0907", workflow = "intake",
  data = { referral = { source = "neighbour", urgent = true, note = "klepání v noci" },
           people = { coordinator = "user:dvorak", head = "user:kralova" } },
}
expect { notification = { to = "head", template = "referral_urgent" }, count = 1 }
send { "intake.assigned", payload = { social_worker = "user:maly" }, actor = "user:kralova" }
-- naléhavé: první kontakt do 1 pracovního dne
expect { task = "first_contact", due = "2026-09-08T08:00:00+02:00" }
advance "1 working day"  -- zmeškáno
expect { notification = { to = "head", template = "first_contact_missed" }, count = 1 }
send { "task.first_contact.done", actor = "user:maly" }
-- bez souhlasu jen s důvodem ohrožení
send { "emergency.recorded", payload = {}, actor = "user:maly" }
expect { refused = true }
send { "emergency.recorded", payload = { reason = "Zmatenost, podvýživa", by = "user:maly" },
       actor = "user:maly" }
send { "consent.recorded", actor = "user:maly",
       payload = { status = "given_in_part",
                   grants = { { recipient = "kind:health" }, { recipient = "kind:family" },
                              { recipient = "kind:housing", purposes = { "conference" } } } } }
send { "needs.recorded", actor = "user:maly",
       payload = { problem_areas = { "health", "housing", "self_care", "mental_health" },
                   expected_months = 9, actors_needed = 3, support = "weak",
                   can_solve_alone = false, worsening = true, motivated = true, age = 74,
                   low_income = true } }
send { "task.inquiry.done", actor = "user:maly" }
expect { decision = { rules = "cm_eligibility", eligible = true } }
send { "eligibility.confirmed", payload = { case_manager = "user:maly" }, actor = "user:dvorak" }
expect { workflow = "case_management", state = "active" }
-- pan Pavel odvolá souhlas pro bytový odbor
send { "consent.revoked", payload = { recipients = { "kind:housing" } }, actor = "user:maly" }
expect { data = { ["consent.status"] = "given_in_part" } }
expect { notification = { to = "coordinator", template = "consent_revoked" }, count = 1 }
-- plán se nestihne sestavit: eskalace "plan_stalled", koordinátor převezme a svolá setkání
advance "15 working days"
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.reason"] = "plan_stalled" } }
send { "escalation.acknowledged", actor = "user:dvorak" }
send { "escalation.resolved", payload = { resolution = "conference" }, actor = "user:dvorak" }
expect { workflow = "case_conference", state = "preparing" }
send { "conference.scheduled", actor = "user:dvorak",
       payload = { at = "2026-10-05T08:00:00Z", place = "Byt klienta",
                   actors = { "actor:syn", "actor:mudr_kral", "actor:pecovatelska_sluzba" } } }
-- setkání se přesouvá: nová pozvánka s vyšším pořadovým číslem
send { "conference.moved", payload = { at = "2026-10-07T08:00:00Z" }, actor = "user:dvorak" }
expect { data = { ["conference.sequence"] = 2, ["conference.at"] = "2026-10-07T08:00:00Z" } }
expect { notification = { to = "actor:syn", template = "conference_moved" }, count = 1 }
advance "P10D"
expect { workflow = "case_conference", state = "meeting" }
send { "conference.opened", payload = { confidentiality_acknowledged = true }, actor = "user:dvorak" }
send { "conference.concluded", actor = "user:dvorak",
       payload = { tasks = { { title = "Dovoz obědů", responsible = "actor:pecovatelska_sluzba",
                               due = "5 working days" } } } }
send { "task.record.done", actor = "user:dvorak" }
send { "plan.agreed", actor = "user:maly", payload = { goals = { "výživa", "bydlení" } } }
expect { workflow = "individual_plan", state = "active" }
expect { task = "step_c1" }
-- krok po termínu: koordinátor dostane upozornění
advance "7 working days"
expect { notification = { to = "coordinator", template = "plan_step_overdue" }, count = 1 }
send { "closure.requested", actor = "user:maly" }
send { "task.evaluate_cm.done", actor = "user:maly" }
send { "task.evaluate_coordinator.done", actor = "user:dvorak" }
expect { workflow = "case_management", state = "closed" }
expect { workflow = "individual_plan", state = "closed" }
expect { task = "step_c1", open = false }
