-- Sdílení informací s externími aktéry (kapitola 5.1 metodiky MPSV, soubor seeds/002_*).
--
-- Metodika říká: sdílení vychází ze souhlasu, který klient dává na začátku spolupráce a který
-- může kdykoli odvolat; sdílí se jen informace pro daný účel nezbytné a jen konkrétnímu
-- odborníkovi, kterého se týkají; bez souhlasu jen tehdy, je-li ohrožen život nebo zdraví klienta
-- či jiných osob, a to v nezbytném rozsahu. Jiný důvod (např. „obecný souhlas mezi sociálními
-- pracovníky“) metodika nezná, proto jej tato pravidla nemají.
--
-- Ptá se na ně odesílání oznámení dřív, než cokoli o klientovi opustí úřad (e-mail, webhook,
-- pozvánka aktérovi). Třetí argument každé kontroly je dotaz:
--   { recipient = "actor:charita", kind = "social_services", purpose = "conference",
--     name = "Charita Frýdek-Místek" }
-- decide = "any": sdílet lze, platí-li aspoň jeden důvod; jinak se odmítne a zdůvodnění řeknou proč.
--
-- Čte tato data případu, která zapisuje workflows/consent.lua:
--   consent   = { status = "given" | "given_in_part" | "refused" | "revoked",
--                 grants = { { recipient = "actor:charita" | "kind:health",
--                              purposes = { "conference", "plan", ... }, given = "<ISO>" }, ... },
--                 revocations = { { recipient = "actor:..." | "kind:..." | "*", at = "<ISO>" } } }
--   emergency = { reason = "...", recipients = { "actor:..." }, purposes = { ... },
--                 at = "<ISO>", by = "user:...", expired = true (po uplynutí doby platnosti) }
-- Starší záznamy mohou mít souhlas bez účelů (platí pro všechny účely) nebo pro "kind:*".

local purpose_names = {
  conference = "případové setkání",
  plan = "individuální plán",
  coordination = "koordinace podpory",
}

local function purpose_name(purpose)
  if purpose == nil or purpose == "" then return "neuvedený účel" end
  return purpose_names[purpose] or purpose
end

-- Příjemce, jak jej čte člověk: jméno z adresáře, jinak aspoň „aktér z adresáře“.
local function recipient_name(request)
  if request.name ~= nil and request.name ~= "" then return request.name end
  return "aktér z adresáře"
end

local function listed(list, value)
  for _, item in ipairs(list or {}) do
    if item == value then return true end
  end
  return false
end

local function consent_usable(consent)
  return consent ~= nil and (consent.status == "given" or consent.status == "given_in_part")
end

local function covers_purpose(grant, purpose)
  return grant.purposes == nil or listed(grant.purposes, purpose)
end

local function names_recipient(name, request)
  return name == request.recipient or name == "kind:" .. (request.kind or "") or name == "kind:*"
end

-- Odvolání má přednost před každým dřívějším souhlasem, ať jmenoval aktéra, jeho druh, nebo
-- všechny: platí jen souhlas udělený až po posledním odvolání, které se příjemce týká.
local function revoked(consent, grant, request)
  for _, r in ipairs(consent.revocations or {}) do
    local concerns = r.recipient == "*" or names_recipient(r.recipient, request)
    if concerns and (grant.given == nil or r.at == nil or r.at >= grant.given) then
      return true
    end
  end
  return false
end

local function why_not(consent)
  if consent == nil then return "Klient nedal souhlas se sdílením informací." end
  if consent.status == "refused" then return "Klient sdílení informací odmítl." end
  if consent.status == "revoked" then return "Klient souhlas se sdílením informací odvolal." end
  return nil
end

return rules {
  name = "information_sharing",
  title = "Sdílení informací s externími aktéry",
  decide = "any",
  criteria = {
    criterion {
      id = "consent", title = "Souhlas klienta pro tohoto aktéra a účel",
      check = function(case, params, request)
        local consent = case.data.consent
        if not consent_usable(consent) then return false, why_not(consent) end
        local withdrawn = false
        for _, grant in ipairs(consent.grants or {}) do
          if names_recipient(grant.recipient, request) and covers_purpose(grant, request.purpose) then
            if not revoked(consent, grant, request) then
              return true, "příjemce: " .. recipient_name(request) .. ", účel: " ..
                  purpose_name(request.purpose)
            end
            withdrawn = true
          end
        end
        if withdrawn then
          return false, "Klient souhlas se sdílením odvolal (příjemce: " ..
              recipient_name(request) .. ")."
        end
        return false, "Souhlas klienta se nevztahuje na tohoto příjemce a účel (příjemce: " ..
            recipient_name(request) .. ", účel: " .. purpose_name(request.purpose) .. ")."
      end,
    },
    criterion {
      id = "emergency", title = "Ohrožení života nebo zdraví",
      check = function(case, params, request)
        local e = case.data.emergency
        if type(e) ~= "table" or e.reason == nil or e.reason == "" then
          return false, "Není zaznamenáno ohrožení života nebo zdraví."
        end
        if e.expired then
          return false, "Doba, po kterou šlo kvůli ohrožení života nebo zdraví sdílet bez " ..
              "souhlasu, uplynula."
        end
        if not listed(e.recipients, request.recipient) or not listed(e.purposes, request.purpose) then
          return false, "Ohrožení života nebo zdraví dovoluje sdílet jen s uvedenými aktéry " ..
              "k uvedeným účelům (příjemce: " .. recipient_name(request) .. ", účel: " ..
              purpose_name(request.purpose) .. ")."
        end
        return true, "důvod: „" .. e.reason .. "“; sdílí se jen nezbytné, příjemce: " ..
            recipient_name(request) .. ", účel: " .. purpose_name(request.purpose)
      end,
    },
  },
}
