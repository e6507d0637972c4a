-- Termín přehodnocení dohodnutý s klientem řídí úkol i eskalaci. Lhůta obce (60 pracovních dnů)
-- platí, jen když se žádný den nedohodl, a je nejzazší: pozdější den se na ni zkrátí a případ
-- řekne proč. Přehodnocení bez nového dne termín nesmaže: další je ve lhůtě obce od přehodnocení.
scenario {
  name = "Přehodnocení v den dohodnutý s klientem",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/plan_review.lua" },
}

case { code = "K-2026-0003", workflow = "plan_review", as = "case_manager",
       data = { referral = { review_date = "2026-05-14" } } }
expect { task = "review", assignee = "case_manager", due = "2026-05-14T10:00:00+02:00" }
expect { data = { ["review.date"] = "2026-05-14", ["review.agreed"] = "2026-05-14" } }

-- v dohodnutý den přehodnocení chybí: koordinátor to ví hned, ne až po 60 pracovních dnech
advance "42 days"  -- čt 14. 5. 10:00
expect { state = "escalated" }
expect { notification = { to = "coordinator", template = "plan_review_overdue" }, count = 1 }

-- dohodnutý den za lhůtou obce se zkrátí na ni
send { "task.review.done", as = "case_manager",
       payload = { review_date = "2026-12-17", note = "Klient chce další schůzku až v prosinci" } }
expect { state = "waiting" }
expect { task = "review", due = "2026-08-07T10:00:00+02:00" }  -- 60 pracovních dnů od 14. 5.
expect { data = { ["review.date"] = "2026-08-07", ["review.agreed"] = "2026-12-17",
                  ["review.note"] = "Dohodnutý termín přehodnocení 17. 12. 2026 je pozdější, než "
                                    .. "obec připouští; plán se přehodnotí nejpozději 7. 8. 2026." } }

-- přehodnocení bez nového dne: další ve lhůtě obce od přehodnocení, termín v datech zůstává
advance "10 working days"  -- čt 28. 5.
send { "task.review.done", as = "case_manager", payload = { note = "Beze změny" } }
expect { data = { ["review.date"] = "2026-08-21" } }
expect { task = "review", due = "2026-08-21T10:00:00+02:00" }
