-- Sdílení informací s externími aktéry (information sharing with external actors).
--
-- Asked by the outbox before anything about a client leaves the office (an e-mail, a webhook, an
-- invitation to an actor): may this go to that recipient, for this purpose, and why. The third
-- argument of each check is the request:
--   { recipient = "actor:charita", kind = "social_services", purpose = "conference" }
-- decide = "any": sharing is allowed when at least one ground holds; otherwise it is refused and
-- the explanations say why.
--
-- Reads these fields of case.data, written by the process workflows:
--   consent   = { status = "given" | "given_in_part" | "refused" | "revoked",
--                 grants = { { recipient = "actor:charita" | "kind:health" | "kind:*",
--                              purposes = { "conference", "plan", ... } (absent = every purpose),
--                              given = "<ISO time>" }, ... },
--                 revocations = { { recipient = "actor:..." | "kind:..." | "*", at = "<ISO>" } } }
--   emergency = { reason = "...", at = "<ISO>", by = "user:..." }
local function consent_usable(consent)
  return consent ~= nil and (consent.status == "given" or consent.status == "given_in_part")
end

local function covers_purpose(grant, purpose)
  if grant.purposes == nil then return true end
  for _, p in ipairs(grant.purposes) do
    if p == purpose then return true end
  end
  return false
end

-- A revocation later than the grant that names the same recipient (or every one) voids it, even
-- if the workflow has not yet removed the grant.
local function revoked(consent, grant)
  for _, r in ipairs(consent.revocations or {}) do
    if (r.recipient == "*" or r.recipient == grant.recipient)
        and (grant.given == nil or r.at == nil or r.at >= grant.given) then
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
        for _, grant in ipairs(consent.grants or {}) do
          local names = grant.recipient == request.recipient
              or grant.recipient == "kind:" .. (request.kind or "")
              or grant.recipient == "kind:*"
          if names and covers_purpose(grant, request.purpose) and not revoked(consent, grant) then
            return true, "Souhlas pro " .. grant.recipient .. " (účel " .. (request.purpose or "") ..
                ")" .. (grant.given and ", udělen " .. grant.given or "")
          end
        end
        return false, "Souhlas klienta se nevztahuje na " .. request.recipient ..
            " pro účel „" .. (request.purpose or "") .. "“."
      end,
    },
    criterion {
      id = "social_services", title = "Sociální pracovník jiné instituce s obecným souhlasem",
      check = function(case, params, request)
        if request.kind ~= "social_services" then
          return false, "Příjemce není sociální pracovník jiné instituce."
        end
        local consent = case.data.consent
        if not consent_usable(consent) then return false, why_not(consent) end
        for _, grant in ipairs(consent.grants or {}) do
          if grant.recipient == "kind:social_services" and not revoked(consent, grant) then
            return true, "Obecný souhlas se sdílením mezi sociálními pracovníky (metodika MPSV)"
          end
        end
        return false, "Chybí obecný souhlas se sdílením mezi sociálními pracovníky."
      end,
    },
    criterion {
      id = "emergency", title = "Mimořádná situace se zaznamenaným důvodem",
      check = function(case, params, request)
        local e = case.data.emergency
        if e == nil or type(e) ~= "table" or e.reason == nil or e.reason == "" then
          return false, "Není zaznamenána mimořádná situace s důvodem."
        end
        return true, "Mimořádná situace: " .. e.reason ..
            (e.by and " (zaznamenal " .. e.by .. (e.at and ", " .. e.at or "") .. ")" or "")
      end,
    },
  },
}
