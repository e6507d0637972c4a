-- Case management (koordinovaný přístup): the life of a case after eligibility, up to closure.
-- Starts the long-lived workflows of the case (escalation, individual_plan), starts a case
-- conference when the case manager or the coordinator asks for one, and closes the case:
-- evaluation by the case manager, then by the coordinator, then every workflow of the case is
-- told `case.closed` (emitted), which ends their timers and tasks. A closed case takes only one
-- step: the coordinator reopens it (`case.reopened`), which starts consent and case management
-- again.
--
-- Case data `case_management = { active, mapped, mapping = { needs, wishes, resources, at, by } }`
-- and `closure = { case_manager = { reason, evaluation, at, by }, coordinator = { … },
-- closed_at }`.

local mapping_form = {
  { name = "needs", type = "long_text", label = "Potřeby klienta", required = true },
  { name = "wishes", type = "long_text", label = "Přání klienta" },
  { name = "resources", type = "long_text", label = "Zdroje: rodina, okolí, služby" },
}

-- The evaluation at closure, by the case manager and then by the coordinator.
local evaluation_form = {
  { name = "reason", type = "choice", label = "Důvod ukončení", required = true,
    options = { { value = "goals_met", label = "Cíle individuálního plánu byly naplněny" },
                { value = "client_ended", label = "Klient ukončil spolupráci" },
                { value = "taken_over", label = "Případ převzala jiná služba nebo instituce" },
                { value = "moved", label = "Klient se odstěhoval" },
                { value = "died", label = "Klient zemřel" },
                { value = "unreachable", label = "Klient není dosažitelný" },
                { value = "other", label = "Jiný důvod" } } },
  { name = "evaluation", type = "long_text", label = "Hodnocení průběhu a spolupráce",
    required = true },
}

-- An evaluation as case data: the fields of the form, who gave it and when.
local function evaluation(event)
  return { reason = event.payload.reason, evaluation = event.payload.evaluation, at = event.at,
           by = event.by.actor }
end

return workflow {
  name = "case_management",
  title = "Case management",
  owns = { "case_management", "closure" },
  events = {
    ["conference.requested"] = {
      title = "Požádat o případové setkání", by = { "case_manager", "coordinator" },
    },
    ["closure.requested"] = {
      title = "Navrhnout ukončení případu", by = { "case_manager", "coordinator" },
    },
    -- a closed case takes only this step; no state accepts it while the case is open
    ["case.reopened"] = {
      title = "Znovu otevřít případ", by = { "coordinator" },
      reopens = { "consent", "case_management" },
      form = {
        { name = "reason", type = "long_text", label = "Proč se případ znovu otevírá",
          required = true },
      },
    },
  },
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
               remind = "remind_before before", form = mapping_form },
      },
      on = {
        ["task.mapping.done"] = {
          run = function(case, event)
            local p = event.payload
            return set { ["case_management.mapped"] = true,
                         ["case_management.mapping"] = { needs = p.needs, wishes = p.wishes,
                                                         resources = p.resources, at = event.at,
                                                         by = event.by.actor } }
          end,
        },
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
                     remind = "remind_before before", form = evaluation_form },
      on = {
        ["task.evaluate_cm.done"] = {
          go = "evaluation_coordinator",
          run = function(case, event) return set { ["closure.case_manager"] = evaluation(event) } end,
        },
      },
    },
    evaluation_coordinator = {
      title = "Hodnocení koordinátorem",
      enter = task { key = "evaluate_coordinator", assignee = "coordinator",
                     due = "evaluation_within", title = "Závěrečné hodnocení případu (koordinátor)",
                     remind = "remind_before before", done_by = { "head" }, form = evaluation_form },
      on = {
        ["task.evaluate_coordinator.done"] = {
          go = "closed",
          run = function(case, event)
            return {
              set { ["closure.coordinator"] = evaluation(event), ["closure.closed_at"] = event.at,
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
