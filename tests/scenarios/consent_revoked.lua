-- Souhlas se sdílením: udělen zčásti, odvolán pro jednoho aktéra, pak úplně; sdílení při
-- ohrožení života nebo zdraví jen s uvedeným důvodem, aktéry a účely, a vedoucí se to dozví.
scenario {
  name = "Souhlas: odvolání a nouzové sdílení",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/consent.lua" },
}

case { code = "K-2026-0700", workflow = "consent",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak" } } }
send { "consent.revoked", payload = {}, as = "case_manager" }
expect { refused = true }  -- není co odvolat
send { "consent.recorded", payload = { status = "maybe", manner = "oral" }, as = "case_manager" }
expect { refused = true }
send { "consent.recorded", as = "case_manager",
       payload = { status = "given_in_part", manner = "written",
                   actors = { { actor = "actor:charita", purposes = { "conference" } } },
                   kinds = { { kind = "school", purposes = { "coordination" } } } } }
expect { data = { ["consent.status"] = "given_in_part", ["consent.manner"] = "written",
                  ["consent.recorded_by"] = "user:novakova" } }
send { "consent.revoked", payload = { kinds = { { kind = "school" } } }, as = "case_manager" }
expect { data = { ["consent.status"] = "given_in_part" } }
expect { notification = { to = "case_manager", template = "consent_revoked" }, count = 1 }
-- zpráva dřív jmenovala v závorce čtenáře, ne toho, komu byl souhlas odvolán
expect { notification = { to = "case_manager", template = "consent_revoked",
                          text = "odvolal souhlas se sdílením informací; komu už informace" } }
send { "consent.revoked", payload = {}, as = "coordinator" }
expect { data = { ["consent.status"] = "revoked" } }
send { "emergency.recorded", payload = { reason = "" }, as = "case_manager" }
expect { refused = true }
-- kdo ohrožení zaznamenal, určuje server, ne formulář
send { "emergency.recorded", as = "case_manager",
       payload = { reason = "Hrozí podchlazení", by = "user:dvorak",
                   actors = { { actor = "actor:charita" } }, purposes = { "coordination" } } }
expect { refused = true }
send { "emergency.recorded", as = "case_manager",
       payload = { reason = "Hrozí podchlazení", actors = { { actor = "actor:charita" } },
                   purposes = { "coordination" } } }
expect { data = { ["emergency.reason"] = "Hrozí podchlazení", ["emergency.by"] = "user:novakova",
                  ["emergency.recipients.1"] = "actor:charita" } }
expect { notification = { to = "head", template = "emergency_recorded" }, count = 1 }
send { "case.closed" }
expect { state = "closed" }
