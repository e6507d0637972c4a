-- Případová studie z přílohy 4 metodiky: osamělá žena 55+, cukrovka s nehojící se ránou, dluhy a
-- exekuce, dluh na nájmu v obecním bytě, pomáhá jí synovec. Podnět od praktického lékaře
-- (formalizované partnerství, písemný souhlas). Od podnětu po ukončení, s připomínkami,
-- eskalací a zmeškaným termínem (záznam z případového setkání).
scenario {
  name = "Příloha 4: podnět praktického lékaře",
  tenant = "demo",
  start = "2026-04-01T09:00:00+02:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case {
  code = "K-2026-0401", workflow = "intake",
  data = { referral = { source = "gp", urgent = false, written_consent = true },
           people = { coordinator = "user:dvorak", head = "user:kralova" } },
}
expect { workflow = "intake", state = "assigning" }
expect { task = "assign", assignee = "head" }
send { "intake.assigned", payload = { social_worker = "user:novakova" }, actor = "user:kralova" }
expect { task = "first_contact", assignee = "social_worker",
         due = "2026-04-10T09:00:00+02:00" }  -- 5 pracovních dní bez Velkého pátku a Velikonočního pondělí
advance "4 working days"  -- čt 9. 4.: připomínka den předem
expect { notification = { to = "social_worker", template = "task_reminder" }, count = 1 }
send { "task.first_contact.done", actor = "user:novakova" }
-- písemný souhlas od lékaře, na první návštěvě doplněn o aktéry a účely
send { "consent.recorded", actor = "user:novakova",
       payload = { status = "given_in_part",
                   grants = { { recipient = "kind:health", purposes = { "conference", "plan" } },
                              { recipient = "actor:charita" }, { recipient = "kind:labour_office" },
                              { recipient = "kind:debt_advice" }, { recipient = "kind:housing" },
                              { recipient = "kind:family" } } } }
expect { data = { ["consent.status"] = "given_in_part" } }
send { "needs.recorded", actor = "user:novakova",
       payload = { problem_areas = { "health", "debts", "housing", "self_care" },
                   expected_months = 12, actors_needed = 5, support = "weak",
                   can_solve_alone = false, worsening = true, motivated = true,
                   age = 58, low_income = true } }
send { "task.inquiry.done", actor = "user:novakova" }
expect { decision = { rules = "cm_eligibility", eligible = true, score = 9 } }
send { "eligibility.confirmed", payload = { case_manager = "user:novakova" }, actor = "user:dvorak" }
expect { workflow = "intake", state = "handed_over" }
expect { workflow = "case_management", state = "active" }
expect { workflow = "escalation", state = "none" }
expect { workflow = "individual_plan", state = "drafting" }
expect { data = { ["people.case_manager"] = "user:novakova" } }

-- case manažerka situaci sama nezvládne: eskalace na koordinátora, převzata včas
send { "escalation.raised", actor = "user:novakova",
       payload = { reason = "cannot_solve_alone", note = "Exekuce a dluh na nájmu", by = "user:novakova" } }
expect { workflow = "escalation", state = "open" }
expect { notification = { to = "coordinator", template = "escalation_raised" }, count = 1 }
send { "escalation.acknowledged", actor = "user:dvorak" }
expect { workflow = "escalation", state = "acknowledged" }
send { "escalation.resolved", actor = "user:dvorak", payload = { resolution = "conference" } }
expect { workflow = "escalation", state = "none" }
expect { workflow = "case_conference", state = "preparing" }
expect { task = "convene", assignee = "coordinator" }

-- setkání: synovec, Charita, Úřad práce online, dluhová poradna, bytový odbor; lékař nepřijde
send { "conference.scheduled", actor = "user:dvorak",
       payload = { at = "2026-04-16T08:00:00Z", place = "Úřad, zasedačka 2",
                   online_link = "https://meet.example/k0401",
                   actors = { "actor:synovec", "actor:charita", "actor:up", "actor:dluhova_poradna",
                              "actor:bytovy_odbor", "actor:mudr_svoboda" } } }
expect { workflow = "case_conference", state = "invited" }
expect { notification = { to = "actor:charita", template = "conference_invitation" }, count = 1 }
expect { data = { ["conference.sequence"] = 1 } }
send { "conference.reply", payload = { actor = "actor:up", reply = "online" }, actor = "actor:up" }
send { "conference.reply", payload = { actor = "actor:mudr_svoboda", reply = "declines" },
       actor = "actor:mudr_svoboda" }
send { "conference.client_reply", payload = { attends = false }, actor = "user:novakova" }
expect { data = { ["conference.represented_by"] = "case_manager" } }
advance "P6DT1H"  -- st 15. 4. 10:00: připomínka 24 hodin předem
expect { notification = { to = "actor:synovec", template = "conference_reminder" }, count = 1 }
advance "1 day"
expect { workflow = "case_conference", state = "meeting" }
send { "conference.concluded", actor = "user:dvorak", payload = {} }
expect { refused = true }  -- bez připomenutí mlčenlivosti nelze
send { "conference.opened", payload = { confidentiality_acknowledged = true }, actor = "user:dvorak" }
send { "conference.concluded", actor = "user:dvorak",
       payload = { inform = { "actor:mudr_svoboda" },
                   tasks = { { title = "Splátkový kalendář", responsible = "actor:dluhova_poradna",
                               due = "20 working days", goal = "dluhy" },
                             { title = "Ošetřování rány", responsible = "actor:charita",
                               due = "10 working days", goal = "zdraví" } } } }
expect { workflow = "case_conference", state = "recording" }
-- záznam se nestihne: zmeškaný termín jde na koordinátora jako eskalace
advance "3 working days"
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.reason"] = "missed_deadline" } }
advance "1 working day"  -- koordinátor eskalaci nepřevzal: vedoucí odboru
expect { workflow = "escalation", state = "with_head" }
expect { notification = { to = "head", template = "escalation_to_head" }, count = 1 }
send { "task.record.done", actor = "user:dvorak" }
expect { workflow = "case_conference", state = "done" }
expect { notification = { to = "actor:mudr_svoboda", template = "conference_record" }, count = 1 }
expect { notification = { to = "actor:charita", template = "conference_record" }, count = 1 }
send { "escalation.resolved", actor = "user:kralova", payload = { resolution = "add_actor",
                                                                   actor = "actor:mudr_svoboda" } }
expect { workflow = "escalation", state = "none" }

-- plán: úkoly ze setkání se stávají kroky
send { "plan.agreed", actor = "user:novakova",
       payload = { goals = { "zdraví", "dluhy", "bydlení" },
                   steps = { { id = "1", title = "Žádost o splátky nájmu", responsible = "actor:bytovy_odbor",
                               due = "15 working days" } },
                   subplans = { debts = "Splátkový kalendář s dluhovou poradnou" },
                   risks = { "Charita nebude mít volnou kapacitu" } } }
expect { workflow = "individual_plan", state = "active" }
expect { task = "step_c1", assignee = "case_manager" }
expect { task = "step_1" }
expect { task = "review", assignee = "case_manager" }
send { "plan.step_done", payload = { id = "c2" }, actor = "user:novakova" }
expect { task = "step_c2", open = false }
-- krok 1 (žádost o splátky) se do 15 pracovních dnů nestihne: eskalace na koordinátora
advance "15 working days"
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.note"] = "Krok individuálního plánu je po termínu: Žádost o splátky nájmu" } }
send { "escalation.acknowledged", actor = "user:dvorak" }
send { "escalation.resolved", actor = "user:dvorak", payload = { resolution = "add_actor",
                                                                  actor = "actor:dluhova_poradna" } }
send { "plan.step_done", payload = { id = "1" }, actor = "user:novakova" }
advance "45 working days"
expect { notification = { to = "case_manager", template = "task_reminder" } }
send { "task.review.done", actor = "user:novakova" }

-- ukončení: hodnocení case manažerky, pak koordinátora
send { "closure.requested", actor = "user:novakova" }
expect { workflow = "case_management", state = "evaluation_case_manager" }
send { "task.evaluate_cm.done", payload = { goals_met = true }, actor = "user:novakova" }
send { "task.evaluate_coordinator.done", payload = { note = "Koordinace fungovala" }, actor = "user:dvorak" }
expect { workflow = "case_management", state = "closed" }
expect { workflow = "individual_plan", state = "closed" }
expect { workflow = "escalation", state = "closed" }
expect { workflow = "consent", state = "closed" }
expect { task = "review", open = false }
expect { task = "step_1", open = false }
