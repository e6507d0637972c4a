-- Případové setkání, nepříznivé cesty: svolání se zpozdí (eskalace jde vedoucí odboru, protože
-- termín zmeškal koordinátor), setkání se zruší (pozvánky odejdou jako zrušené), na žádost o
-- další setkání se připravuje nové.
scenario {
  name = "Případové setkání: zpoždění a zrušení",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "workflows/case_management.lua",
                  "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
  actors = { charita = { kind = "social_services", name = "Charita Frýdek-Místek" } },
}

case { code = "K-2026-0600", workflow = "case_management",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak" } } }
send { "conference.requested", as = "case_manager" }
expect { workflow = "case_conference", state = "preparing" }
send { "conference.requested", as = "case_manager" }  -- jedno už se připravuje
expect { notification = { to = "coordinator", template = "conference_requested" }, count = 1 }
advance "5 working days"
-- svolání zmeškal koordinátor sám: eskalace jde rovnou vedoucí odboru, ne jemu
expect { workflow = "escalation", state = "with_head" }
expect { data = { ["escalation.reason"] = "missed_deadline", ["escalation.to_head"] = true } }
expect { notification = { to = "head", template = "escalation_about_coordinator" }, count = 1 }
expect { notification = { to = "coordinator", template = "escalation_raised" }, count = 0 }
expect { task = "decide", assignee = "head" }
send { "conference.scheduled", payload = { at = "2026-04-20T08:00:00Z" }, as = "coordinator" }
expect { refused = true }  -- bez aktérů
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-04-20T08:00:00Z", actors = { { actor = "actor:charita" } } } }
expect { refused = true }  -- bez místa i odkazu
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-04-20T08:00:00Z", online_link = "javascript:alert(1)",
                   actors = { { actor = "actor:charita" } } } }
expect { refused = true }  -- odkaz jen https:// nebo http://
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-04-20T08:00:00Z", online_link = "https://meet.example/x",
                   actors = { { actor = "actor:charita" } } } }
send { "conference.cancelled", as = "coordinator", payload = { reason = "Klientka v nemocnici" } }
expect { workflow = "case_conference", state = "cancelled" }
expect { data = { ["conference.cancelled"] = true, ["conference.sequence"] = 2 } }
expect { notification = { to = "actor:charita", template = "conference_cancelled" }, count = 1 }
send { "conference.requested", as = "coordinator" }
expect { workflow = "case_conference", state = "preparing" }
send { "escalation.raised", payload = { reason = "whatever" }, as = "case_manager" }
expect { refused = true }  -- neznámý důvod
