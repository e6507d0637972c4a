-- Aktér, který za krok individuálního plánu odpovídá, se o kroku dozví (jen kód klienta, krok a
-- termín, s účelem "plan" pro pravidla o sdílení informací), den před termínem dostane
-- připomínku, a case manager vidí v plánu, že je krok po termínu.
scenario {
  name = "Aktér odpovědný za krok plánu",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "workflows/individual_plan.lua" },
  actors = { bytovy_odbor = { kind = "housing", name = "Bytový odbor města" } },
}

-- klient dal souhlas se sdílením s bytovým odborem pro účely plánu
case { code = "K-2026-0005", workflow = "individual_plan",
       data = { consent = { status = "given_in_part", manner = "written",
                            grants = { { recipient = "actor:bytovy_odbor", purposes = { "plan" },
                                         given = "2026-04-01T10:00:00+02:00" } } } } }
send { "plan.agreed", as = "case_manager",
       payload = { goals = { { title = "bydlení" } },
                   steps = { { title = "Žádost o splátky nájmu", responsible = "actor:bytovy_odbor",
                               due = "2026-04-17" },
                             { title = "Návštěva u lékaře", due = "2026-04-20" } } } }
expect { notification = { to = "actor:bytovy_odbor", template = "plan_step_assigned", shared = true },
         count = 1 }
expect { notification = { template = "plan_step_assigned" }, count = 1 }  -- krok case managera ne
expect { task = "step_1", assignee = "case_manager", due = "2026-04-17T10:00:00+02:00",
         title = "Žádost o splátky nájmu (krok plánu do 17. 4. 2026)" }
expect { data = { ["plan.steps.1.status"] = "open" } }

advance "P14DT1H"  -- čt 16. 4. 11:00: den před termínem
expect { notification = { to = "actor:bytovy_odbor", template = "plan_step_actor_reminder" },
         count = 1 }
advance "1 day"  -- pá 17. 4.: krok je po termínu
expect { data = { ["plan.steps.1.status"] = "overdue", ["plan.steps.2.status"] = "open" } }
