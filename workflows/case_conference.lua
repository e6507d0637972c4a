-- Případové setkání (case conference).
-- Requested by the case manager or the coordinator (case_management starts it). The coordinator
-- picks actors from the directory and schedules it: invitations with date, place or online link
-- go to every actor, with the meeting attached (calendar); replies are tracked; a reminder goes
-- out before the date; a move re-sends the invitations with the next sequence number, a
-- cancellation sends them cancelled. The client is invited and may decline (the case manager then
-- represents them). The meeting opens with the confidentiality reminder acknowledged; the record
-- is due within a param and goes to every participant and to absent actors to be informed; each
-- agreed task becomes a step of the individual plan (emitted as `conference.agreed`).
--
-- Case data `conference = { uid, at (ISO UTC), minutes, place, online_link, sequence, cancelled,
-- title, actors = { "actor:…" }, replies = { ["actor:…"] = "accepts" | "declines" | "online" },
-- client_invited, client_attends, open, confidentiality_acknowledged, tasks, inform, record,
-- recorded_at, recorded_by, tasks_due }`. `tasks_due` je den "YYYY-MM-DD", do kdy jsou splatné
-- úkoly dohodnuté bez termínu: `tasks_within` ode dne setkání.

-- The meeting: when, where, with whom. Scheduling needs the actors; a move changes only what it
-- names (at least the time). The invitations' place and link come from the `place` and `link`
-- fields as the coordinator typed them (the engine records them); what schedule() keeps in case
-- data is for the case page only.
local function meeting_form(scheduling)
  return {
    { name = "at", type = "datetime", label = "Datum a čas", required = true },
    { name = "minutes", type = "number", integer = true, min = 15, max = 480,
      label = "Délka (minuty)" },
    { name = "place", type = "place", label = "Místo",
      help = "Místo, odkaz na online připojení, nebo obojí." },
    { name = "online_link", type = "link", label = "Odkaz na online připojení" },
    { name = "title", type = "text", label = "Název setkání" },
    { name = "actors", type = "rows", label = "Pozvaní aktéři", required = scheduling,
      min_rows = scheduling and 1 or 0,
      fields = { { name = "actor", type = "actor", label = "Aktér", required = true } } },
    { name = "client_invited", type = "yes_no", label = "Klient je pozván" },
  }
end

-- Tasks agreed at the meeting: each becomes a step of the individual plan.
local concluded_form = {
  { name = "tasks", type = "rows", label = "Dohodnuté úkoly",
    fields = { { name = "title", type = "text", label = "Úkol", required = true },
               { name = "responsible", type = "actor", label = "Kdo odpovídá",
                 help = "Nevyplníte-li, odpovídá case manager." },
               { name = "due", type = "date", label = "Termín",
                 help = "Nevyplníte-li, platí lhůta obce pro úkoly ze setkání, počítaná ode dne "
                        .. "setkání." },
               { name = "goal", type = "text", label = "Cíl plánu" } } },
  { name = "inform", type = "rows", label = "Nepřítomní aktéři, kterým se pošle záznam",
    fields = { { name = "actor", type = "actor", label = "Aktér", required = true } } },
}

-- The actors of rows { { actor = "actor:…" } }, as a list of "actor:…"; nil for no rows.
local function actors_of(rows)
  if rows == nil then return nil end
  local actors = {}
  for _, row in ipairs(rows) do actors[#actors + 1] = row.actor end
  return actors
end

-- Every actor invited, as notify { to = … } takes them.
local function invitees(conference)
  local to = {}
  for _, a in ipairs(conference.actors or {}) do to[#to + 1] = a end
  return to
end

-- payload: meeting_form
local function schedule(case, event, sequence)
  local p = event.payload
  local old = case.data.conference or {}
  -- setkání svolané po zrušení je nové: má vlastní UID a žádné staré odpovědi
  if old.cancelled then old = {} end
  local conference = {
    uid = old.uid or (case.code .. "-" .. event.at),
    at = time.iso(time.epoch(p.at)), minutes = p.minutes or old.minutes or 90,
    place = p.place or old.place, online_link = p.online_link or old.online_link,
    title = p.title or old.title or "Případové setkání",
    actors = actors_of(p.actors) or old.actors or {}, replies = old.replies or {},
    client_invited = p.client_invited ~= false, client_attends = old.client_attends,
    sequence = sequence, cancelled = false, open = true,
  }
  local remind = time.epoch(conference.at) - case.params.remind_hours_before * 3600
  if remind > time.epoch(event.at) then conference.remind_at = time.iso(remind) end
  return conference
end

local function invite(case, event, sequence)
  local conference = schedule(case, event, sequence)
  return {
    set { conference = conference },
    notify { to = invitees(conference), template = "conference_invitation",
             purpose = "conference", calendar = "conference" },
  }
end

return workflow {
  name = "case_conference",
  title = "Případové setkání",
  owns = { "conference" },
  -- the invitations are computed in run functions: said here, so the head approves each version
  notifies_actors = true,
  events = {
    ["conference.scheduled"] = {
      title = "Svolat případové setkání", by = { "coordinator" }, form = meeting_form(true),
    },
    ["conference.reply"] = {
      title = "Zapsat odpověď aktéra", by = { "coordinator" },
      form = {
        { name = "actor", type = "actor", label = "Aktér", required = true },
        { name = "reply", type = "choice", label = "Odpověď", required = true,
          options = { { value = "accepts", label = "Přijde" },
                      { value = "online", label = "Připojí se online" },
                      { value = "declines", label = "Nepřijde" } } },
      },
    },
    ["conference.client_reply"] = {
      title = "Zapsat odpověď klienta", by = { "case_manager", "coordinator" },
      form = {
        { name = "attends", type = "yes_no", label = "Klient se setkání zúčastní", required = true,
          help = "Nezúčastní-li se, zastupuje ho case manager." },
      },
    },
    ["conference.moved"] = {
      title = "Přesunout setkání", by = { "coordinator" }, form = meeting_form(false),
    },
    ["conference.cancelled"] = {
      title = "Zrušit setkání", by = { "coordinator" },
      form = { { name = "reason", type = "long_text", label = "Důvod zrušení" } },
    },
    ["conference.opened"] = {
      title = "Zahájit setkání", by = { "coordinator" },
      form = {
        { name = "confidentiality_acknowledged", type = "yes_no", required = true,
          label = "Účastníci byli upozorněni na mlčenlivost" },
      },
    },
    ["conference.concluded"] = {
      title = "Zapsat dohody ze setkání", by = { "coordinator" }, form = concluded_form,
    },
  },
  params = {
    convene_within = "5 working days",  -- the coordinator schedules it after the request
    remind_hours_before = 24,           -- reminder to the invited actors before the meeting
    conclude_within = "2 working days", -- dohody se zapíší do dvou pracovních dnů od začátku setkání
    record_within = "3 working days",   -- the record is sent after the meeting
    tasks_within = "10 working days",   -- úkol ze setkání bez termínu: lhůta ode dne setkání
    remind_before = "1 working day",
  },
  templates = {
    task_reminder = { title = "Připomenutí úkolu", body = "Úkol {task} u případu {case} má termín {due}." },
    conference_invitation = {
      title = "Pozvánka na případové setkání",
      body = "Zveme vás na případové setkání k případu {case} dne {when}, místo: {place}. Odkaz: {link}",
    },
    conference_moved = {
      title = "Případové setkání přesunuto",
      body = "Případové setkání k případu {case} se koná nově {when}, místo: {place}. Odkaz: {link}",
    },
    conference_cancelled = {
      title = "Případové setkání zrušeno",
      body = "Případové setkání k případu {case} plánované na {when} se ruší.",
    },
    conference_reminder = {
      title = "Připomenutí případového setkání",
      body = "Připomínáme případové setkání k případu {case} dne {when}, místo: {place}.",
    },
    conference_record = {
      title = "Záznam z případového setkání",
      body = "Záznam z případového setkání k případu {case} je k dispozici: {link}",
    },
  },
  initial = "preparing",
  states = {
    preparing = {
      title = "Příprava setkání",
      enter = {
        set { ["conference.open"] = true },
        task { key = "convene", assignee = "coordinator", due = "convene_within",
               title = "Vybrat aktéry a svolat případové setkání", remind = "remind_before before",
               step = "conference.scheduled" },
      },
      on = {
        ["conference.scheduled"] = {
          go = "invited",
          -- a place, a link or both: the form cannot ask for one of two
          when = function(case, event)
            return event.payload.place ~= nil or event.payload.online_link ~= nil
          end,
          run = function(case, event) return invite(case, event, 1) end,
        },
        ["task.convene.overdue"] = {
          run = emit { event = "escalation.raised",
                       payload = { reason = "missed_deadline", to_head = true,
                                   note = "Případové setkání nebylo svoláno v termínu" } },
        },
        ["conference.cancelled"] = { go = "cancelled" },
        ["case.closed"] = { go = "cancelled" },
      },
    },
    invited = {
      title = "Pozvánky odeslány",
      -- the times come from case data; schedule() leaves remind_at out when it has passed
      enter = {
        timer { key = "meeting", at = "conference.at" },
        timer { key = "reminder", at = "conference.remind_at" },
      },
      on = {
        ["conference.reply"] = {
          run = function(case, event)
            return set { ["conference.replies." .. event.payload.actor] = event.payload.reply }
          end,
        },
        -- a client who declines is represented by the case manager
        ["conference.client_reply"] = {
          run = function(case, event)
            return set { ["conference.client_attends"] = event.payload.attends == true,
                         ["conference.represented_by"] =
                           event.payload.attends == true and "client" or "case_manager" }
          end,
        },
        ["conference.moved"] = {
          go = "invited",
          when = function(case, event) return event.payload.at ~= nil end,
          run = function(case, event)
            local c = case.data.conference
            local conference = schedule(case, event, c.sequence + 1)
            return {
              set { conference = conference },
              notify { to = invitees(conference), template = "conference_moved",
                       purpose = "conference", calendar = "conference" },
            }
          end,
        },
        ["timer.reminder"] = {
          run = function(case, event)
            return notify { to = invitees(case.data.conference), template = "conference_reminder",
                            purpose = "conference", meeting = "conference" }
          end,
        },
        -- setkání začíná: od jeho dne se počítá lhůta úkolů, které na něm dohodnou bez termínu
        ["timer.meeting"] = {
          go = "meeting",
          run = function(case, event)
            return set { ["conference.tasks_due"] = case.dates.tasks_within }
          end,
        },
        ["conference.cancelled"] = {
          go = "cancelled",
          run = function(case, event)
            local c = case.data.conference
            return {
              set { ["conference.cancelled"] = true, ["conference.sequence"] = c.sequence + 1 },
              notify { to = invitees(c), template = "conference_cancelled",
                       purpose = "conference", calendar = "conference" },
            }
          end,
        },
        ["case.closed"] = { go = "cancelled" },
      },
    },
    meeting = {
      title = "Setkání probíhá",
      -- setkání, které se nekoná nebo z něhož nikdo nezapíše dohody, nesmí zůstat otevřené navždy
      enter = task { key = "conclude", assignee = "coordinator", due = "conclude_within",
                     title = "Zahájit setkání a zapsat dohody", remind = "remind_before before",
                     step = "conference.concluded" },
      on = {
        -- the coordinator opens with the confidentiality reminder; refused without it
        ["conference.opened"] = {
          when = function(case, event) return event.payload.confidentiality_acknowledged == true end,
          run = function(case, event)
            return set { ["conference.confidentiality_acknowledged"] = true,
                         ["conference.opened_at"] = event.at }
          end,
        },
        -- payload: concluded_form
        ["conference.concluded"] = {
          go = "recording",
          when = function(case, event)
            return (case.data.conference or {}).confidentiality_acknowledged == true
          end,
          run = function(case, event)
            local tasks = {}
            for _, t in ipairs(event.payload.tasks or {}) do
              tasks[#tasks + 1] = { title = t.title, responsible = t.responsible,
                                    due = t.due or case.data.conference.tasks_due, goal = t.goal }
            end
            return set { ["conference.tasks"] = tasks,
                         ["conference.inform"] = actors_of(event.payload.inform) or {} }
          end,
        },
        ["task.conclude.overdue"] = {
          run = emit { event = "escalation.raised",
                       payload = { reason = "missed_deadline", to_head = true,
                                   note = "Dohody z případového setkání nebyly zapsány v termínu" } },
        },
        ["case.closed"] = { go = "cancelled" },
      },
    },
    recording = {
      title = "Záznam ze setkání",
      enter = task { key = "record", assignee = "coordinator", due = "record_within",
                     title = "Vyhotovit a rozeslat záznam z případového setkání",
                     remind = "remind_before before",
                     form = { { name = "record", type = "long_text", label = "Záznam ze setkání",
                                required = true, max_length = 20000,
                                help = "Účastníci, shrnutí a dohody. Rozešle se všem účastníkům." } } },
      on = {
        ["task.record.done"] = {
          go = "done",
          run = function(case, event)
            local c = case.data.conference
            -- participants (everyone who did not decline) and absent actors to be informed
            local to, seen = {}, {}
            for _, a in ipairs(c.actors or {}) do
              if (c.replies or {})[a] ~= "declines" then to[#to + 1] = a; seen[a] = true end
            end
            for _, a in ipairs(c.inform or {}) do
              if not seen[a] then to[#to + 1] = a; seen[a] = true end
            end
            to[#to + 1] = "case_manager"
            return {
              set { ["conference.open"] = false, ["conference.record"] = event.payload.record,
                    ["conference.recorded_at"] = event.at, ["conference.recorded_by"] = event.by.actor },
              notify { to = to, template = "conference_record", purpose = "conference" },
              emit { event = "conference.agreed", payload = { tasks = c.tasks or {} } },
            }
          end,
        },
        ["task.record.overdue"] = {
          run = emit { event = "escalation.raised",
                       payload = { reason = "missed_deadline", to_head = true,
                                   note = "Záznam z případového setkání nebyl rozeslán v termínu" } },
        },
        ["case.closed"] = { go = "cancelled" },
      },
    },
    done = { title = "Ukončeno", final = true },
    cancelled = {
      title = "Zrušeno", final = true,
      enter = set { ["conference.open"] = false },
    },
  },
}
