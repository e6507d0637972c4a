-- Zmeškané přehodnocení plánu: po termínu jde případ koordinátorovi, a když ani potom
-- nikdo plán nepřehodnotí, po 3 pracovních dnech vedoucímu odboru.
scenario {
  name = "Eskalace zmeškaného přehodnocení",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/plan_review.lua" },
}

case { code = "K-2026-0002", workflow = "plan_review" }
advance "60 working days"  -- st 1. 7. 2026 10:00: termín přehodnocení, úkol je po termínu
expect { task = "review", open = true }
expect { state = "escalated" }
expect { notification = { to = "coordinator", template = "plan_review_overdue" }, count = 1 }
expect { notification = { to = "head" }, count = 0 }

-- 5. a 6. července jsou svátky, druhý stupeň přijde až v úterý 7. července
advance "1 working day"
expect { notification = { to = "head" }, count = 0 }
advance "2 working days"
expect { notification = { to = "head", template = "plan_review_escalated" }, count = 1 }
expect { state = "escalated" }

-- přehodnocení i po eskalaci vrací případ do běžného režimu s novým termínem
send { "task.review.done", as = "case_manager" }
expect { state = "waiting" }
expect { task = "review", assignee = "case_manager" }
