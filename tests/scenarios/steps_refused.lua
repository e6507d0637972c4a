-- Kdo smí udělat který krok a s jakými údaji: krok jiné role, cizí úkol, pole, které formulář
-- nezná (souhlas podstrčený v dotazníku potřeb), a podvržené „kdo“ v datech kroku. Každý takový
-- krok se odmítne a nic nezmění; kdo krok udělal, určuje server (event.by), ne data.
scenario {
  name = "Odmítnuté kroky",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/cm_eligibility.lua", "workflows/consent.lua", "workflows/intake.lua",
                  "workflows/case_management.lua", "workflows/escalation.lua",
                  "workflows/individual_plan.lua", "workflows/case_conference.lua" },
}

case { code = "K-2026-0800", workflow = "intake", as = "case_manager",
       data = { referral = { source = "police", urgent = false },
                people = { coordinator = "user:dvorak", head = "user:kralova" } } }
-- sociálního pracovníka přiděluje vedoucí odboru
send { "intake.assigned", payload = { social_worker = "user:maly" }, as = "social_worker" }
expect { refused = true }
send { "intake.assigned", payload = { social_worker = "user:maly" }, as = "head" }
-- první kontakt: formulář chce i formu kontaktu
send { "task.first_contact.done", payload = { contacted_at = "2026-04-02T12:00:00+02:00" },
       as = "social_worker" }
expect { refused = true }
send { "task.first_contact.done", payload = { contacted_at = "2026-04-02T12:00:00+02:00",
                                              how = "phone" }, as = "social_worker" }
send { "consent.recorded", payload = { status = "refused", manner = "oral" }, as = "social_worker" }
-- souhlas patří jen do kroku souhlasu: v dotazníku potřeb je to pole, které formulář nezná
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "debts", "housing", "health" }, expected_months = 12,
                   actors_needed = 3, support = "weak", can_solve_alone = false,
                   worsening = true, motivated = true, consent = { status = "given" } } }
expect { refused = true }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "debts", "housing", "health" }, consent_sharing = true } }
expect { refused = true }
expect { data = { ["consent.status"] = "refused" } }
send { "needs.recorded", as = "social_worker",
       payload = { problem_areas = { "debts", "housing", "health" }, expected_months = 12,
                   actors_needed = 3, support = "weak", can_solve_alone = false,
                   worsening = true, motivated = true } }
-- úkol bez formuláře se dokončuje bez údajů
send { "task.inquiry.done", payload = { note = "hotovo" }, as = "social_worker" }
expect { refused = true }
send { "consent.recorded", as = "social_worker",
       payload = { status = "given", manner = "written",
                   kinds = { { kind = "social_services", purposes = { "conference", "plan" } } } } }
send { "task.inquiry.done", as = "social_worker" }
expect { decision = { rules = "cm_eligibility", eligible = true } }
-- vhodnost potvrzuje koordinátor, ne sociální pracovník ani case manager
send { "eligibility.confirmed", payload = { case_manager = "user:maly" }, as = "social_worker" }
expect { refused = true }
send { "eligibility.confirmed", payload = { case_manager = "user:maly" }, as = "case_manager" }
expect { refused = true }
expect { workflow = "intake", state = "assessing" }
send { "eligibility.confirmed", payload = { case_manager = "user:maly" }, as = "coordinator" }
expect { workflow = "case_management", state = "active" }
-- koho případ jmenuje v roli, jen ten ji v případu drží
send { "escalation.raised", payload = { reason = "cannot_solve_alone" },
       actor = "user:benes", roles = { "case_manager" } }
expect { refused = true }
-- „kdo“ v datech kroku je pole navíc; kdo eskaloval, ví server
send { "escalation.raised", as = "case_manager",
       payload = { reason = "cannot_solve_alone", note = "Dluhy", by = "user:dvorak" } }
expect { refused = true }
send { "escalation.raised", as = "case_manager", payload = { reason = "cannot_solve_alone" } }
expect { data = { ["escalation.raised_by"] = "user:maly" } }
-- ukončení případu ohlašuje case management sám; člověk ho poslat nemůže
send { "case.closed", as = "coordinator" }
expect { refused = true }
send { "closure.requested", as = "case_manager" }
send { "task.evaluate_cm.done", as = "case_manager",
       payload = { reason = "client_ended", evaluation = "Klient se odstěhoval k dceři" } }
-- hodnocení koordinátora: case manager ho dokončit nesmí, vedoucí odboru ano (done_by)
send { "task.evaluate_coordinator.done", as = "case_manager",
       payload = { reason = "client_ended", evaluation = "Za koordinátora" } }
expect { refused = true }
expect { workflow = "case_management", state = "evaluation_coordinator" }
send { "task.evaluate_coordinator.done", as = "head",
       payload = { reason = "client_ended", evaluation = "Koordinátor je dlouhodobě nemocný" } }
expect { workflow = "case_management", state = "closed" }
expect { data = { ["closure.coordinator.by"] = "user:kralova" } }
