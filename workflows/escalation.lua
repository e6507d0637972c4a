-- Eskalace na koordinátora podpory (escalation to the coordinator).
-- One instance per case in case management. The case manager raises an escalation ("I cannot
-- solve this alone", "a new actor is needed"), or another workflow emits one for a missed
-- deadline or a stalled plan. The coordinator acknowledges it within a param, else the head of
-- department is notified; the coordinator resolves it by convening a conference, adding an
-- actor, reassigning the case manager or closing the case. Case data `escalation` holds the open
-- one: { reason, note, raised_at, raised_by, acknowledged_at, resolution, resolved_at }.
local reasons = { cannot_solve_alone = true, new_actor_needed = true, missed_deadline = true,
                  plan_stalled = true }
local resolutions = { conference = true, add_actor = true, reassign = true, close = true }

-- payload { resolution, note, case_manager (reassign), actor (add_actor) }. "conference" asks
-- case management for a case conference, "close" starts closure: both by an emitted event.
local resolved = {
  go = "none",
  when = function(case, event) return resolutions[event.payload.resolution] == true end,
  run = function(case, event)
    local p = event.payload
    local effects = {
      set { ["escalation.resolution"] = p.resolution, ["escalation.resolution_note"] = p.note,
            ["escalation.resolved_at"] = event.at, ["escalation.open"] = false },
      notify { to = "case_manager", template = "escalation_resolved" },
    }
    if p.resolution == "conference" then
      effects[#effects + 1] = emit { event = "conference.requested", payload = { by = "coordinator" } }
    elseif p.resolution == "close" then
      effects[#effects + 1] = emit { event = "closure.requested", payload = { by = "coordinator" } }
    elseif p.resolution == "reassign" and p.case_manager then
      effects[#effects + 1] = set { ["people.case_manager"] = p.case_manager }
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
        -- payload { reason, note, by }
        ["escalation.raised"] = {
          go = "open",
          when = function(case, event) return reasons[event.payload.reason] == true end,
          run = function(case, event)
            return set { escalation = { reason = event.payload.reason, note = event.payload.note,
                                        raised_at = event.at,
                                        raised_by = event.payload.by or "system", open = true } }
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
               due = "acknowledge_within" },
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
               due = "resolve_within", remind = "1 working day before" },
      },
      on = {
        ["escalation.resolved"] = resolved,
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
