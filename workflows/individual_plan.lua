-- Individuální plán (individual plan), for a case in case management.
-- The case manager drafts the plan with the client: goals, steps (each with a responsible actor,
-- a due and a status), sub-plans (e.g. a debt plan with the debt counsellor), risks, and a review
-- date. Each open step is a task `step_<id>` of the case manager; an overdue step raises an
-- escalation and its reminder ladder tells the coordinator again after `step_grace`; tasks agreed
-- at a case conference become steps. The plan
-- is reviewed regularly: reminders before the review, and an overdue review raises an
-- escalation (emitted `escalation.raised`, reason "missed_deadline"); a plan not drafted in time
-- raises one with reason "plan_stalled".
--
-- Case data `plan = { goals = { … }, steps = { { id, title, goal, responsible, due, status } },
-- subplans = { … }, risks = { … }, review_date, reviewed_at }`. A step's `due` is a duration
-- counted from when the step was agreed ("20 working days") or the name of a param.

-- Tasks of the open steps: keys are computed, so a function creates them.
local function step_tasks(steps)
  local effects = {}
  for _, s in ipairs(steps or {}) do
    if s.status ~= "done" and s.due then
      effects[#effects + 1] = task {
        key = "step_" .. s.id, assignee = "case_manager", keep = true, due = s.due,
        title = "Krok plánu: " .. s.title .. " (odpovídá " .. tostring(s.responsible) .. ")",
        remind = { "1 working day before",
                   { after = "step_grace", to = "coordinator", template = "plan_step_overdue" } },
      }
    end
  end
  return effects
end

return workflow {
  name = "individual_plan",
  title = "Individuální plán",
  params = {
    draft_within = "15 working days",  -- the first plan is agreed with the client
    review_every = "60 working days",  -- how often the plan is reviewed
    remind_before = "5 working days",  -- first reminder before the review
    step_grace = "2 working days",     -- an overdue step reaches the coordinator after this
  },
  templates = {
    task_reminder = { title = "Připomenutí úkolu", body = "Úkol {task} u případu {case} má termín {due}." },
    plan_step_overdue = {
      title = "Krok individuálního plánu je po termínu", urgent = true,
      body = "Krok {task} individuálního plánu u případu {case} nebyl splněn do {due}. Odkaz: {link}",
    },
    plan_review_overdue = {
      title = "Přehodnocení plánu je po termínu", urgent = true,
      body = "Přehodnocení individuálního plánu u případu {case} nebylo provedeno do {due}. Odkaz: {link}",
    },
  },
  initial = "drafting",
  states = {
    drafting = {
      title = "Sestavení plánu",
      enter = task { key = "draft", assignee = "case_manager", due = "draft_within",
                     title = "Sestavit individuální plán s klientem",
                     remind = "remind_before before" },
      on = {
        -- payload { goals, steps, subplans, risks, review_date }
        ["plan.agreed"] = {
          go = "active",
          when = function(case, event) return event.payload.goals ~= nil end,
          run = function(case, event)
            local p = event.payload
            local steps = (case.data.plan or {}).steps or {}
            for _, s in ipairs(p.steps or {}) do
              s.status = s.status or "open"
              steps[#steps + 1] = s
            end
            local effects = { set { plan = { goals = p.goals, steps = steps, subplans = p.subplans,
                                             risks = p.risks, review_date = p.review_date,
                                             agreed_at = event.at } } }
            for _, t in ipairs(step_tasks(steps)) do effects[#effects + 1] = t end
            return effects
          end,
        },
        ["task.draft.overdue"] = {
          run = emit { event = "escalation.raised",
                       payload = { reason = "plan_stalled",
                                   note = "Individuální plán nebyl sestaven v termínu" } },
        },
        -- agreed before the plan: steps now, tasks when the plan is agreed
        ["conference.agreed"] = {
          run = function(case, event)
            local steps = (case.data.plan or {}).steps or {}
            for _, t in ipairs(event.payload.tasks or {}) do
              steps[#steps + 1] = { id = "c" .. (#steps + 1), title = t.title, goal = t.goal,
                                    responsible = t.responsible, due = t.due, status = "open",
                                    source = "conference" }
            end
            return set { ["plan.steps"] = steps }
          end,
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    active = {
      title = "Plán se plní",
      enter = task { key = "review", assignee = "case_manager", keep = true,
                     title = "Přehodnotit individuální plán", due = "review_every",
                     remind = { "remind_before before", "1 working day before", "on the day" } },
      on = {
        -- payload { id }
        ["plan.step_done"] = {
          run = function(case, event)
            local steps = case.data.plan.steps or {}
            for _, s in ipairs(steps) do
              if s.id == event.payload.id then s.status = "done"; s.done_at = event.at end
            end
            return { set { ["plan.steps"] = steps }, cancel { task = "step_" .. event.payload.id } }
          end,
        },
        -- tasks agreed at a case conference become steps: { { title, responsible, due, goal } }
        ["conference.agreed"] = {
          run = function(case, event)
            local steps = case.data.plan.steps or {}
            local added = {}
            for i, t in ipairs(event.payload.tasks or {}) do
              local s = { id = "c" .. (#steps + 1), title = t.title, goal = t.goal,
                          responsible = t.responsible, due = t.due, status = "open",
                          source = "conference" }
              steps[#steps + 1] = s
              added[#added + 1] = s
            end
            local effects = { set { ["plan.steps"] = steps } }
            for _, t in ipairs(step_tasks(added)) do effects[#effects + 1] = t end
            return effects
          end,
        },
        -- the review: payload may change goals, risks, subplans and the review date
        ["task.review.done"] = {
          go = "active",
          run = function(case, event)
            local p = event.payload or {}
            return set { ["plan.reviewed_at"] = event.at,
                         ["plan.goals"] = p.goals or case.data.plan.goals,
                         ["plan.risks"] = p.risks or case.data.plan.risks,
                         ["plan.subplans"] = p.subplans or case.data.plan.subplans,
                         ["plan.review_date"] = p.review_date }
          end,
        },
        -- a step not done by its due raises an escalation (one already open takes it in)
        ["task.step_*.overdue"] = {
          run = function(case, event)
            local id = string.sub(event.type, #"task.step_" + 1, -#".overdue" - 1)
            local title = id
            for _, s in ipairs(case.data.plan.steps or {}) do
              if tostring(s.id) == id then title = s.title end
            end
            return emit { event = "escalation.raised",
                          payload = { reason = "missed_deadline",
                                      note = "Krok individuálního plánu je po termínu: " .. title } }
          end,
        },
        ["task.review.overdue"] = {
          run = {
            notify { to = "coordinator", template = "plan_review_overdue" },
            emit { event = "escalation.raised",
                   payload = { reason = "missed_deadline",
                               note = "Přehodnocení individuálního plánu je po termínu" } },
          },
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
