-- Individuální plán (individual plan), for a case in case management.
-- The case manager drafts the plan with the client: goals, steps (each with a responsible actor,
-- a due date and a status), sub-plans (e.g. a debt plan with the debt counsellor), risks, and a
-- review date. Each open step with a due date is a task `step_<id>` of the case manager; an
-- overdue step raises an escalation and its reminder ladder tells the coordinator again after
-- `step_grace`; tasks agreed at a case conference become steps. The plan is reviewed on its
-- review date (or, without one, after `review_every`): reminders before the review, and an
-- overdue review raises an escalation (emitted `escalation.raised`, reason "missed_deadline"); a
-- plan not drafted in time raises one with reason "plan_stalled".
--
-- Case data `plan = { goals = { { title } }, steps = { { id, title, goal, responsible, due,
-- status, done_at, source } }, subplans = { { title, responsible } }, risks = { { risk,
-- mitigation } }, review_date, agreed_at, reviewed_at, review_result, review_note }`. Dates are
-- "YYYY-MM-DD". Steps are numbered in the order they are added, "1", "2", …; a conference's with
-- a "c" ("c3").

-- Days since 1 January 1970 of a date "YYYY-MM-DD" (or of the date part of an ISO time).
local function day_of(date)
  local y, m, d = tonumber(string.sub(date, 1, 4)), tonumber(string.sub(date, 6, 7)),
                  tonumber(string.sub(date, 9, 10))
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m > 2 and m - 3 or m + 9) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end

-- The day in Prague of an ISO time in UTC ("2026-04-02T08:00:00.000Z"): summer time (UTC+2) runs
-- from 1:00 UTC on the last Sunday of March to 1:00 UTC on the last Sunday of October.
local function prague_day(at)
  local hours = day_of(at) * 24 + tonumber(string.sub(at, 12, 13))  -- since 1970, in UTC
  local function last_sunday(month_end)
    local n = day_of(string.sub(at, 1, 4) .. month_end)
    return (n - (n + 4) % 7) * 24 + 1  -- 1 January 1970 was a Thursday
  end
  local summer = hours >= last_sunday("-03-31") and hours < last_sunday("-10-31")
  return (hours + (summer and 2 or 1)) // 24
end

-- A due date as a task's `due` takes it: the calendar days from today to `date`, due at this
-- time of day. Nil when there is no date or it is not after today: then nothing is due.
local function due_on(date, at)
  if type(date) ~= "string" then return nil end
  local days = day_of(date) - prague_day(at)
  if days < 1 then return nil end
  return days .. " days"
end

-- Tasks of the open steps with a due date: keys are computed, so a function creates them.
local function step_tasks(steps, at)
  local effects = {}
  for _, s in ipairs(steps or {}) do
    local due = due_on(s.due, at)
    if s.status ~= "done" and due then
      effects[#effects + 1] = task {
        key = "step_" .. s.id, assignee = "case_manager", keep = true, due = due,
        title = "Krok plánu: " .. s.title .. " (odpovídá " .. (s.responsible or "case manager") .. ")",
        remind = { "1 working day before",
                   { after = "step_grace", to = "coordinator", template = "plan_step_overdue" } },
      }
    end
  end
  return effects
end

-- Steps as case data, numbered after `steps` (prefix "c" for a conference's tasks).
local function add_steps(steps, rows, prefix, source)
  local added = {}
  for _, r in ipairs(rows or {}) do
    local s = { id = prefix .. (#steps + 1), title = r.title, goal = r.goal,
                responsible = r.responsible, due = r.due, status = "open", source = source }
    steps[#steps + 1] = s
    added[#added + 1] = s
  end
  return added
end

-- Copies of `rows` with only the fields named, whatever else came.
local function only(rows, names)
  if rows == nil then return nil end
  local copies = {}
  for _, row in ipairs(rows) do
    local copy = {}
    for _, name in ipairs(names) do copy[name] = row[name] end
    copies[#copies + 1] = copy
  end
  return copies
end

local goal_fields = { { name = "title", type = "text", label = "Cíl", required = true } }
local subplans = {
  name = "subplans", type = "rows", label = "Dílčí plány",
  help = "Např. splátkový kalendář s dluhovou poradnou.",
  fields = { { name = "title", type = "text", label = "Dílčí plán", required = true },
             { name = "responsible", type = "actor", label = "S kým" } },
}
local risks = {
  name = "risks", type = "rows", label = "Rizika",
  fields = { { name = "risk", type = "text", label = "Riziko", required = true },
             { name = "mitigation", type = "text", label = "Jak mu předejít" } },
}
local review_date = {
  name = "review_date", type = "date", label = "Termín přehodnocení",
  help = "Nevyplníte-li, plán se přehodnotí ve lhůtě, kterou stanovila obec.",
}

local plan_form = {
  { name = "goals", type = "rows", label = "Cíle", required = true, min_rows = 1,
    fields = goal_fields },
  { name = "steps", type = "rows", label = "Kroky",
    fields = { { name = "title", type = "text", label = "Krok", required = true },
               { name = "goal", type = "text", label = "K cíli" },
               { name = "responsible", type = "actor", label = "Kdo odpovídá",
                 help = "Nevyplníte-li, odpovídá case manager." },
               { name = "due", type = "date", label = "Termín" } } },
  subplans,
  risks,
  review_date,
}

local review_form = {
  { name = "result", type = "choice", label = "Výsledek přehodnocení", required = true,
    options = { { value = "unchanged", label = "Plán platí beze změny" },
                { value = "changed", label = "Plán je upraven" },
                { value = "goals_met", label = "Cíle jsou naplněny" } } },
  review_date,
  { name = "note", type = "long_text", label = "Poznámka" },
  { name = "goals", type = "rows", label = "Nové cíle", help = "Jen když se cíle mění.",
    fields = goal_fields },
  subplans,
  risks,
}

-- The review of the plan, due after `due` (a duration or a param).
local function review_task(due)
  return task { key = "review", assignee = "case_manager", keep = true,
                title = "Přehodnotit individuální plán", due = due,
                remind = { "remind_before before", "1 working day before", "on the day" },
                form = review_form }
end

return workflow {
  name = "individual_plan",
  title = "Individuální plán",
  owns = { "plan" },
  events = {
    ["plan.agreed"] = {
      title = "Zapsat individuální plán dohodnutý s klientem", by = { "case_manager" },
      form = plan_form,
    },
    ["plan.step_done"] = {
      title = "Označit krok plánu za splněný", by = { "case_manager" },
      form = { { name = "id", type = "text", label = "Číslo kroku", required = true, max_length = 20 } },
    },
  },
  params = {
    draft_within = "15 working days",  -- the first plan is agreed with the client
    review_every = "60 working days",  -- how often the plan is reviewed, when it names no date
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
                     remind = "remind_before before", step = "plan.agreed" },
      on = {
        ["plan.agreed"] = {
          go = "active",
          run = function(case, event)
            local p = event.payload
            local steps = (case.data.plan or {}).steps or {}
            add_steps(steps, p.steps, "", "plan")
            local effects = {
              set { plan = { goals = only(p.goals, { "title" }), steps = steps,
                             subplans = only(p.subplans, { "title", "responsible" }),
                             risks = only(p.risks, { "risk", "mitigation" }),
                             review_date = p.review_date, agreed_at = event.at } },
            }
            for _, t in ipairs(step_tasks(steps, event.at)) do effects[#effects + 1] = t end
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
            add_steps(steps, event.payload.tasks, "c", "conference")
            return set { ["plan.steps"] = steps }
          end,
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    active = {
      title = "Plán se plní",
      enter = {
        review_task("review_every"),
        -- a plan with a review date: the same task, due on that date, replaces it
        function(case, event)
          local due = due_on(case.data.plan.review_date, event.at)
          if due == nil then return nil end
          return review_task(due)
        end,
      },
      on = {
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
            local added = add_steps(steps, event.payload.tasks, "c", "conference")
            local effects = { set { ["plan.steps"] = steps } }
            for _, t in ipairs(step_tasks(added, event.at)) do effects[#effects + 1] = t end
            return effects
          end,
        },
        -- the review: its result, the next review date (none: after review_every), and the
        -- goals, sub-plans and risks when they change
        ["task.review.done"] = {
          go = "active",
          run = function(case, event)
            local p = event.payload
            local plan = case.data.plan
            plan.reviewed_at = event.at
            plan.review_result = p.result
            plan.review_note = p.note
            plan.review_date = p.review_date
            plan.goals = only(p.goals, { "title" }) or plan.goals
            plan.subplans = only(p.subplans, { "title", "responsible" }) or plan.subplans
            plan.risks = only(p.risks, { "risk", "mitigation" }) or plan.risks
            return set { plan = plan }
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
