-- Pan Pavel: stížnost souseda na klepání v noci; zmatenost, nepřečtené dopisy, dluh na nájmu,
-- špatná výživa, děti 150 km daleko. Naléhavý podnět, zmeškaný první kontakt, souhlas dán jen
-- zčásti a později zčásti odvolán, plán nesestavený včas (eskalace), ukončení.
scenario {
  name = "Pan Pavel: stížnost souseda",
  tenant = "demo",
  start = "2026-09-07T08:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "rules/cm_eligibility.lua",
                  "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
  actors = { syn = { kind = "family", name = "syn pana Pavla" },
             mudr_kral = { kind = "health", name = "MUDr. Král, praktický lékař" },
             pecovatelska_sluzba = { kind = "social_services", name = "Pečovatelská služba města" } },
}

case {
  code = "K-2026-0907", workflow = "intake", as = "social_worker",
  data = { referral = { source = "neighbour", urgent = true, note = "klepání v noci" },
           people = { coordinator = "user:dvorak", head = "user:kralova" } },
}
expect { notification = { to = "head", template = "referral_urgent" }, count = 1 }
send { "intake.assigned", payload = { social_worker = "user:maly" }, as = "head" }
-- naléhavé: první kontakt do 1 pracovního dne
expect { task = "first_contact", due = "2026-09-08T08:00:00+02:00" }
advance "1 working day"  -- zmeškáno
expect { notification = { to = "head", template = "first_contact_missed" }, count = 1 }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-09-08T11:30:00+02:00", how = "home_visit" } }
-- bez souhlasu jen s důvodem ohrožení
send { "emergency.recorded", payload = {}, as = "social_worker" }
expect { refused = true }
send { "emergency.recorded", as = "social_worker",
       payload = { reason = "Zmatenost, podvýživa", actors = { { actor = "actor:mudr_kral" } },
                   purposes = { "coordination" } } }
expect { data = { ["emergency.by"] = "user:maly" } }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given_in_part", manner = "oral",
                   kinds = { { kind = "health", purposes = { "conference", "plan", "coordination" } },
                             { kind = "family", purposes = { "conference", "plan", "coordination" } },
                             { kind = "social_services", purposes = { "conference", "plan", "coordination" } },
                             { kind = "housing", purposes = { "conference" } } } } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "health", "housing", "self_care", "mental_health" },
                   expected_months = 9, actors_needed = 3, support = "weak",
                   can_solve_alone = false, worsening = true, motivated = true, age = 74,
                   low_income = true } }
send { "task.inquiry.done", as = "social_worker" }
expect { decision = { rules = "cm_eligibility", eligible = true } }
send { "eligibility.confirmed", payload = { case_manager = "user:maly" }, as = "coordinator" }
expect { workflow = "case_management", state = "active" }
-- pan Pavel odvolá souhlas pro bytový odbor
send { "consent.revoked", payload = { kinds = { { kind = "housing" } } }, as = "case_manager" }
expect { data = { ["consent.status"] = "given_in_part" } }
expect { notification = { to = "coordinator", template = "consent_revoked" }, count = 1 }
-- plán se nestihne sestavit: eskalace "plan_stalled", koordinátor převezme a svolá setkání
advance "15 working days"
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.reason"] = "plan_stalled" } }
send { "escalation.acknowledged", as = "coordinator" }
send { "escalation.resolved", payload = { resolution = "conference" }, as = "coordinator" }
expect { workflow = "case_conference", state = "preparing" }
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-10-05T08:00:00Z", place = "Byt klienta",
                   actors = { { actor = "actor:syn" }, { actor = "actor:mudr_kral" },
                              { actor = "actor:pecovatelska_sluzba" } } } }
-- setkání se přesouvá: nová pozvánka s vyšším pořadovým číslem
send { "conference.moved", payload = { at = "2026-10-07T08:00:00Z" }, as = "coordinator" }
expect { data = { ["conference.sequence"] = 2, ["conference.at"] = "2026-10-07T08:00:00Z" } }
expect { notification = { to = "actor:syn", template = "conference_moved" }, count = 1 }
advance "P10D"
expect { workflow = "case_conference", state = "meeting" }
send { "conference.opened", payload = { confidentiality_acknowledged = true }, as = "coordinator" }
send { "conference.concluded", as = "coordinator",
       payload = { tasks = { { title = "Dovoz obědů", responsible = "actor:pecovatelska_sluzba",
                               due = "2026-10-16" } } } }
send { "task.record.done", as = "coordinator",
       payload = { record = "Syn, praktický lékař a pečovatelská služba; dohodnut dovoz obědů." } }
send { "plan.agreed", as = "case_manager",
       payload = { goals = { { title = "výživa" }, { title = "bydlení" } } } }
expect { workflow = "individual_plan", state = "active" }
expect { task = "step_c1" }
-- krok po termínu: koordinátor dostane upozornění
advance "7 working days"
expect { notification = { to = "coordinator", template = "plan_step_overdue" }, count = 1 }
send { "closure.requested", as = "case_manager" }
send { "task.evaluate_cm.done", as = "case_manager",
       payload = { reason = "goals_met", evaluation = "Výživa zajištěna, syn dojíždí" } }
send { "task.evaluate_coordinator.done", as = "coordinator",
       payload = { reason = "goals_met", evaluation = "Setkání pomohlo" } }
expect { workflow = "case_management", state = "closed" }
expect { workflow = "individual_plan", state = "closed" }
expect { task = "step_c1", open = false }
