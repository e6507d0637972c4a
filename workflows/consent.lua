-- Informovaný souhlas (informed consent to sharing information), for the whole life of a case.
-- Keeps case data `consent` in the shape rules/information_sharing.lua and the notification
-- dispatcher read:
--   consent = { status = "given" | "given_in_part" | "refused" | "revoked",
--               grants = { { recipient = "actor:…" | "kind:…" | "kind:*", purposes = { … },
--                            given = "<ISO>" }, … },
--               revocations = { { recipient = "actor:…" | "kind:…" | "*", at = "<ISO>" }, … } }
--   emergency = { reason, at, by }   -- sharing without consent: life or health at risk
-- A revocation takes effect at once: the matching grants are removed with the same event.
return workflow {
  name = "consent",
  title = "Souhlas se sdílením informací",
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
        -- payload { status, grants = { { recipient, purposes } } }
        ["consent.recorded"] = {
          when = function(case, event)
            local s = event.payload.status
            return s == "given" or s == "given_in_part" or s == "refused"
          end,
          run = function(case, event)
            local old = case.data.consent or {}
            local grants = {}
            if event.payload.status ~= "refused" then
              for _, g in ipairs(event.payload.grants or { { recipient = "kind:*" } }) do
                grants[#grants + 1] = { recipient = g.recipient, purposes = g.purposes,
                                        given = g.given or event.at }
              end
            end
            return set { consent = { status = event.payload.status, grants = grants,
                                     revocations = old.revocations or {} } }
          end,
        },
        -- payload { recipients = { "actor:…", "kind:…" } }; without recipients: all of it
        ["consent.revoked"] = {
          when = function(case, event) return case.data.consent ~= nil end,
          run = function(case, event)
            local consent = case.data.consent
            local revoked = event.payload.recipients or { "*" }
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
              revocations[#revocations + 1] = { recipient = r, at = event.at }
            end
            local status = consent.status
            if #grants == 0 then status = "revoked" else status = "given_in_part" end
            return {
              set { consent = { status = status, grants = grants, revocations = revocations } },
              notify { to = { "case_manager", "coordinator" }, template = "consent_revoked" },
            }
          end,
        },
        -- payload { reason, by }: refused without a reason
        ["emergency.recorded"] = {
          when = function(case, event)
            return type(event.payload.reason) == "string" and #event.payload.reason > 0
          end,
          run = function(case, event)
            return set { emergency = { reason = event.payload.reason, at = event.at,
                                       by = event.payload.by } }
          end,
        },
        ["case.closed"] = { go = "closed" },
      },
    },
    closed = { title = "Ukončeno", final = true },
  },
}
