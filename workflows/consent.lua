-- Informovaný souhlas se sdílením informací po celou dobu případu (kapitola 5.1 metodiky MPSV).
-- Udržuje data případu `consent` a `emergency` v podobě, kterou čtou rules/information_sharing.lua
-- a odesílání oznámení:
--   consent = { status = "given" | "given_in_part" | "refused" | "revoked",
--               manner = "written" | "oral", recorded_by = "user:…", recorded_at = "<ISO>",
--               grants = { { recipient = "actor:…" | "kind:…", purposes = { … }, given = "<ISO>" }, … },
--               revocations = { { recipient = "actor:…" | "kind:…" | "*", at = "<ISO>",
--                                 by = "user:…" }, … } }
--   emergency = { reason, at, by, recipients = { "actor:…", … }, purposes = { … }, expired = true }
-- Souhlas vždy jmenuje, komu a k jakému účelu platí: souhlas bez příjemců se nezaznamená, žádný
-- souhlas „všem“ se nedomýšlí. Odvolání platí hned a má přednost před každým dřívějším souhlasem,
-- ať byl udělen aktérovi, jeho druhu, nebo všem (pravidla sdílení čtou `revocations`); vhodnost
-- pro case management se po odvolání posoudí znovu (událost `consent.changed`).
-- Ohrožení života nebo zdraví dovoluje sdílet bez souhlasu jen s uvedenými aktéry, k uvedeným
-- účelům a jen po dobu `emergency_valid_for`; vedoucí odboru se o něm dozví hned.
-- Kdo souhlas, odvolání nebo ohrožení zaznamenal, je ten, kdo krok poslal (`event.by`), nikdy
-- jméno ve formuláři.

-- Druhy aktérů adresáře (engine/directory.h), pro souhlas všem aktérům jednoho druhu.
local kinds = {
  { value = "health", label = "Zdravotnictví" },
  { value = "social_services", label = "Sociální služby" },
  { value = "labour_office", label = "Úřad práce" },
  { value = "housing", label = "Bydlení" },
  { value = "debt_advice", label = "Dluhové poradenství" },
  { value = "family", label = "Rodina a blízcí" },
  { value = "school", label = "Školství" },
  { value = "police", label = "Policie" },
  { value = "municipality", label = "Obec" },
  { value = "other", label = "Ostatní" },
}

local purposes = {
  name = "purposes", type = "choices", label = "Účely", required = true,
  help = "Sdílí se jen to, co je pro vybraný účel nezbytné.",
  options = { { value = "conference", label = "Případové setkání a záznam z něj" },
              { value = "plan", label = "Individuální plán a jeho kroky" },
              { value = "coordination", label = "Koordinace podpory (kontakt, zprávy o průběhu)" } },
}

-- Příjemci, které formulář jmenuje, tak jak je jmenují souhlasy a odvolání: "actor:…" a "kind:…".
local function recipients(payload)
  local names = {}
  for _, row in ipairs(payload.actors or {}) do
    names[#names + 1] = { recipient = row.actor, purposes = row.purposes }
  end
  for _, row in ipairs(payload.kinds or {}) do
    names[#names + 1] = { recipient = "kind:" .. row.kind, purposes = row.purposes }
  end
  return names
end

-- Zaznamenaný souhlas: jen jmenovaní příjemci s vybranými účely; dřívější odvolání zůstávají.
local function recorded(case, event)
  local p = event.payload
  local grants = {}
  if p.status ~= "refused" then
    for _, g in ipairs(recipients(p)) do
      grants[#grants + 1] = { recipient = g.recipient, purposes = g.purposes, given = event.at }
    end
  end
  return { status = p.status, manner = p.manner, grants = grants,
           revocations = (case.data.consent or {}).revocations or {},
           recorded_by = event.by.actor, recorded_at = event.at }
end

-- Souhlas po odvolání: odvolání se zapíše (pravidla sdílení mu dají přednost před každým
-- dřívějším souhlasem, i udělenému druhu aktérů), souhlasy se stejným jménem se odeberou.
local function revoked(consent, event)
  local names = {}
  for _, r in ipairs(recipients(event.payload)) do names[#names + 1] = r.recipient end
  if #names == 0 then names = { "*" } end
  local gone = {}
  for _, name in ipairs(names) do gone[name] = true end
  local grants = {}
  if not gone["*"] then
    for _, g in ipairs(consent.grants or {}) do
      if not gone[g.recipient] then grants[#grants + 1] = g end
    end
  end
  local revocations = consent.revocations or {}
  for _, name in ipairs(names) do
    revocations[#revocations + 1] = { recipient = name, at = event.at, by = event.by.actor }
  end
  consent.status = #grants == 0 and "revoked" or "given_in_part"
  consent.grants = grants
  consent.revocations = revocations
  return consent
end

-- Ohrožení života nebo zdraví, jak je čtou pravidla sdílení: důvod, aktéři, účely; `expired`
-- nastaví časovač po uplynutí doby platnosti.
local function emergency(event)
  local p = event.payload
  local actors = {}
  for _, row in ipairs(p.actors) do actors[#actors + 1] = row.actor end
  return { reason = p.reason, recipients = actors, purposes = p.purposes, at = event.at,
           by = event.by.actor, expired = false }
end

return workflow {
  name = "consent",
  title = "Souhlas se sdílením informací",
  owns = { "consent", "emergency" },
  events = {
    ["consent.recorded"] = {
      title = "Zaznamenat informovaný souhlas", by = { "social_worker", "case_manager" },
      form = {
        { name = "status", type = "choice", label = "Souhlas klienta", required = true,
          options = { { value = "given", label = "Udělen" },
                      { value = "given_in_part", label = "Udělen zčásti" },
                      { value = "refused", label = "Odmítnut" } } },
        { name = "manner", type = "choice", label = "Forma", required = true,
          options = { { value = "written", label = "Písemně" },
                      { value = "oral", label = "Ústně" } } },
        { name = "actors", type = "rows", label = "Aktéři z adresáře, kterým souhlas platí",
          fields = { { name = "actor", type = "actor", label = "Aktér", required = true },
                     purposes } },
        { name = "kinds", type = "rows", label = "Druhy aktérů, kterým souhlas platí",
          help = "Souhlas platí jen aktérům a druhům aktérů, které zde uvedete, a jen k vybraným účelům.",
          fields = { { name = "kind", type = "choice", label = "Druh aktéra", required = true,
                       options = kinds },
                     purposes } },
      },
    },
    ["consent.revoked"] = {
      title = "Zaznamenat odvolání souhlasu", by = { "social_worker", "case_manager", "coordinator" },
      form = {
        { name = "actors", type = "rows", label = "Odvolává se pro aktéry",
          fields = { { name = "actor", type = "actor", label = "Aktér", required = true } } },
        { name = "kinds", type = "rows", label = "Odvolává se pro druhy aktérů",
          help = "Nevyplníte-li aktéry ani druhy, klient odvolává souhlas celý.",
          fields = { { name = "kind", type = "choice", label = "Druh aktéra", required = true,
                       options = kinds } } },
      },
    },
    ["emergency.recorded"] = {
      title = "Zaznamenat ohrožení života nebo zdraví",
      by = { "social_worker", "case_manager", "coordinator" },
      form = {
        { name = "reason", type = "long_text", label = "Důvod sdílení bez souhlasu", required = true,
          help = "Sdílí se jen to, co je k odvrácení ohrožení nezbytné." },
        { name = "actors", type = "rows", label = "Aktéři, kterým je nutné informace sdělit",
          min_rows = 1,
          fields = { { name = "actor", type = "actor", label = "Aktér", required = true } } },
        purposes,
      },
    },
  },
  params = {
    emergency_valid_for = "3 days",  -- jak dlouho smí sdílení bez souhlasu trvat
  },
  templates = {
    emergency_recorded = {
      title = "Ohrožení života nebo zdraví", urgent = true,
      body = "U případu {case} bylo zaznamenáno ohrožení života nebo zdraví. Informace se bez " ..
             "souhlasu klienta sdílejí jen s uvedenými aktéry, k uvedeným účelům a po omezenou " ..
             "dobu. Odkaz: {link}",
    },
    consent_revoked = {
      title = "Klient odvolal souhlas", urgent = true,
      body = "U případu {case} klient odvolal souhlas se sdílením informací; komu už informace "
             .. "nesmějí odejít, uvádí spis případu v části Informovaný souhlas. Odkaz: {link}",
    },
  },
  initial = "recording",
  states = {
    recording = {
      title = "Evidence souhlasu",
      on = {
        -- souhlas platí jen těm, které jmenuje; bez příjemců jej nelze zaznamenat jako udělený
        ["consent.recorded"] = {
          when = function(case, event)
            return event.payload.status == "refused" or #recipients(event.payload) > 0
          end,
          run = function(case, event) return set { consent = recorded(case, event) } end,
        },
        -- bez aktérů a druhů: celý souhlas; vhodnost se posoudí znovu
        ["consent.revoked"] = {
          when = function(case, event) return case.data.consent ~= nil end,
          run = function(case, event)
            return {
              set { consent = revoked(case.data.consent, event) },
              notify { to = { "case_manager", "coordinator" }, template = "consent_revoked" },
              emit { event = "consent.changed" },
            }
          end,
        },
        -- jen uvedení aktéři a účely, jen po dobu emergency_valid_for; vedoucí odboru ví hned
        ["emergency.recorded"] = {
          run = {
            function(case, event) return set { emergency = emergency(event) } end,
            timer { key = "emergency_expires", after = "emergency_valid_for" },
            notify { to = "head", template = "emergency_recorded" },
          },
        },
        ["timer.emergency_expires"] = { run = set { ["emergency.expired"] = true } },
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
