-- Přehodnocení plánu v termínu: case manager plán přehodnotí dřív, než termín uplyne,
-- a tím se nastaví další termín. Nikdo nedostane upozornění o zmeškání.
scenario {
  name = "Přehodnocení plánu v termínu",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",  -- čtvrtek před Velikonocemi
  definitions = { "workflows/plan_review.lua" },
}

case { code = "K-2026-0001", workflow = "plan_review" }
expect { state = "waiting" }
-- 60 pracovních dnů: přeskočí Velký pátek, Velikonoční pondělí, 1. a 8. května
expect { task = "review", assignee = "case_manager", due = "2026-07-01T10:00:00+02:00" }

advance "30 working days"
expect { state = "waiting" }
send { "task.review.done", as = "case_manager", payload = { note = "Plán přehodnocen s klientem" } }
expect { state = "waiting" }
-- nový termín běží od přehodnocení; přeskočí 6. července (Jan Hus)
expect { task = "review", due = "2026-08-13T10:00:00+02:00" }

advance "40 working days"
expect { notification = { to = "coordinator" }, count = 0 }

send { "case.closed" }
expect { state = "done" }
expect { task = "review", open = false }
send { "task.review.done" }
expect { refused = true }
