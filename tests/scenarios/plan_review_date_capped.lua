-- Individuální plán: termín přehodnocení dohodnutý s klientem řídí úkol i eskalaci; pozdější den,
-- než obec připouští (60 pracovních dnů), se zkrátí a plán řekne proč; přehodnocení bez nového
-- dne plánuje další ve lhůtě obce od přehodnocení a termín v plánu nesmaže.
scenario {
  name = "Individuální plán: dohodnutý termín přehodnocení",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/individual_plan.lua" },
}

case { code = "K-2026-0004", workflow = "individual_plan" }
send { "plan.agreed", as = "case_manager",
       payload = { goals = { { title = "udržet bydlení" } }, review_date = "2026-09-30" } }
expect { state = "active" }
expect { task = "review", assignee = "case_manager", due = "2026-07-01T10:00:00+02:00" }
expect { data = { ["plan.review_date"] = "2026-07-01", ["plan.review_date_agreed"] = "2026-09-30",
                  ["plan.review_date_note"] = "Dohodnutý termín přehodnocení 30. 9. 2026 je "
                                              .. "pozdější, než obec připouští; plán se přehodnotí "
                                              .. "nejpozději 1. 7. 2026." } }

-- přehodnocení bez nového dne: další za 60 pracovních dnů od něj, v plánu jako den
advance "20 working days"  -- út 5. 5. (bez Velikonoc, 1. a 8. 5.)
send { "task.review.done", as = "case_manager", payload = { result = "unchanged" } }
expect { data = { ["plan.review_date"] = "2026-07-30", ["plan.review_result"] = "unchanged" } }
expect { task = "review", due = "2026-07-30T10:00:00+02:00" }

-- přehodnocení s dřívějším dnem: úkol i eskalace se řídí jím
send { "task.review.done", as = "case_manager",
       payload = { result = "changed", review_date = "2026-05-29", note = "Čeká se na soud" } }
expect { data = { ["plan.review_date"] = "2026-05-29", ["plan.review_date_agreed"] = "2026-05-29" } }
expect { task = "review", due = "2026-05-29T10:00:00+02:00" }
advance "24 days"  -- pá 29. 5. 10:00
expect { notification = { to = "coordinator", template = "plan_review_overdue" }, count = 1 }
