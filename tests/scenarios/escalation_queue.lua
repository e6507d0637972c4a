-- Dvě eskalace za sebou: druhá se neztratí. Počká, koordinátor se o ní dozví, a když první
-- vyřeší, druhá se otevře se svým důvodem; vyřešená zůstane v historii i s výsledkem.
scenario {
  name = "Eskalace: druhá počká na vyřešení první",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "workflows/escalation.lua" },
  actors = { dluhova_poradna = { kind = "debt_advice", name = "Dluhová poradna" } },
}

case { code = "K-2026-0700", workflow = "escalation",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak" } } }
send { "escalation.raised", as = "case_manager",
       payload = { reason = "cannot_solve_alone", note = "Klient odmítá spolupráci" } }
expect { state = "open" }
send { "escalation.acknowledged", as = "coordinator" }
expect { state = "acknowledged" }
send { "escalation.raised", as = "case_manager",
       payload = { reason = "new_actor_needed", note = "Je potřeba dluhová poradna" } }
expect { state = "acknowledged" }
expect { notification = { to = "coordinator", template = "escalation_queued" }, count = 1 }
expect { data = { ["escalation.reason"] = "cannot_solve_alone",
                  ["escalation_queue.1.reason"] = "new_actor_needed",
                  ["escalation_queue.1.note"] = "Je potřeba dluhová poradna" } }

send { "escalation.resolved", as = "coordinator",
       payload = { resolution = "conference", note = "Svolám setkání s rodinou" } }
expect { state = "open" }
expect { task = "acknowledge", assignee = "coordinator" }
expect { data = { ["escalation.reason"] = "new_actor_needed", ["escalation.open"] = true,
                  ["escalation_history.1.reason"] = "cannot_solve_alone",
                  ["escalation_history.1.resolution"] = "conference",
                  ["escalation_history.1.resolved_by"] = "user:dvorak" } }
expect { notification = { to = "coordinator", template = "escalation_raised" }, count = 2 }

send { "escalation.acknowledged", as = "coordinator" }
send { "escalation.resolved", as = "coordinator",
       payload = { resolution = "add_actor", actor = "actor:dluhova_poradna" } }
expect { state = "none" }
expect { data = { ["escalation.open"] = false, ["escalation_history.2.resolution"] = "add_actor",
                  ["actors.1"] = "actor:dluhova_poradna" } }
