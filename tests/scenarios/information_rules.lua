-- Pravidla sdílení informací (kapitola 5.1 metodiky MPSV): souhlas jmenuje příjemce a účely;
-- odvolání platí pro aktéra, ať souhlas zněl na něj, na jeho druh, nebo na všechny; sociální
-- služby nemají zvláštní důvod mimo souhlas; bez souhlasu jen při ohrožení života nebo zdraví,
-- jen uvedeným aktérům, k uvedeným účelům a po omezenou dobu.
scenario {
  name = "Pravidla sdílení informací",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/information_sharing.lua", "workflows/consent.lua",
                  "tests/data/sharing_probe.lua" },
  actors = { charita = { kind = "social_services", name = "Charita Frýdek-Místek" },
             up = { kind = "labour_office", name = "Úřad práce, kontaktní pracoviště" },
             mudr = { kind = "health", name = "MUDr. Karel Svoboda" } },
}

case { code = "K-2026-0900", workflow = "sharing_probe",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak",
                           head = "user:kralova" } } }
-- bez souhlasu nejde nic
send { "probe.charita_conference" }
expect { notification = { to = "actor:charita", shared = false }, count = 1 }
-- souhlas bez příjemců se nezaznamená: žádný souhlas „všem“ se nedomýšlí
send { "consent.recorded", payload = { status = "given", manner = "written" }, as = "case_manager" }
expect { refused = true }
-- ani příjemce bez účelu
send { "consent.recorded", as = "case_manager",
       payload = { status = "given", manner = "written", kinds = { { kind = "social_services" } } } }
expect { refused = true }
send { "consent.recorded", as = "case_manager",
       payload = { status = "given", manner = "written",
                   kinds = { { kind = "social_services", purposes = { "conference" } } },
                   actors = { { actor = "actor:up", purposes = { "plan" } } } } }
send { "probe.charita_conference" }
expect { notification = { to = "actor:charita", shared = true }, count = 1 }
-- sociální služby dostanou jen to, k čemu je souhlas: jiný účel ne
send { "probe.charita_plan" }
expect { notification = { to = "actor:charita", shared = false }, count = 2 }
-- odvolání pro Charitu platí, i když souhlas zněl na celý druh sociálních služeb
send { "consent.revoked", payload = { actors = { { actor = "actor:charita" } } }, as = "case_manager" }
send { "probe.charita_conference" }
expect { notification = { to = "actor:charita", shared = false }, count = 3 }
-- ostatní souhlasy platí dál
send { "probe.up_plan" }
expect { notification = { to = "actor:up", shared = true }, count = 1 }
-- odvolání pro druh aktérů platí i pro aktéra, kterému byl souhlas dán jménem
send { "consent.revoked", payload = { kinds = { { kind = "labour_office" } } }, as = "case_manager" }
send { "probe.up_plan" }
expect { notification = { to = "actor:up", shared = false }, count = 1 }
-- nový souhlas po odvolání zase platí
advance "1 day"
send { "consent.recorded", as = "case_manager",
       payload = { status = "given", manner = "written",
                   actors = { { actor = "actor:charita", purposes = { "conference" } } } } }
send { "probe.charita_conference" }
expect { notification = { to = "actor:charita", shared = true }, count = 2 }

-- Ohrožení života nebo zdraví: jen uvedení aktéři, uvedené účely, omezená doba; ví o něm vedoucí.
case { code = "K-2026-0901", workflow = "sharing_probe",
       data = { people = { case_manager = "user:novakova", coordinator = "user:dvorak",
                           head = "user:kralova" } } }
send { "emergency.recorded", as = "case_manager",
       payload = { reason = "Klient zkolaboval, hrozí podchlazení." } }
expect { refused = true }  -- komu a proč sdílet, musí být uvedeno
send { "emergency.recorded", as = "case_manager",
       payload = { reason = "Klient zkolaboval, hrozí podchlazení.",
                   actors = { { actor = "actor:mudr" } }, purposes = { "coordination" } } }
expect { notification = { to = "head", template = "emergency_recorded" }, count = 1 }
send { "probe.mudr_coordination" }
expect { notification = { to = "actor:mudr", shared = true }, count = 1 }
send { "probe.mudr_conference" }  -- jiný účel
expect { notification = { to = "actor:mudr", shared = false }, count = 1 }
send { "probe.charita_conference" }  -- jiný aktér
expect { notification = { to = "actor:charita", shared = false }, count = 1 }
advance "3 days"  -- doba platnosti (emergency_valid_for) uplynula
expect { data = { ["emergency.expired"] = true } }
send { "probe.mudr_coordination" }
expect { notification = { to = "actor:mudr", shared = false }, count = 2 }
