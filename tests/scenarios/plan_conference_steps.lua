-- Úkoly dohodnuté na případovém setkání „do 10 pracovních dnů“ se počítají ode dne setkání, ne
-- od sepsání plánu: krok dostane úkol s termínem hned po rozeslání záznamu, i když plán ještě
-- není sepsán, a termín se čte jako den.
scenario {
  name = "Kroky ze setkání s lhůtou od setkání",
  tenant = "demo",
  start = "2026-04-01T09:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "workflows/case_management.lua",
                  "workflows/escalation.lua", "workflows/individual_plan.lua",
                  "workflows/case_conference.lua" },
  actors = { charita = { kind = "social_services", name = "Charita Frýdek-Místek" },
             dluhova_poradna = { kind = "debt_advice", name = "Dluhová poradna Slezské diakonie" } },
}

case { code = "K-2026-0801", workflow = "case_management" }
expect { workflow = "individual_plan", state = "drafting" }
send { "conference.requested", as = "case_manager" }
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-04-16T08:00:00Z", place = "Úřad, zasedačka 2",
                   actors = { { actor = "actor:charita" }, { actor = "actor:dluhova_poradna" } } } }
advance "P15DT1H"  -- čt 16. 4. 10:00: setkání začíná
expect { workflow = "case_conference", state = "meeting" }
expect { data = { ["conference.tasks_due"] = "2026-04-30" } }  -- 10 pracovních dnů od setkání
send { "conference.opened", payload = { confidentiality_acknowledged = true }, as = "coordinator" }
send { "conference.concluded", as = "coordinator",
       payload = { tasks = { { title = "Ošetřování rány", responsible = "actor:charita" },
                             { title = "Splátkový kalendář", responsible = "actor:dluhova_poradna",
                               due = "2026-05-22" } } } }

-- záznam se rozešle až další pracovní den; lhůta běží od setkání
advance "1 working day"
send { "task.record.done", as = "coordinator", payload = { record = "Dohody viz úkoly." } }
expect { workflow = "individual_plan", state = "drafting" }
expect { data = { ["plan.steps.1.due"] = "2026-04-30", ["plan.steps.2.due"] = "2026-05-22" } }
expect { task = "step_c1", assignee = "case_manager", due = "2026-04-30T10:00:00+02:00",
         title = "Ošetřování rány (krok plánu do 30. 4. 2026)" }
expect { task = "step_c2", due = "2026-05-22T10:00:00+02:00",
         title = "Splátkový kalendář (krok plánu do 22. 5. 2026)" }

-- plán sepsaný o tři pracovní dny později termíny kroků ze setkání nemění
advance "3 working days"  -- st 22. 4.
send { "plan.agreed", as = "case_manager", payload = { goals = { { title = "zdraví" } } } }
expect { workflow = "individual_plan", state = "active" }
expect { task = "step_c1", due = "2026-04-30T10:00:00+02:00" }

-- krok po termínu jde koordinátorovi, jako každý krok plánu
advance "6 working days"  -- čt 30. 4. 10:00
expect { workflow = "escalation", state = "open" }
expect { data = { ["escalation.note"] = "Krok individuálního plánu je po termínu: Ošetřování rány",
                  ["plan.steps.1.status"] = "overdue" } }
