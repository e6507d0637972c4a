-- Příjem podnětu (intake of a referral).
-- A referral arrives (case data `referral = { source, urgent, note }`); the head of department
-- assigns a social worker, who makes the first contact (sooner when life or health is at risk,
-- § 92 a) zákona 108/2006 Sb.), records the informed consent and the needs questionnaire during
-- the social inquiry; the eligibility rule set then decides about case management and the
-- coordinator confirms it. Eligible: the coordinator names a case manager and case management
-- starts. Not eligible: individual social work continues and the case is assessed again after a
-- while.
--
-- Intake owns who works on the case (`people`) for the whole life of the case: after the hand-over
-- it waits until the case closes, and a reassignment the coordinator decides in an escalation
-- (workflows/escalation.lua) reaches it as `case_manager.reassigned`.

-- Dotazník potřeb (needs questionnaire): exactly the fields the eligibility rule sets read
-- (rules/cm_eligibility.lua, and the target group of workflows/tenants/dolni_brod). Consent is
-- not among them: it is recorded by workflows/consent.lua alone.
local needs_form = {
  { name = "problem_areas", type = "choices", label = "Problémové oblasti",
    options = { { value = "housing", label = "Bydlení" },
                { value = "debts", label = "Dluhy" },
                { value = "health", label = "Zdraví" },
                { value = "mental_health", label = "Duševní zdraví" },
                { value = "addiction", label = "Závislost" },
                { value = "self_care", label = "Péče o sebe a domácnost" },
                { value = "legal", label = "Právní záležitosti a doklady" },
                { value = "income", label = "Příjem" } } },
  { name = "expected_months", type = "number", integer = true, min = 0, max = 120,
    label = "Předpokládaná délka spolupráce (měsíce)" },
  { name = "actors_needed", type = "number", integer = true, min = 0, max = 50,
    label = "Kolik odborníků nebo služeb situace potřebuje" },
  { name = "support", type = "choice", label = "Podpora rodiny a služeb",
    options = { { value = "none", label = "Žádná" }, { value = "weak", label = "Slabá" },
                { value = "strong", label = "Dostatečná" } } },
  { name = "can_solve_alone", type = "yes_no", label = "Klient zvládne situaci řešit sám" },
  { name = "worsening", type = "yes_no", label = "Situace se zhoršuje" },
  { name = "motivated", type = "yes_no", label = "Klient je motivován ke spolupráci" },
  { name = "age", type = "number", integer = true, min = 0, max = 130, label = "Věk klienta" },
  { name = "low_income", type = "yes_no", label = "Nízký příjem" },
  { name = "housing_at_risk", type = "yes_no", label = "Hrozí ztráta bydlení" },
}

local first_contact_form = {
  { name = "contacted_at", type = "datetime", label = "Kdy kontakt proběhl", required = true },
  { name = "how", type = "choice", label = "Forma kontaktu", required = true,
    options = { { value = "home_visit", label = "Návštěva u klienta doma" },
                { value = "office", label = "Na úřadě" },
                { value = "phone", label = "Telefonicky" },
                { value = "facility", label = "V nemocnici nebo v zařízení" },
                { value = "other", label = "Jinak" } } },
  { name = "note", type = "long_text", label = "Poznámka",
    help = "Jen to, co je pro další postup nutné." },
}

-- The questionnaire's answers as case data: only the fields of the form, whatever else came.
local function answers(payload)
  local values = {}
  for _, field in ipairs(needs_form) do values[field.name] = payload[field.name] end
  return values
end

local owned = { "referral", "people", "eligibility", "needs_remapped", "reassessments" }
for _, field in ipairs(needs_form) do owned[#owned + 1] = field.name end

return workflow {
  name = "intake",
  title = "Příjem podnětu",
  owns = owned,
  referral = {
    title = "Nový podnět", by = { "social_worker", "case_manager", "coordinator", "head" },
    form = {
      { name = "source", type = "choice", label = "Odkud podnět přišel", required = true,
        options = { { value = "gp", label = "Praktický lékař" },
                    { value = "hospital", label = "Nemocnice (propuštění do domácí péče)" },
                    { value = "neighbour", label = "Soused nebo okolí" },
                    { value = "family", label = "Rodina" },
                    { value = "client", label = "Klient sám" },
                    { value = "police", label = "Policie" },
                    { value = "municipality", label = "Obec I. nebo II. typu" },
                    { value = "other", label = "Jiný zdroj" } } },
      { name = "urgent", type = "yes_no", label = "Ohrožení života nebo zdraví",
        help = "Pomoc musí přijít neprodleně (§ 92 písm. a) zákona 108/2006 Sb.)." },
      { name = "note", type = "long_text", label = "Popis situace",
        help = "Klienta uvádějte jen kódem nebo iniciálami." },
    },
  },
  events = {
    ["intake.assigned"] = {
      title = "Přidělit sociálního pracovníka", by = { "head" },
      form = {
        { name = "social_worker", type = "user", role = "social_worker", required = true,
          label = "Sociální pracovník" },
        { name = "coordinator", type = "user", role = "coordinator", label = "Koordinátor podpory",
          help = "Nevyplníte-li, zůstává dosavadní; bez něj případ vidí každý koordinátor." },
      },
    },
    ["needs.recorded"] = {
      title = "Zapsat dotazník potřeb", by = { "social_worker" }, form = needs_form,
    },
    -- monitoring (krok 7): case manager potřeby znovu zmapuje, jak se případ vyvíjí
    ["needs.remapped"] = {
      title = "Znovu zmapovat potřeby klienta", by = { "case_manager" }, form = needs_form,
    },
    ["eligibility.confirmed"] = {
      title = "Potvrdit posouzení vhodnosti pro case management", by = { "coordinator" },
      form = {
        { name = "case_manager", type = "user", role = "case_manager", label = "Case manager",
          help = "Vyplňte, splňuje-li klient kritéria: převezme případ." },
      },
    },
    ["eligibility.reassess"] = {
      title = "Posoudit vhodnost znovu", by = { "social_worker", "coordinator" },
    },
  },
  params = {
    assign_within = "1 working day",         -- the head assigns a social worker
    first_contact = "5 working days",        -- first contact with the client
    first_contact_urgent = "1 working day",  -- the same when life or health is at risk
    inquiry_within = "15 working days",      -- social inquiry and needs questionnaire
    confirm_within = "3 working days",       -- the coordinator confirms the eligibility decision
    reassess_after = "3 months",             -- not eligible: assess again after this
    reassess_at_most = 2,                    -- nové posouzení nejvýš tolikrát samo, pak jen krokem
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
      body = "Případ {case} nesplnil kritéria case managementu. Pokračujte individuální sociální "
             .. "prací; vhodnost se posoudí znovu {due}. Odkaz: {link}",
    },
    casework_without_reassessment = {
      title = "Pokračuje individuální sociální práce",
      body = "Případ {case} ani při opakovaném posouzení nesplnil kritéria case managementu. "
             .. "Pokračujte individuální sociální prací; další posouzení už nepřijde samo: změní-li "
             .. "se situace klienta, vyžádejte ho krokem „Posoudit vhodnost znovu“. Odkaz: {link}",
    },
  },
  initial = "assigning",
  states = {
    assigning = {
      title = "Přidělení sociálního pracovníka",
      enter = {
        start { workflow = "consent" },
        task { key = "assign", assignee = "head", title = "Přidělit sociálního pracovníka",
               due = "assign_within", step = "intake.assigned" },
        function(case, event)
          local referral = case.data.referral or {}
          if referral.urgent then return notify { to = "head", template = "referral_urgent" } end
        end,
      },
      on = {
        ["intake.assigned"] = {
          go = "contact",
          run = function(case, event)
            local p = event.payload
            return set { ["people.social_worker"] = p.social_worker,
                         ["people.coordinator"] = p.coordinator or (case.data.people or {}).coordinator }
          end,
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    contact = {
      title = "První kontakt",
      enter = {
        task { key = "first_contact", assignee = "social_worker", due = "first_contact",
               title = "První kontakt s klientem", remind = "remind_before before",
               form = first_contact_form },
        -- urgent: the same task with the shorter deadline replaces it
        function(case, event)
          if not (case.data.referral or {}).urgent then return nil end
          return task { key = "first_contact", assignee = "social_worker",
                        due = "first_contact_urgent", title = "První kontakt s klientem (naléhavé)",
                        form = first_contact_form }
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
        ["needs.recorded"] = { run = function(case, event) return set(answers(event.payload)) end },
        ["task.inquiry.done"] = { go = "assessing" },
        ["case.closed"] = { go = "closed" },
      },
    },
    assessing = {
      title = "Posouzení vhodnosti pro case management",
      enter = {
        decide { rules = "cm_eligibility", into = "eligibility" },
        task { key = "confirm_eligibility", assignee = "coordinator", due = "confirm_within",
               title = "Potvrdit posouzení vhodnosti pro case management",
               step = "eligibility.confirmed" },
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
          -- nové posouzení přijde samo nejvýš `reassess_at_most`krát, pak jen na žádost
          {
            go = "casework",
            when = function(case, event)
              return not case.data.eligibility.eligible
                     and (case.data.reassessments or 0) < case.params.reassess_at_most
            end,
          },
          { go = "casework_final", when = function(case, event) return not case.data.eligibility.eligible end },
        },
        -- odvolaný souhlas: vhodnost se posoudí znovu, souhlas je jejím povinným kritériem
        ["consent.changed"] = { run = decide { rules = "cm_eligibility", into = "eligibility" } },
        ["case.closed"] = { go = "closed" },
      },
    },
    casework = {
      title = "Individuální sociální práce",
      -- nevhodný případ se posoudí znovu po `reassess_after`
      enter = {
        task { key = "reassess", assignee = "social_worker", due = "reassess_after",
               title = "Znovu posoudit vhodnost pro case management",
               step = "eligibility.reassess" },
        notify { to = "social_worker", template = "casework_continues", task = "reassess" },
      },
      on = {
        ["needs.recorded"] = { run = function(case, event) return set(answers(event.payload)) end },
        ["task.reassess.overdue"] = {
          go = "assessing",
          run = function(case, event)
            return set { reassessments = (case.data.reassessments or 0) + 1 }
          end,
        },
        ["eligibility.reassess"] = { go = "assessing" },
        -- odvolaný souhlas: vhodnost se posoudí znovu, souhlas je jejím povinným kritériem
        ["consent.changed"] = { run = decide { rules = "cm_eligibility", into = "eligibility" } },
        ["case.closed"] = { go = "closed" },
      },
    },
    casework_final = {
      title = "Individuální sociální práce bez dalšího posouzení",
      enter = notify { to = "social_worker", template = "casework_without_reassessment" },
      on = {
        ["needs.recorded"] = { run = function(case, event) return set(answers(event.payload)) end },
        ["eligibility.reassess"] = { go = "assessing" },
        -- odvolaný souhlas: vhodnost se posoudí znovu, souhlas je jejím povinným kritériem
        ["consent.changed"] = { run = decide { rules = "cm_eligibility", into = "eligibility" } },
        ["case.closed"] = { go = "closed" },
      },
    },
    handed_over = {
      title = "Předáno do case managementu",
      on = {
        -- nové zmapování přepíše vyplněná pole dotazníku; kdo a kdy mapoval, zůstává v `needs_remapped`
        ["needs.remapped"] = {
          run = function(case, event)
            local values = answers(event.payload)
            local history = case.data.needs_remapped or {}
            history[#history + 1] = { at = event.at, by = event.by.actor }
            values.needs_remapped = history
            return set(values)
          end,
        },
        -- emitted by workflows/escalation.lua: payload { case_manager }
        ["case_manager.reassigned"] = {
          run = function(case, event)
            return set { ["people.case_manager"] = event.payload.case_manager }
          end,
        },
        -- odvolaný souhlas: vhodnost se posoudí znovu, souhlas je jejím povinným kritériem
        ["consent.changed"] = { run = decide { rules = "cm_eligibility", into = "eligibility" } },
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
