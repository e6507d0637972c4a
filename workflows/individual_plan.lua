-- Individuální plán, pro případ v case managementu.
-- Case manager sestaví plán s klientem: cíle, kroky (každý s tím, kdo za něj odpovídá, termínem
-- a stavem), dílčí plány (např. splátkový kalendář s dluhovou poradnou), rizika a termín
-- přehodnocení. Každý nesplněný krok s termínem je úkol `step_<id>` case managera; krok po
-- termínu je v plánu vidět jako po termínu, vyvolá eskalaci a po `step_grace` se o něm znovu
-- dozví koordinátor. Aktér, který za krok odpovídá, dostane zprávu hned a připomínku den před
-- termínem. Úkoly dohodnuté na případovém setkání se stávají kroky hned, i když plán ještě není
-- sepsán.
--
-- Přehodnocení řídí termín dohodnutý s klientem: úkol `review` má termín v ten den a po termínu
-- vyvolá eskalaci (důvod "missed_deadline"). Lhůta obce `review_every` je výchozí (není-li termín
-- dohodnut) a zároveň nejzazší: pozdější dohodnutý termín se zkrátí na ni, aby se plán dal
-- zapsat bez nové schůzky s klientem, a plán to řekne českou větou (`review_date_note`, na
-- stránce případu). Přehodnocení bez nového termínu plán neruší: další je za `review_every`
-- od přehodnocení. Plán, který nevznikne včas, vyvolá eskalaci s důvodem "plan_stalled".
--
-- Data případu `plan = { goals = { { title } }, steps = { { id, title, goal, responsible, due,
-- status, done_at, source } }, subplans = { { title, responsible } }, risks = { { risk,
-- mitigation } }, review_date, review_date_agreed, review_date_note, agreed_at, reviewed_at,
-- review_result, review_note }`. Data jsou dny "YYYY-MM-DD": `review_date` je den, kdy je
-- přehodnocení opravdu na řadě, `review_date_agreed` den dohodnutý s klientem. Kroky se číslují
-- v pořadí, jak přibývají, "1", "2", …; kroky ze setkání s "c" ("c3").

-- Úkoly nesplněných kroků, jejichž termín je po dnešku (krok s dnešním nebo minulým termínem
-- úkol nedostane). Klíče úkolů se počítají, proto je vytváří funkce. Aktér, který za krok
-- odpovídá, se o něm dozví hned a den před termínem dostane připomínku: zpráva nese jen kód
-- klienta a krok s termínem a odejde, jen když to dovolí pravidla o sdílení informací (účel
-- "plan").
local function step_tasks(steps, case)
  local effects = {}
  for _, s in ipairs(steps or {}) do
    if s.status ~= "done" and type(s.due) == "string" and s.due > case.today then
      local key = "step_" .. s.id
      local remind = { "1 working day before",
                       { after = "step_grace", to = "coordinator", template = "plan_step_overdue" } }
      local actor = type(s.responsible) == "string" and string.sub(s.responsible, 1, 6) == "actor:"
      if actor then
        remind[#remind + 1] = { before = "1 working day", to = s.responsible, purpose = "plan",
                                template = "plan_step_actor_reminder" }
      end
      effects[#effects + 1] = task {
        key = key, assignee = "case_manager", keep = true, due = s.due, remind = remind,
        title = s.title .. " (krok plánu do " .. time.czech_date(s.due) .. ")",
      }
      if actor then
        effects[#effects + 1] = notify { to = s.responsible, template = "plan_step_assigned",
                                         purpose = "plan", task = key }
      end
    end
  end
  return effects
end

-- Kroky jako data případu, číslované za `steps` (ze setkání s předponou "c").
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

-- Kopie řádků `rows` jen s vyjmenovanými poli, ať přišlo cokoli dalšího.
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

-- Kdy je přehodnocení na řadě: den dohodnutý s klientem, nejpozději však ve lhůtě obce
-- (`review_every` ode dneška); bez dohodnutého dne, nebo s dnem, který už nastal, ve lhůtě obce.
-- Vrací den a českou větu, když se dohodnutý den nepoužil.
local function review_on(case, agreed)
  local latest = case.dates.review_every
  if agreed == nil then return latest, nil end
  if agreed <= case.today then
    return latest, "Dohodnutý termín přehodnocení " .. time.czech_date(agreed)
                   .. " už nastal; plán se přehodnotí ve lhůtě obce, do "
                   .. time.czech_date(latest) .. "."
  end
  if agreed > latest then
    return latest, "Dohodnutý termín přehodnocení " .. time.czech_date(agreed)
                   .. " je pozdější, než obec připouští; plán se přehodnotí nejpozději "
                   .. time.czech_date(latest) .. "."
  end
  return agreed, nil
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
  name = "review_date", type = "date", label = "Termín přehodnocení dohodnutý s klientem",
  help = "Nevyplníte-li, plán se přehodnotí ve lhůtě, kterou stanovila obec; pozdější termín, "
         .. "než obec připouští, se na tuto lhůtu zkrátí.",
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

-- Plán s termínem přehodnocení: `review_date` je den, kdy je přehodnocení na řadě (úkol
-- `review` stavu active má termín v ten den), `review_date_agreed` den dohodnutý s klientem a
-- `review_date_note` věta, proč platí jiný den, než byl dohodnut.
local function with_review(case, plan, agreed)
  plan.review_date, plan.review_date_note = review_on(case, agreed)
  plan.review_date_agreed = agreed
  return set { plan = plan }
end

-- Efekty za sebou v jednom seznamu.
local function joined(...)
  local all = {}
  for _, list in ipairs({ ... }) do
    for _, e in ipairs(list) do all[#all + 1] = e end
  end
  return all
end

-- Krok po termínu: v plánu je vidět jako po termínu a vyvolá eskalaci (už otevřená ji převezme).
local function step_overdue(case, event)
  local id = string.sub(event.type, #"task.step_" + 1, -#".overdue" - 1)
  local title = id
  local steps = (case.data.plan or {}).steps or {}
  for _, s in ipairs(steps) do
    if tostring(s.id) == id then title = s.title; s.status = "overdue" end
  end
  return {
    set { ["plan.steps"] = steps },
    emit { event = "escalation.raised",
           payload = { reason = "missed_deadline",
                       note = "Krok individuálního plánu je po termínu: " .. title } },
  }
end

-- Krok splněn: zapíše se a jeho úkol končí.
local function step_done(case, event)
  local steps = (case.data.plan or {}).steps or {}
  for _, s in ipairs(steps) do
    if s.id == event.payload.id then s.status = "done"; s.done_at = event.at end
  end
  return { set { ["plan.steps"] = steps }, cancel { task = "step_" .. event.payload.id } }
end

-- Úkoly dohodnuté na setkání se stávají kroky a dostanou úkol hned, v kterékoli fázi plánu:
-- jejich termín počítá setkání, ne sepsání plánu. { { title, responsible, due, goal } }
local function conference_steps(case, event)
  local steps = (case.data.plan or {}).steps or {}
  local added = add_steps(steps, event.payload.tasks, "c", "conference")
  return joined({ set { ["plan.steps"] = steps } }, step_tasks(added, case))
end

return workflow {
  name = "individual_plan",
  title = "Individuální plán",
  owns = { "plan" },
  -- aktérům odpovědným za kroky plánu jde zpráva z funkce: řečeno tady, aby každou verzi schválil
  -- vedoucí odboru
  notifies_actors = true,
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
    draft_within = "15 working days",  -- první plán je s klientem sestaven do
    review_every = "60 working days",  -- výchozí i nejzazší lhůta přehodnocení
    remind_before = "5 working days",  -- první připomínka před přehodnocením
    step_grace = "2 working days",     -- krok po termínu jde po této lhůtě koordinátorovi
  },
  templates = {
    task_reminder = { title = "Připomenutí úkolu", body = "Úkol {task} u případu {case} má termín {due}." },
    plan_step_overdue = {
      title = "Krok individuálního plánu je po termínu", urgent = true,
      body = "Krok individuálního plánu „{task}“ u případu {case} nebyl splněn do {due}. Odkaz: {link}",
    },
    -- aktérovi, který za krok odpovídá: jen kód klienta a krok s termínem
    plan_step_assigned = {
      title = "Úkol z individuálního plánu",
      body = "V individuálním plánu klienta {case} odpovídáte za úkol „{task}“. Den před "
             .. "termínem vám ho připomeneme.",
    },
    plan_step_actor_reminder = {
      title = "Připomenutí úkolu z individuálního plánu",
      body = "Připomínáme úkol „{task}“ z individuálního plánu klienta {case}, termín je {due}.",
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
        -- plán: cíle, kroky, dílčí plány, rizika a termín přehodnocení (plan_form)
        ["plan.agreed"] = {
          go = "active",
          run = function(case, event)
            local p = event.payload
            local steps = (case.data.plan or {}).steps or {}
            local added = add_steps(steps, p.steps, "", "plan")
            local plan = { goals = only(p.goals, { "title" }), steps = steps,
                           subplans = only(p.subplans, { "title", "responsible" }),
                           risks = only(p.risks, { "risk", "mitigation" }), agreed_at = event.at }
            return joined({ with_review(case, plan, p.review_date) }, step_tasks(added, case))
          end,
        },
        ["task.draft.overdue"] = {
          run = emit { event = "escalation.raised",
                       payload = { reason = "plan_stalled",
                                   note = "Individuální plán nebyl sestaven v termínu" } },
        },
        ["conference.agreed"] = { run = conference_steps },
        ["plan.step_done"] = { run = step_done },
        ["task.step_*.overdue"] = { run = step_overdue },
        ["case.closed"] = { go = "closed" },
      },
    },
    active = {
      title = "Plán se plní",
      enter = task { key = "review", assignee = "case_manager", keep = true,
                     title = "Přehodnotit individuální plán", due = "plan.review_date",
                     remind = { "remind_before before", "1 working day before", "on the day" },
                     form = review_form },
      on = {
        ["plan.step_done"] = { run = step_done },
        ["conference.agreed"] = { run = conference_steps },
        -- přehodnocení: výsledek, termín dalšího (bez něj lhůta obce od přehodnocení), a cíle,
        -- dílčí plány a rizika, když se mění
        ["task.review.done"] = {
          go = "active",
          run = function(case, event)
            local p = event.payload
            local plan = case.data.plan
            plan.reviewed_at = event.at
            plan.review_result = p.result
            plan.review_note = p.note
            plan.goals = only(p.goals, { "title" }) or plan.goals
            plan.subplans = only(p.subplans, { "title", "responsible" }) or plan.subplans
            plan.risks = only(p.risks, { "risk", "mitigation" }) or plan.risks
            return with_review(case, plan, p.review_date)
          end,
        },
        ["task.step_*.overdue"] = { run = step_overdue },
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
