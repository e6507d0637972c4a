-- Eskalace na koordinátora podpory (escalation to the coordinator).
-- One instance per case in case management. The case manager raises an escalation ("I cannot
-- solve this alone", "a new actor is needed"), or another workflow emits one for a missed
-- deadline or a stalled plan. The coordinator acknowledges it within a param, else the head of
-- department is notified; the coordinator (or the head) resolves it by convening a conference,
-- adding an actor, reassigning the case manager or closing the case. Case data `escalation`
-- holds the open one: { reason, note, raised_at, raised_by, open, acknowledged_at, with_head,
-- resolution, resolution_note, resolved_at, resolved_by }; `actors` the actors added to the case.
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

-- payload { resolution, note, case_manager (reassign), actor (add_actor) }. "conference" asks
-- case management for a case conference, "close" starts closure, "reassign" tells intake (which
-- keeps the case's people) the new case manager: each by an emitted event.
local resolved = {
  go = "none",
  run = function(case, event)
    local p = event.payload
    local effects = {
      set { ["escalation.resolution"] = p.resolution, ["escalation.resolution_note"] = p.note,
            ["escalation.resolved_at"] = event.at, ["escalation.resolved_by"] = event.by.actor,
            ["escalation.open"] = false },
      notify { to = "case_manager", template = "escalation_resolved" },
    }
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
  end,
}

return workflow {
  name = "escalation",
  title = "Eskalace na koordinátora",
  owns = { "escalation", "actors" },
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
    resolve_within = "5 working days",     -- the coordinator resolves an acknowledged one
  },
  templates = {
    task_reminder = { title = "Připomenutí úkolu", body = "Úkol {task} u případu {case} má termín {due}." },
    escalation_raised = {
      title = "Nová eskalace", urgent = true,
      body = "Případ {case} byl eskalován: {reason}. Potvrďte převzetí do {due}. Odkaz: {link}",
    },
    escalation_to_head = {
      title = "Eskalace nepřevzata koordinátorem", urgent = true,
      body = "Eskalaci u případu {case} ({reason}) koordinátor nepřevzal v termínu. Odkaz: {link}",
    },
    escalation_resolved = {
      title = "Eskalace vyřešena", body = "Eskalace u případu {case} byla vyřešena. Odkaz: {link}",
    },
  },
  initial = "none",
  states = {
    none = {
      title = "Bez otevřené eskalace",
      on = {
        -- payload { reason, note }
        ["escalation.raised"] = {
          go = "open",
          when = function(case, event) return one_of(reasons, event.payload.reason) end,
          run = function(case, event)
            return set { escalation = { reason = event.payload.reason, note = event.payload.note,
                                        raised_at = event.at, raised_by = event.by.actor,
                                        open = true } }
          end,
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    open = {
      title = "Otevřená",
      enter = {
        notify { to = "coordinator", template = "escalation_raised" },
        task { key = "acknowledge", assignee = "coordinator", title = "Převzít eskalaci",
               due = "acknowledge_within", done_by = { "head" } },
      },
      on = {
        ["escalation.acknowledged"] = { go = "acknowledged" },
        ["task.acknowledge.done"] = { go = "acknowledged" },
        ["task.acknowledge.overdue"] = { go = "with_head" },
        ["escalation.resolved"] = resolved,
        ["case.closed"] = { go = "closed" },
      },
    },
    with_head = {
      title = "U vedoucího odboru",
      enter = {
        notify { to = "head", template = "escalation_to_head" },
        set { ["escalation.with_head"] = true },
      },
      on = {
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
        ["escalation.resolved"] = resolved,
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
