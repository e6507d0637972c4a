-- Uzavřený případ a jeho znovuotevření: uzavřený případ nepřijme žádný krok kromě znovuotevření,
-- které dělá koordinátor podpory s uvedeným důvodem. Znovu se spustí souhlas a case management
-- (a s ním eskalace a individuální plán); údaje případu zůstávají.
scenario {
  name = "Uzavřený a znovu otevřený případ",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/consent.lua", "workflows/case_management.lua",
                  "workflows/escalation.lua", "workflows/individual_plan.lua",
                  "workflows/case_conference.lua" },
}

case { code = "K-2026-0900", workflow = "case_management",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak" } } }
send { "task.mapping.done", as = "case_manager",
       payload = { needs = "Bydlení a dluhy", wishes = "Zůstat doma" } }
expect { data = { ["case_management.mapped"] = true,
                  ["case_management.mapping.by"] = "user:novakova" } }
send { "closure.requested", as = "coordinator" }
send { "task.evaluate_cm.done", as = "case_manager",
       payload = { reason = "client_ended", evaluation = "Klient odmítl další spolupráci" } }
send { "task.evaluate_coordinator.done", as = "coordinator",
       payload = { reason = "client_ended", evaluation = "Bez výhrad" } }
expect { workflow = "case_management", state = "closed" }
expect { workflow = "escalation", state = "closed" }
-- uzavřený případ: jen znovuotevření, jen koordinátorem, jen s důvodem
send { "conference.requested", as = "case_manager" }
expect { refused = true }
send { "case.reopened", payload = { reason = "Klient se vrátil" }, as = "case_manager" }
expect { refused = true }
send { "case.reopened", payload = {}, as = "coordinator" }
expect { refused = true }
advance "1 month"
send { "case.reopened", payload = { reason = "Klient požádal o pomoc znovu" }, as = "coordinator" }
expect { workflow = "case_management", state = "active" }
expect { workflow = "consent", state = "recording" }
expect { workflow = "escalation", state = "none" }
expect { workflow = "individual_plan", state = "drafting" }
expect { task = "mapping", assignee = "case_manager" }
expect { data = { ["closure.case_manager.reason"] = "client_ended" } }
-- otevřený případ znovu otevřít nejde
send { "case.reopened", payload = { reason = "Omylem" }, as = "coordinator" }
expect { refused = true }
send { "conference.requested", as = "case_manager" }
expect { workflow = "case_conference", state = "preparing" }
