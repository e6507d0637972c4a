-- Souhlas se sdílením: udělen zčásti, odvolán pro jednoho aktéra, pak úplně; nouzové sdílení
-- jen s uvedeným důvodem.
scenario {
  name = "Souhlas: odvolání a nouzové sdílení",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/consent.lua" },
}

case { code = "K-2026-0700", workflow = "consent",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak" } } }
send { "consent.revoked", payload = {}, actor = "user:novakova" }
expect { refused = true }  -- není co odvolat
send { "consent.recorded", payload = { status = "maybe" }, actor = "user:novakova" }
expect { refused = true }
send { "consent.recorded", actor = "user:novakova",
       payload = { status = "given_in_part",
                   grants = { { recipient = "actor:charita", purposes = { "conference" } },
                              { recipient = "kind:school" } } } }
expect { data = { ["consent.status"] = "given_in_part" } }
send { "consent.revoked", payload = { recipients = { "kind:school" } }, actor = "user:novakova" }
expect { data = { ["consent.status"] = "given_in_part" } }
expect { notification = { to = "case_manager", template = "consent_revoked" }, count = 1 }
send { "consent.revoked", payload = {}, actor = "user:novakova" }
expect { data = { ["consent.status"] = "revoked" } }
send { "emergency.recorded", payload = { reason = "" }, actor = "user:novakova" }
expect { refused = true }
send { "emergency.recorded", payload = { reason = "Hrozí podchlazení", by = "user:novakova" },
       actor = "user:novakova" }
expect { data = { ["emergency.reason"] = "Hrozí podchlazení", ["emergency.by"] = "user:novakova" } }
send { "case.closed", actor = "system" }
expect { state = "closed" }
