-- Eskalace na koordinátora podpory (escalation to the coordinator).
-- One instance per case in case management. The case manager raises an escalation ("I cannot
-- solve this alone", "a new actor is needed"), or another workflow emits one for a missed
-- deadline or a stalled plan. The coordinator acknowledges it within a param, else the head of
-- department is notified; the coordinator (or the head) resolves it by convening a conference,
-- adding an actor, reassigning the case manager or closing the case. An acknowledged escalation
-- not resolved in time goes to the head too. A deadline the coordinator missed himself (the
-- conference workflow emits those with `to_head`) goes to the head at once.
--
-- Case data `escalation` holds the current one: { reason, note, raised_at, raised_by, to_head,
-- open, acknowledged_at, with_head, resolution, resolution_note, resolved_at, resolved_by }.
-- An escalation raised while another is open waits in `escalation_queue` and opens when that
-- one is resolved; each resolved one is kept, with its outcome, in `escalation_history`.
-- `actors` holds the actors added to the case.
-- Who raised or resolved it is who sent the step (`event.by`): a person, or "workflow:<name>".
--
-- The web's escalation list posts `escalation.acknowledged` with no data and
-- `escalation.resolved` with { resolution, note } (web/api_escalations.cc): the forms below take
-- exactly that, and the case page may add the new case manager or the actor.
local reasons = {
  { value = "cannot_solve_alone", label = "Situaci nezvládám vyřešit sám/sama" },
  { value = "new_actor_needed", label = "Je potřeba zapojit nového aktéra" },
  { value = "plan_stalled", label = "Plnění plánu uvázlo" },
  { value = "missed_deadline", label = "Zmeškaný termín" },
}

local resolutions = {
  { value = "conference", label = "Svolat případové setkání" },
  { value = "add_actor", label = "Zapojit aktéra" },
  { value = "reassign", label = "Předat případ jinému case managerovi" },
  { value = "close", label = "Ukončit případ" },
}

-- Whether `value` is one of the options' values. Emitted escalations are not checked by a form.
local function one_of(options, value)
  for _, option in ipairs(options) do
    if option.value == value then return true end
  end
  return false
end

-- The escalation an event raises, as case data keeps it. Emitted escalations are not checked by
-- a form, so their reason is checked by the transitions' guards.
local function raised(event)
  return { reason = event.payload.reason, note = event.payload.note, raised_at = event.at,
           raised_by = event.by.actor, to_head = event.payload.to_head == true, open = true }
end

local function valid(case, event) return one_of(reasons, event.payload.reason) end

-- Raising one while another is open: it waits its turn, and the coordinator hears of it.
local queued = {
  when = valid,
  run = function(case, event)
    local queue = case.data.escalation_queue or {}
    queue[#queue + 1] = raised(event)
    return { set { escalation_queue = queue },
             notify { to = "coordinator", template = "escalation_queued" } }
  end,
}

-- payload { resolution, note, case_manager (reassign), actor (add_actor) }. "conference" asks
-- case management for a case conference, "close" starts closure, "reassign" tells intake (which
-- keeps the case's people) the new case manager: each by an emitted event. The resolved
-- escalation goes to the history; the first waiting one, if any, becomes the current one.
local function resolve(case, event)
  local p = event.payload
  local done = case.data.escalation
  done.resolution, done.resolution_note = p.resolution, p.note
  done.resolved_at, done.resolved_by, done.open = event.at, event.by.actor, false
  local history = case.data.escalation_history or {}
  history[#history + 1] = done
  local effects = {
    set { escalation = done, escalation_history = history },
    notify { to = "case_manager", template = "escalation_resolved" },
  }
  local queue = case.data.escalation_queue or {}
  if #queue > 0 then
    local following = table.remove(queue, 1)
    effects[#effects + 1] = set { escalation = following, escalation_queue = queue }
  end
  if p.resolution == "conference" then
    effects[#effects + 1] = emit { event = "conference.requested" }
  elseif p.resolution == "close" then
    effects[#effects + 1] = emit { event = "closure.requested" }
  elseif p.resolution == "reassign" and p.case_manager then
    effects[#effects + 1] = emit { event = "case_manager.reassigned",
                                   payload = { case_manager = p.case_manager } }
  elseif p.resolution == "add_actor" and p.actor then
    local actors = case.data.actors or {}
    actors[#actors + 1] = p.actor
    effects[#effects + 1] = set { actors = actors }
  end
  return effects
end

local function waiting(case)
  local queue = case.data.escalation_queue
  return queue ~= nil and #queue > 0
end

-- After a resolution: the next waiting escalation opens (at the head when it is about the
-- coordinator), else none is open.
local resolved = {
  { go = "with_head", run = resolve,
    when = function(case) return waiting(case) and case.data.escalation_queue[1].to_head end },
  { go = "open", run = resolve, when = waiting },
  { go = "none", run = resolve },
}

-- What the head is told depends on why the escalation came to them.
local function tell_head(case)
  local e = case.data.escalation
  local template = "escalation_to_head"  -- the coordinator did not acknowledge it in time
  if e.to_head then
    template = "escalation_about_coordinator"
  elseif e.acknowledged_at ~= nil then
    template = "escalation_unresolved"
  end
  return notify { to = "head", template = template }
end

return workflow {
  name = "escalation",
  title = "Eskalace na koordinátora",
  owns = { "escalation", "escalation_queue", "escalation_history", "actors" },
  events = {
    ["escalation.raised"] = {
      title = "Eskalovat na koordinátora", by = { "case_manager" },
      form = {
        { name = "reason", type = "choice", label = "Důvod", required = true, options = reasons },
        { name = "note", type = "long_text", label = "Poznámka",
          help = "Co je potřeba vyřešit; klienta uvádějte jen kódem nebo iniciálami." },
      },
    },
    ["escalation.acknowledged"] = { title = "Převzít eskalaci", by = { "coordinator", "head" } },
    ["escalation.resolved"] = {
      title = "Vyřešit eskalaci", by = { "coordinator", "head" },
      form = {
        { name = "resolution", type = "choice", label = "Řešení", required = true,
          options = resolutions },
        { name = "note", type = "long_text", label = "Poznámka" },
        { name = "case_manager", type = "user", role = "case_manager",
          label = "Nový case manager", help = "Při předání případu jinému case managerovi." },
        { name = "actor", type = "actor", label = "Aktér k zapojení",
          help = "Při zapojení aktéra z adresáře." },
      },
    },
  },
  params = {
    acknowledge_within = "1 working day",  -- else the head of department hears of it
    resolve_within = "5 working days",     -- to resolve an acknowledged one, else the head decides
  },
  templates = {
    task_reminder = { title = "Připomenutí úkolu", body = "Úkol {task} u případu {case} má termín {due}." },
    escalation_raised = {
      title = "Nová eskalace", urgent = true,
      body = "U případu {case} je otevřená eskalace; převezměte ji v Souhře (Moje úkoly). "
          .. "Odkaz: {link}",
    },
    escalation_to_head = {
      title = "Eskalace nepřevzata koordinátorem", urgent = true,
      body = "Eskalaci u případu {case} koordinátor nepřevzal v termínu. Rozhodněte o dalším "
          .. "postupu. Odkaz: {link}",
    },
    escalation_resolved = {
      title = "Eskalace vyřešena", body = "Eskalace u případu {case} byla vyřešena. Odkaz: {link}",
    },
    escalation_queued = {
      title = "Další eskalace",
      body = "U případu {case} přišla další eskalace; otevře se, až vyřešíte tu současnou. "
          .. "Odkaz: {link}",
    },
    escalation_unresolved = {
      title = "Eskalace nevyřešena v termínu", urgent = true,
      body = "Eskalaci u případu {case} koordinátor převzal, ale v termínu ji nevyřešil. "
          .. "Rozhodněte o dalším postupu. Odkaz: {link}",
    },
    escalation_about_coordinator = {
      title = "Koordinátor nedodržel termín", urgent = true,
      body = "U případu {case} koordinátor nedodržel termín u případového setkání (svolání, "
          .. "zapsání dohod nebo rozeslání záznamu). Rozhodněte o dalším postupu. Odkaz: {link}",
    },
  },
  initial = "none",
  states = {
    none = {
      title = "Bez otevřené eskalace",
      on = {
        -- payload { reason, note }; emitted ones may add to_head
        ["escalation.raised"] = {
          { go = "with_head", when = function(case, event) return valid(case, event)
            and event.payload.to_head == true end,
            run = function(case, event) return set { escalation = raised(event) } end },
          { go = "open", when = valid,
            run = function(case, event) return set { escalation = raised(event) } end },
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    open = {
      title = "Otevřená",
      enter = {
        notify { to = "coordinator", template = "escalation_raised" },
        task { key = "acknowledge", assignee = "coordinator", title = "Převzít eskalaci",
               due = "acknowledge_within", done_by = { "head" }, step = "escalation.acknowledged" },
      },
      on = {
        ["escalation.raised"] = queued,
        ["escalation.acknowledged"] = { go = "acknowledged" },
        ["task.acknowledge.overdue"] = { go = "with_head" },
        ["escalation.resolved"] = resolved,
        ["case.closed"] = { go = "closed" },
      },
    },
    with_head = {
      title = "U vedoucího odboru",
      enter = {
        tell_head,
        set { ["escalation.with_head"] = true },
        task { key = "decide", assignee = "head", title = "Rozhodnout o eskalaci",
               due = "resolve_within", step = "escalation.resolved" },
      },
      on = {
        ["escalation.raised"] = queued,
        ["escalation.acknowledged"] = { go = "acknowledged" },
        ["escalation.resolved"] = resolved,
        ["case.closed"] = { go = "closed" },
      },
    },
    acknowledged = {
      title = "Převzatá koordinátorem",
      enter = {
        function(case, event) return set { ["escalation.acknowledged_at"] = event.at } end,
        task { key = "resolve", assignee = "coordinator", title = "Vyřešit eskalaci",
               due = "resolve_within", remind = "1 working day before", step = "escalation.resolved" },
      },
      on = {
        ["escalation.raised"] = queued,
        ["task.resolve.overdue"] = { go = "with_head" },
        ["escalation.resolved"] = resolved,
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
