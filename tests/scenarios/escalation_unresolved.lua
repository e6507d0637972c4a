-- Převzatá eskalace, kterou koordinátor v termínu nevyřeší, jde vedoucímu odboru: dostane
-- oznámení i úkol rozhodnout. Vedoucí ji vyřeší a eskalace se uzavře.
scenario {
  name = "Eskalace: převzatá, ale nevyřešená v termínu",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/escalation.lua" },
}

case { code = "K-2026-0701", workflow = "escalation",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak",
                           head = "user:cerna" } } }
send { "escalation.raised", as = "case_manager", payload = { reason = "plan_stalled" } }
send { "escalation.acknowledged", as = "coordinator" }
expect { task = "resolve", assignee = "coordinator" }
advance "4 working days"
expect { notification = { to = "head" }, count = 0 }
advance "1 working day"
expect { state = "with_head" }
expect { task = "resolve", open = false }
expect { notification = { to = "head", template = "escalation_unresolved" }, count = 1 }
expect { task = "decide", assignee = "head" }
expect { data = { ["escalation.with_head"] = true } }

send { "escalation.resolved", actor = "user:benes", roles = { "case_manager" },
       payload = { resolution = "conference" } }
expect { refused = true }  -- case manager eskalaci neřeší
send { "escalation.resolved", as = "head", payload = { resolution = "reassign",
       case_manager = "user:benes", note = "Předat zkušenější kolegyni" } }
expect { state = "none" }
expect { task = "decide", open = false }
expect { data = { ["escalation_history.1.resolved_by"] = "user:cerna" } }
