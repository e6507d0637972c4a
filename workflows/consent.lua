-- Informovaný souhlas (informed consent to sharing information), for the whole life of a case.
-- Keeps case data `consent` in the shape rules/information_sharing.lua and the notification
-- dispatcher read:
--   consent = { status = "given" | "given_in_part" | "refused" | "revoked",
--               manner = "written" | "oral", recorded_by = "user:…", recorded_at = "<ISO>",
--               grants = { { recipient = "actor:…" | "kind:…" | "kind:*", purposes = { … },
--                            given = "<ISO>" }, … },
--               revocations = { { recipient = "actor:…" | "kind:…" | "*", at = "<ISO>",
--                                 by = "user:…" }, … } }
--   emergency = { reason, at, by }   -- sharing without consent: life or health at risk
-- Who recorded a consent, a revocation or an emergency is the person who sent the step
-- (`event.by`), never a name in the form. A revocation takes effect at once: the matching grants
-- are removed with the same event.

-- Kinds of actors of the directory (engine/directory.h), for grants to every actor of a kind.
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
  name = "purposes", type = "choices", label = "Účely",
  help = "Nevyberete-li žádný, souhlas platí pro všechny účely.",
  options = { { value = "conference", label = "Případové setkání a záznam z něj" },
              { value = "plan", label = "Individuální plán a jeho kroky" },
              { value = "coordination", label = "Koordinace podpory (kontakt, zprávy o průběhu)" } },
}

-- The recipients a form names, as grants and revocations name them: "actor:…" and "kind:…".
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
          help = "Nevyplníte-li aktéry ani druhy, souhlas platí pro všechny zapojené aktéry.",
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
      },
    },
  },
  templates = {
    consent_revoked = {
      title = "Klient odvolal souhlas", urgent = true,
      body = "U případu {case} klient odvolal souhlas se sdílením informací ({recipient}). Odkaz: {link}",
    },
  },
  initial = "recording",
  states = {
    recording = {
      title = "Evidence souhlasu",
      on = {
        -- without actors or kinds a consent given covers every actor ("kind:*")
        ["consent.recorded"] = {
          run = function(case, event)
            local p = event.payload
            local old = case.data.consent or {}
            local grants = {}
            if p.status ~= "refused" then
              local named = recipients(p)
              if #named == 0 then named = { { recipient = "kind:*" } } end
              for _, g in ipairs(named) do
                grants[#grants + 1] = { recipient = g.recipient, purposes = g.purposes,
                                        given = event.at }
              end
            end
            return set { consent = { status = p.status, manner = p.manner, grants = grants,
                                     revocations = old.revocations or {},
                                     recorded_by = event.by.actor, recorded_at = event.at } }
          end,
        },
        -- without actors or kinds: all of it
        ["consent.revoked"] = {
          when = function(case, event) return case.data.consent ~= nil end,
          run = function(case, event)
            local consent = case.data.consent
            local revoked = {}
            for _, r in ipairs(recipients(event.payload)) do revoked[#revoked + 1] = r.recipient end
            if #revoked == 0 then revoked = { "*" } end
            local gone = {}
            for _, r in ipairs(revoked) do gone[r] = true end
            local grants = {}
            if not gone["*"] then
              for _, g in ipairs(consent.grants or {}) do
                if not gone[g.recipient] then grants[#grants + 1] = g end
              end
            end
            local revocations = consent.revocations or {}
            for _, r in ipairs(revoked) do
              revocations[#revocations + 1] = { recipient = r, at = event.at, by = event.by.actor }
            end
            consent.status = #grants == 0 and "revoked" or "given_in_part"
            consent.grants = grants
            consent.revocations = revocations
            return {
              set { consent = consent },
              notify { to = { "case_manager", "coordinator" }, template = "consent_revoked" },
            }
          end,
        },
        ["emergency.recorded"] = {
          run = function(case, event)
            return set { emergency = { reason = event.payload.reason, at = event.at,
                                       by = event.by.actor } }
          end,
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
