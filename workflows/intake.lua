-- Příjem podnětu (intake of a referral).
-- A referral arrives (case data `referral = { source, urgent, note }`); the head of department
-- assigns a social worker, who makes the first contact (sooner when life or health is at risk,
-- § 92 a) zákona 108/2006 Sb.), records the informed consent and the needs questionnaire during
-- the social inquiry; the eligibility rule set then decides about case management. Eligible: a
-- case manager is assigned and case management starts. Not eligible: individual social work
-- continues and the case is assessed again after a while.
return workflow {
  name = "intake",
  title = "Příjem podnětu",
  params = {
    assign_within = "1 working day",         -- the head assigns a social worker
    first_contact = "5 working days",        -- first contact with the client
    first_contact_urgent = "1 working day",  -- the same when life or health is at risk
    inquiry_within = "15 working days",      -- social inquiry and needs questionnaire
    confirm_within = "3 working days",       -- the coordinator confirms the eligibility decision
    reassess_after = "3 months",             -- not eligible: assess again after this
    remind_before = "1 working day",
  },
  templates = {
    task_reminder = { title = "Připomenutí úkolu", body = "Úkol {task} u případu {case} má termín {due}." },
    referral_urgent = {
      title = "Naléhavý podnět", urgent = true,
      body = "Podnět u případu {case} ({initials}) hlásí ohrožení života nebo zdraví. Odkaz: {link}",
    },
    first_contact_missed = {
      title = "První kontakt neproběhl v termínu", urgent = true,
      body = "U případu {case} neproběhl první kontakt do {due}. Odkaz: {link}",
    },
    cm_started = { title = "Zahájen case management", body = "Případ {case} přechází do case managementu. Odkaz: {link}" },
    casework_continues = {
      title = "Pokračuje individuální sociální práce",
      body = "Případ {case} nesplnil kritéria case managementu; nové posouzení {due}.",
    },
  },
  initial = "assigning",
  states = {
    assigning = {
      title = "Přidělení sociálního pracovníka",
      enter = {
        start { workflow = "consent" },
        task { key = "assign", assignee = "head", title = "Přidělit sociálního pracovníka",
               due = "assign_within" },
        function(case, event)
          local referral = case.data.referral or {}
          if referral.urgent then return notify { to = "head", template = "referral_urgent" } end
        end,
      },
      on = {
        ["intake.assigned"] = {
          go = "contact",
          when = function(case, event) return event.payload.social_worker ~= nil end,
          -- payload { social_worker, coordinator, head }: who holds the roles of the case
          run = function(case, event)
            local p = event.payload
            return set { ["people.social_worker"] = p.social_worker,
                         ["people.coordinator"] = p.coordinator or (case.data.people or {}).coordinator,
                         ["people.head"] = p.head or (case.data.people or {}).head }
          end,
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    contact = {
      title = "První kontakt",
      enter = {
        task { key = "first_contact", assignee = "social_worker", due = "first_contact",
               title = "První kontakt s klientem", remind = "remind_before before" },
        -- urgent: the same task with the shorter deadline replaces it
        function(case, event)
          if not (case.data.referral or {}).urgent then return nil end
          return task { key = "first_contact", assignee = "social_worker",
                        due = "first_contact_urgent", title = "První kontakt s klientem (naléhavé)" }
        end,
      },
      on = {
        ["task.first_contact.done"] = { go = "inquiry" },
        ["task.first_contact.overdue"] = {
          run = notify { to = { "head", "social_worker" }, template = "first_contact_missed" },
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    inquiry = {
      title = "Sociální šetření a dotazník potřeb",
      enter = task { key = "inquiry", assignee = "social_worker", due = "inquiry_within",
                     title = "Sociální šetření a dotazník potřeb", remind = "remind_before before" },
      on = {
        -- The needs questionnaire (dotazník potřeb): the fields rules/cm_eligibility.lua reads.
        ["needs.recorded"] = {
          run = function(case, event)
            local fields = {}
            for k, v in pairs(event.payload) do fields[k] = v end
            return set(fields)
          end,
        },
        ["task.inquiry.done"] = { go = "assessing" },
        ["case.closed"] = { go = "closed" },
      },
    },
    assessing = {
      title = "Posouzení vhodnosti pro case management",
      enter = {
        decide { rules = "cm_eligibility", into = "eligibility" },
        task { key = "confirm_eligibility", assignee = "coordinator", due = "confirm_within",
               title = "Potvrdit posouzení vhodnosti pro case management" },
      },
      on = {
        ["eligibility.confirmed"] = {
          {
            go = "handed_over",
            when = function(case, event)
              return case.data.eligibility.eligible and event.payload.case_manager ~= nil
            end,
            run = function(case, event)
              return {
                set { ["people.case_manager"] = event.payload.case_manager },
                notify { to = "coordinator", template = "cm_started" },
                start { workflow = "case_management" },
              }
            end,
          },
          { go = "casework", when = function(case, event) return not case.data.eligibility.eligible end },
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    casework = {
      title = "Individuální sociální práce",
      enter = {
        timer { key = "reassess", after = "reassess_after" },
        notify { to = "social_worker", template = "casework_continues" },
      },
      on = {
        ["needs.recorded"] = {
          run = function(case, event)
            local fields = {}
            for k, v in pairs(event.payload) do fields[k] = v end
            return set(fields)
          end,
        },
        ["timer.reassess"] = { go = "assessing" },
        ["eligibility.reassess"] = { go = "assessing" },
        ["case.closed"] = { go = "closed" },
      },
    },
    handed_over = { title = "Předáno do case managementu", final = true },
    closed = { title = "Ukončeno", final = true },
  },
}
