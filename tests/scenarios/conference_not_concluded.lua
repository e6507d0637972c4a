-- Případové setkání, které se nekoná: čas setkání nastal, ale koordinátor ho nezahájil ani
-- nezapsal dohody. Dřív zůstalo setkání otevřené navždy; teď má koordinátor úkol se lhůtou
-- a po ní jde eskalace vedoucí odboru (lhůtu zmeškal koordinátor sám).
scenario {
  name = "Případové setkání bez zapsaných dohod",
  tenant = "demo",
  start = "2026-12-01T09:00:00+01:00",
  definitions = { "rules/information_sharing.lua", "workflows/case_management.lua",
                  "workflows/escalation.lua", "workflows/individual_plan.lua",
                  "workflows/case_conference.lua" },
  actors = { charita = { kind = "social_services", name = "Charita Frýdek-Místek" } },
}

case { code = "K-2026-0620", workflow = "case_management",
       data = { people = { case_manager = "user:novakova", coordinator = "user:svoboda",
                           head = "user:kralova" } } }
send { "conference.requested", as = "case_manager" }
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-12-10T10:00:00+01:00", place = "Zasedačka, Radnice 1",
                   actors = { { actor = "actor:charita" } } } }
advance "10 days"  -- pá 11. 12. 9:00: setkání mělo začít včera v 10:00
expect { workflow = "case_conference", state = "meeting" }
expect { task = "conclude", assignee = "coordinator", due = "2026-12-14T10:00:00+01:00" }
advance "2 working days"
expect { workflow = "escalation", state = "with_head" }
expect { data = { ["escalation.reason"] = "missed_deadline", ["escalation.to_head"] = true } }
expect { notification = { to = "head", template = "escalation_about_coordinator" }, count = 1 }
-- zapsáním dohod se úkol uzavře
send { "conference.opened", as = "coordinator", payload = { confidentiality_acknowledged = true } }
send { "conference.concluded", as = "coordinator", payload = { tasks = {} } }
expect { workflow = "case_conference", state = "recording" }
expect { task = "conclude", open = false }
