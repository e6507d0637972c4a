-- A scenario that fails on purpose: six working days are not enough for an escalation.
-- tests/simulate_command_test.cc checks the message, its line and the exit status.
scenario {
  name = "Předčasné očekávání eskalace",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "workflows/plan_review.lua" },
}

case { code = "K-1", workflow = "plan_review" }
advance "6 working days"
expect { state = "escalated" }
expect { state = "waiting" }
