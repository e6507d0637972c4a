-- Přehodnocení individuálního plánu.
-- Case manager plán pravidelně přehodnocuje. Termín řídí den dohodnutý s klientem (při podnětu
-- nebo při posledním přehodnocení); lhůta obce `review_every` je výchozí, když žádný den
-- dohodnut není, a zároveň nejzazší: pozdější dohodnutý den se na ni zkrátí a data případu řeknou
-- proč. Zmeškané přehodnocení jde koordinátorovi a po lhůtě `grace` vedoucímu odboru. Případ na
-- něm může sám založit case manager nebo koordinátor (standardní proces přehodnocuje plány ve
-- workflows/individual_plan.lua).
--
-- Data případu `review = { date, agreed, note, reviewed_at, review_note }`: `date` je den
-- "YYYY-MM-DD", kdy je přehodnocení na řadě, `agreed` den dohodnutý s klientem, `note` věta,
-- proč platí jiný den, než byl dohodnut.

-- Kdy je přehodnocení na řadě: dohodnutý den, nejpozději však ve lhůtě obce (`review_every` ode
-- dneška); bez dohodnutého dne, nebo s dnem, který už nastal, ve lhůtě obce. Vrací den a českou
-- větu, když se dohodnutý den nepoužil.
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

-- Příští přehodnocení: den z podnětu (při založení) nebo z právě provedeného přehodnocení.
local function schedule(case, event)
  local agreed = event.payload.review_date
  if event.type == "workflow.started" then agreed = (case.data.referral or {}).review_date end
  local review = case.data.review or {}
  review.date, review.note = review_on(case, agreed)
  review.agreed = agreed
  if event.type == "task.review.done" then
    review.reviewed_at, review.review_note = event.at, event.payload.note
  end
  return set { review = review }
end

local review_date = {
  name = "review_date", type = "date", label = "Termín přehodnocení dohodnutý s klientem",
  help = "Nevyplníte-li, plán se přehodnotí ve lhůtě, kterou stanovila obec; pozdější termín, "
         .. "než obec připouští, se na tuto lhůtu zkrátí.",
}

return workflow {
  name = "plan_review",
  title = "Přehodnocení individuálního plánu",
  owns = { "review" },
  referral = { title = "Případ s pravidelným přehodnocením plánu", by = { "case_manager", "coordinator" },
               form = { review_date } },
  params = {
    review_every = "60 working days",  -- výchozí i nejzazší lhůta přehodnocení
    remind_before = "5 working days",  -- první připomínka před termínem
    remind_late = "2 working days",    -- kdy se o zmeškaném přehodnocení dozví koordinátor
    grace = "3 working days",          -- jak dlouho eskalace čeká na koordinátora
  },
  templates = {
    task_reminder = {
      title = "Připomenutí úkolu",
      body = "Úkol „{task}“ u případu {case} má termín {due}.",
    },
    plan_review_overdue = {
      title = "Přehodnocení plánu je po termínu",
      body = "Přehodnocení individuálního plánu u případu {case} nebylo provedeno v termínu.",
    },
    plan_review_escalated = {
      title = "Přehodnocení plánu stále chybí",
      body = "U případu {case} plán stále není přehodnocen ani po upozornění koordinátora.",
    },
  },
  initial = "waiting",
  states = {
    waiting = {
      title = "Čeká na přehodnocení",
      -- keep: úkol zůstává otevřený i po eskalaci, dokud plán někdo nepřehodnotí
      enter = {
        schedule,
        task {
          key = "review", assignee = "case_manager", keep = true,
          title = "Přehodnotit individuální plán",
          due = "review.date",
          remind = {
            "remind_before before",
            "1 working day before",
            "on the day",
            { after = "remind_late", to = "coordinator", template = "plan_review_overdue" },
          },
          form = { review_date,
                   { name = "note", type = "long_text", label = "Poznámka k přehodnocení" } },
        },
      },
      on = {
        ["task.review.done"] = { go = "waiting" },  -- nový vstup nastaví další termín
        ["task.review.overdue"] = { go = "escalated" },
        ["case.closed"] = { go = "done" },
      },
    },
    escalated = {
      title = "Eskalováno koordinátorovi",
      enter = {
        notify { to = "coordinator", template = "plan_review_overdue" },
        timer { key = "second_level", after = "grace" },
      },
      on = {
        ["task.review.done"] = { go = "waiting" },
        ["timer.second_level"] = {
          run = notify { to = "head", template = "plan_review_escalated" },
        },
        ["case.closed"] = { go = "done" },
      },
    },
    done = { title = "Ukončeno", final = true },  -- konečný stav ukončí všechny úkoly a časovače
  },
}
