-- Případová studie z přílohy 4 metodiky: osamělá žena 55+, cukrovka s nehojící se ránou, dluhy a
-- exekuce, dluh na nájmu v obecním bytě, pomáhá jí synovec. Podnět od praktického lékaře
-- (formalizované partnerství, písemný souhlas). Od podnětu po ukončení, s připomínkami,
-- eskalací a zmeškaným termínem (záznam z případového setkání).
scenario {
  name = "Příloha 4: podnět praktického lékaře",
  tenant = "demo",
  start = "2026-04-01T09:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "rules/cm_eligibility.lua",
                  "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
  actors = { synovec = { kind = "family", name = "synovec klientky" },
             charita = { kind = "social_services", name = "Charita Frýdek-Místek" },
             up = { kind = "labour_office", name = "Úřad práce, kontaktní pracoviště" },
             dluhova_poradna = { kind = "debt_advice", name = "Dluhová poradna" },
             bytovy_odbor = { kind = "housing", name = "Bytový odbor města" },
             mudr_svoboda = { kind = "health", name = "MUDr. Svoboda, praktický lékař" } },
}

case {
  code = "K-2026-0401", workflow = "intake", as = "social_worker",
  data = { referral = { source = "gp", urgent = false,
                        note = "Formalizované partnerství s lékařem, písemný souhlas klientky" },
           people = { coordinator = "user:dvorak", head = "user:kralova" } },
}
expect { workflow = "intake", state = "assigning" }
expect { task = "assign", assignee = "head" }
send { "intake.assigned", payload = { social_worker = "user:novakova" }, as = "head" }
expect { task = "first_contact", assignee = "social_worker",
         due = "2026-04-10T09:00:00+02:00" }  -- 5 pracovních dní bez Velkého pátku a Velikonočního pondělí
advance "4 working days"  -- čt 9. 4.: připomínka den předem
expect { notification = { to = "social_worker", template = "task_reminder" }, count = 1 }
send { "task.first_contact.done", as = "social_worker",
       payload = { contacted_at = "2026-04-09T09:00:00+02:00", how = "home_visit" } }
-- písemný souhlas od lékaře, na první návštěvě doplněn o aktéry a účely
send { "consent.recorded", as = "social_worker",
       payload = { status = "given_in_part", manner = "written",
                   actors = { { actor = "actor:charita", purposes = { "conference", "plan", "coordination" } } },
                   kinds = { { kind = "health", purposes = { "conference", "plan" } },
                             { kind = "labour_office", purposes = { "conference", "plan", "coordination" } },
                             { kind = "debt_advice", purposes = { "conference", "plan", "coordination" } },
                             { kind = "housing", purposes = { "conference", "plan", "coordination" } },
                             { kind = "family", purposes = { "conference", "plan", "coordination" } } } } }
expect { data = { ["consent.status"] = "given_in_part", ["consent.recorded_by"] = "user:novakova" } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "health", "debts", "housing", "self_care" },
                   expected_months = 12, actors_needed = 5, support = "weak",
                   can_solve_alone = false, worsening = true, motivated = true,
                   age = 58, low_income = true } }
send { "task.inquiry.done", as = "social_worker" }
expect { decision = { rules = "cm_eligibility", eligible = true, score = 9 } }
send { "eligibility.confirmed", payload = { case_manager = "user:novakova" }, as = "coordinator" }
expect { workflow = "intake", state = "handed_over" }
expect { workflow = "case_management", state = "active" }
expect { workflow = "escalation", state = "none" }
expect { workflow = "individual_plan", state = "drafting" }
expect { data = { ["people.case_manager"] = "user:novakova" } }

-- case manažerka situaci sama nezvládne: eskalace na koordinátora, převzata včas
send { "escalation.raised", as = "case_manager",
       payload = { reason = "cannot_solve_alone", note = "Exekuce a dluh na nájmu" } }
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.raised_by"] = "user:novakova" } }
expect { notification = { to = "coordinator", template = "escalation_raised" }, count = 1 }
send { "escalation.acknowledged", as = "coordinator" }
expect { workflow = "escalation", state = "acknowledged" }
send { "escalation.resolved", as = "coordinator", payload = { resolution = "conference" } }
expect { workflow = "escalation", state = "none" }
expect { workflow = "case_conference", state = "preparing" }
expect { task = "convene", assignee = "coordinator" }

-- setkání: synovec, Charita, Úřad práce online, dluhová poradna, bytový odbor; lékař nepřijde
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-04-16T08:00:00Z", place = "Úřad, zasedačka 2",
                   online_link = "https://meet.example/k0401",
                   actors = { { actor = "actor:synovec" }, { actor = "actor:charita" },
                              { actor = "actor:up" }, { actor = "actor:dluhova_poradna" },
                              { actor = "actor:bytovy_odbor" }, { actor = "actor:mudr_svoboda" } } } }
expect { workflow = "case_conference", state = "invited" }
expect { notification = { to = "actor:charita", template = "conference_invitation" }, count = 1 }
expect { data = { ["conference.sequence"] = 1 } }
send { "conference.reply", payload = { actor = "actor:up", reply = "online" }, as = "coordinator" }
send { "conference.reply", payload = { actor = "actor:mudr_svoboda", reply = "declines" },
       as = "coordinator" }
send { "conference.client_reply", payload = { attends = false }, as = "case_manager" }
expect { data = { ["conference.represented_by"] = "case_manager" } }
advance "P6DT1H"  -- st 15. 4. 10:00: připomínka 24 hodin předem
expect { notification = { to = "actor:synovec", template = "conference_reminder" }, count = 1 }
advance "1 day"
expect { workflow = "case_conference", state = "meeting" }
send { "conference.concluded", as = "coordinator", payload = {} }
expect { refused = true }  -- bez připomenutí mlčenlivosti nelze
send { "conference.opened", payload = { confidentiality_acknowledged = true }, as = "coordinator" }
send { "conference.concluded", as = "coordinator",
       payload = { inform = { { actor = "actor:mudr_svoboda" } },
                   tasks = { { title = "Splátkový kalendář", responsible = "actor:dluhova_poradna",
                               due = "2026-05-22", goal = "dluhy" },
                             { title = "Ošetřování rány", responsible = "actor:charita",
                               due = "2026-05-07", goal = "zdraví" } } } }
expect { workflow = "case_conference", state = "recording" }
-- záznam se nestihne: termín zmeškal koordinátor, eskalace jde rovnou vedoucí odboru
advance "3 working days"
expect { workflow = "escalation", state = "with_head" }
expect { data = { ["escalation.reason"] = "missed_deadline",
                  ["escalation.raised_by"] = "workflow:case_conference" } }
expect { notification = { to = "head", template = "escalation_about_coordinator" }, count = 1 }
expect { task = "decide", assignee = "head" }
advance "1 working day"  -- koordinátor záznam rozešle druhý den, vedoucí pak rozhodne
send { "task.record.done", as = "coordinator",
       payload = { record = "Účastníci: synovec, Charita, Úřad práce (online), dluhová poradna, "
                            .. "bytový odbor; klientku zastupuje case manažerka. Dohody viz úkoly." } }
expect { workflow = "case_conference", state = "done" }
expect { notification = { to = "actor:mudr_svoboda", template = "conference_record" }, count = 1 }
expect { notification = { to = "actor:charita", template = "conference_record" }, count = 1 }
send { "escalation.resolved", as = "head",
       payload = { resolution = "add_actor", actor = "actor:mudr_svoboda" } }
expect { workflow = "escalation", state = "none" }
expect { data = { ["escalation.resolved_by"] = "user:kralova" } }

-- plán: úkoly ze setkání se stávají kroky c1 a c2, krok plánu je třetí
send { "plan.agreed", as = "case_manager",
       payload = { goals = { { title = "zdraví" }, { title = "dluhy" }, { title = "bydlení" } },
                   steps = { { title = "Žádost o splátky nájmu", responsible = "actor:bytovy_odbor",
                               due = "2026-05-15", goal = "bydlení" } },
                   subplans = { { title = "Splátkový kalendář", responsible = "actor:dluhova_poradna" } },
                   risks = { { risk = "Charita nebude mít volnou kapacitu",
                               mitigation = "Domluvit náhradní službu předem" } } } }
expect { workflow = "individual_plan", state = "active" }
expect { task = "step_c1", assignee = "case_manager", due = "2026-05-22T10:00:00+02:00" }
expect { task = "step_3", due = "2026-05-15T10:00:00+02:00" }
expect { task = "review", assignee = "case_manager" }
send { "plan.step_done", payload = { id = "c2" }, as = "case_manager" }
expect { task = "step_c2", open = false }
-- krok 3 (žádost o splátky) se do 15. 5. nestihne: eskalace na koordinátora
advance "15 working days"
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.note"] = "Krok individuálního plánu je po termínu: Žádost o splátky nájmu" } }
send { "escalation.acknowledged", as = "coordinator" }
send { "escalation.resolved", as = "coordinator",
       payload = { resolution = "add_actor", actor = "actor:dluhova_poradna" } }
send { "plan.step_done", payload = { id = "3" }, as = "case_manager" }
advance "45 working days"
expect { notification = { to = "case_manager", template = "task_reminder" } }
send { "task.review.done", as = "case_manager", payload = { result = "goals_met" } }

-- ukončení: hodnocení case manažerky, pak koordinátora
send { "closure.requested", as = "case_manager" }
expect { workflow = "case_management", state = "evaluation_case_manager" }
send { "task.evaluate_cm.done", as = "case_manager",
       payload = { reason = "goals_met", evaluation = "Dluhy ve splátkách, rána zhojena" } }
send { "task.evaluate_coordinator.done", as = "coordinator",
       payload = { reason = "goals_met", evaluation = "Koordinace fungovala" } }
expect { workflow = "case_management", state = "closed" }
expect { workflow = "individual_plan", state = "closed" }
expect { workflow = "escalation", state = "closed" }
expect { workflow = "consent", state = "closed" }
expect { workflow = "intake", state = "closed" }
expect { data = { ["closure.case_manager.reason"] = "goals_met",
                  ["closure.coordinator.by"] = "user:dvorak" } }
expect { task = "review", open = false }
expect { task = "step_3", open = false }
