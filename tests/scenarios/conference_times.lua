-- Případové setkání: čas schůzky v pozvánce a připomínce. Čas zadaný s posunem (+01:00 v zimě,
-- i se zlomky sekund) je v datech případu v UTC o hodinu dřív, ne stejně;
-- připomínka den předem říká kdy a kde; setkání svolané znovu po zrušení je nová schůzka
-- (nové UID a pořadí od 1). Bez souhlasu klienta zprávy Charitě neodejdou; text se čte i tak.
scenario {
  name = "Případové setkání: časy, připomínka a nové svolání",
  tenant = "demo",
  start = "2026-12-01T09:00:00+01:00",
  definitions = { "rules/information_sharing.lua", "workflows/case_management.lua",
                  "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
  actors = { charita = { kind = "social_services", name = "Charita Frýdek-Místek" } },
}

case { code = "K-2026-0610", workflow = "case_management",
       data = { people = { case_manager = "user:novakova", coordinator = "user:svoboda" } } }
send { "conference.requested", as = "case_manager" }
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-12-10T10:00:00.000+01:00", place = "Zasedačka, Radnice 1",
                   actors = { { actor = "actor:charita" } } } }
expect { data = { ["conference.at"] = "2026-12-10T09:00:00Z", ["conference.sequence"] = 1 } }
expect { notification = { to = "actor:charita", template = "conference_invitation",
                          text = "dne čt 10. 12. 2026 10:00, místo: Zasedačka, Radnice 1" } }
send { "conference.reply", as = "coordinator",
       payload = { actor = "actor:charita", reply = "accepts" } }
send { "conference.moved", as = "coordinator", payload = { at = "2026-12-10T11:30:00+01:00" } }
expect { data = { ["conference.at"] = "2026-12-10T10:30:00Z", ["conference.sequence"] = 2 } }
advance "200 hours"
expect { notification = { to = "actor:charita", template = "conference_reminder",
                          text = "dne čt 10. 12. 2026 11:30, místo: Zasedačka, Radnice 1." } }
send { "conference.cancelled", as = "coordinator", payload = { reason = "Klient v nemocnici" } }
expect { data = { ["conference.cancelled"] = true, ["conference.sequence"] = 3 } }
send { "conference.requested", as = "coordinator" }
send { "conference.scheduled", as = "coordinator",
       payload = { at = "2026-12-17T10:00:00+01:00", place = "Zasedačka, Radnice 1",
                   actors = { { actor = "actor:charita" } } } }
expect { data = { ["conference.at"] = "2026-12-17T09:00:00Z", ["conference.sequence"] = 1,
                  ["conference.uid"] = "K-2026-0610-2026-12-09T16:00:00.000Z" } }
