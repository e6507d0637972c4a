-- Case management (koordinovaný přístup): the life of a case after eligibility, up to closure.
-- Starts the long-lived workflows of the case (escalation, individual_plan), starts a case
-- conference when the case manager or the coordinator asks for one, and closes the case:
-- evaluation by the case manager, then by the coordinator, then every workflow of the case is
-- told `case.closed` (emitted), which ends their timers and tasks.
return workflow {
  name = "case_management",
  title = "Case management",
  params = {
    mapping_within = "10 working days",     -- detailed mapping of needs, wishes and resources
    evaluation_within = "10 working days",  -- each evaluation at closure
    remind_before = "2 working days",
  },
  templates = {
    task_reminder = { title = "Připomenutí úkolu", body = "Úkol {task} u případu {case} má termín {due}." },
    conference_requested = {
      title = "Žádost o případové setkání",
      body = "U případu {case} je požadováno případové setkání. Odkaz: {link}",
    },
    case_closed = { title = "Případ ukončen", body = "Případ {case} byl ukončen. Odkaz: {link}" },
  },
  initial = "active",
  states = {
    active = {
      title = "Probíhá case management",
      enter = {
        set { ["case_management.active"] = true },
        start { workflow = "escalation" },
        start { workflow = "individual_plan" },
        task { key = "mapping", assignee = "case_manager", due = "mapping_within",
               title = "Podrobně zmapovat potřeby, přání a zdroje klienta",
               remind = "remind_before before" },
      },
      on = {
        ["task.mapping.done"] = { run = set { ["case_management.mapped"] = true } },
        -- by the case manager, the coordinator, or emitted by an escalation's resolution
        ["conference.requested"] = {
          {
            when = function(case, event) return not (case.data.conference or {}).open end,
            run = {
              notify { to = "coordinator", template = "conference_requested" },
              start { workflow = "case_conference" },
            },
          },
          { run = function() return nil end },  -- one is already being prepared
        },
        ["closure.requested"] = { go = "evaluation_case_manager" },
      },
    },
    evaluation_case_manager = {
      title = "Hodnocení case managerem",
      enter = task { key = "evaluate_cm", assignee = "case_manager", due = "evaluation_within",
                     title = "Závěrečné hodnocení případu (case manager)",
                     remind = "remind_before before" },
      on = {
        ["task.evaluate_cm.done"] = {
          go = "evaluation_coordinator",
          run = function(case, event) return set { ["closure.case_manager"] = event.payload } end,
        },
      },
    },
    evaluation_coordinator = {
      title = "Hodnocení koordinátorem",
      enter = task { key = "evaluate_coordinator", assignee = "coordinator",
                     due = "evaluation_within", title = "Závěrečné hodnocení případu (koordinátor)",
                     remind = "remind_before before" },
      on = {
        ["task.evaluate_coordinator.done"] = {
          go = "closed",
          run = function(case, event)
            return {
              set { ["closure.coordinator"] = event.payload, ["closure.closed_at"] = event.at,
                    ["case_management.active"] = false },
              notify { to = { "case_manager", "coordinator" }, template = "case_closed" },
              emit { event = "case.closed" },
            }
          end,
        },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
