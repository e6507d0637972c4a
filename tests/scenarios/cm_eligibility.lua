-- Posouzení vhodnosti pro case management (rules/cm_eligibility.lua) na dvou klientech:
-- jeden splňuje kritéria, druhému chybí informovaný souhlas, který je povinný.
scenario {
  name = "Vhodnost pro case management",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "rules/cm_eligibility.lua", "tests/data/eligibility_screening.lua" },
}

case {
  code = "K-2026-0010", workflow = "eligibility_screening",
  data = { problem_areas = { "housing", "debts", "health" }, expected_months = 12,
           actors_needed = 3, support = "weak", can_solve_alone = false, worsening = true,
           motivated = true, consent_sharing = true, age = 40 },
}
expect { decision = { rules = "cm_eligibility", eligible = true, score = 8 } }
send { "screening.confirmed", as = "coordinator" }
expect { state = "accepted" }
expect { notification = { to = "coordinator", template = "cm_accepted" } }

case {
  code = "K-2026-0011", workflow = "eligibility_screening",
  data = { problem_areas = { "housing", "debts", "health" }, expected_months = 12,
           actors_needed = 3, support = "weak", can_solve_alone = false, worsening = true,
           motivated = true, consent_sharing = false, age = 40 },
}
expect { decision = { rules = "cm_eligibility", eligible = false } }
expect { data = { ["eligibility.eligible"] = false } }
send { "screening.confirmed", as = "coordinator" }
expect { state = "declined" }
expect { notification = { to = "coordinator" }, count = 0 }
