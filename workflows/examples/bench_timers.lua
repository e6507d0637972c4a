-- The workflow `souhra bench timers` fires timers into: each firing is an accepted event that
-- records what woke the case, as a reminder or escalation handler would. The bench writes the
-- timers `burst` and `tick` straight into the store with the due times it measures; `arm` is how
-- the workflow itself would set them.
return workflow {
  name = "bench_timers", owns = { "woken" },
  title = "Měření výkonu: časovače",
  owns = { "woken" },
  initial = "waiting",
  states = {
    waiting = {
      on = {
        ["arm"] = { run = { timer { key = "burst", after = "1 hour" },
                            timer { key = "tick", after = "1 hour" } } },
        ["timer.burst"] = { run = set { woken = "burst" } },
        ["timer.tick"] = { run = set { woken = "tick" } },
        ["closed"] = { go = "done" },
      },
    },
    done = { final = true },
  },
}
