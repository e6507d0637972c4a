-- Vhodnost pro case management (eligibility for case management).
--
-- Reads these fields of case.data, filled in from the needs questionnaire (dotazník potřeb):
--   problem_areas      list of strings: housing, debts, health, mental_health, addiction,
--                      self_care, legal, income
--   expected_months    number: how long cooperation is expected to last
--   actors_needed      number: professionals or services the situation needs
--   support            "none" | "weak" | "strong": support from family and services
--   can_solve_alone    boolean
--   worsening          boolean: the situation is getting worse
--   motivated          boolean: the client wants to work on it
--   consent            { status = "given" | "given_in_part" | … } (workflows/consent.lua), or
--   consent_sharing    boolean: informed consent to sharing information (informovaný souhlas)
--   emergency          { reason, at, by, expired } or true: life or health at immediate risk
--                      (§ 92 a) zákona 108/2006 Sb.), recorded with a reason
--   housing_at_risk    boolean: the client is at risk of losing housing (another target group)
--
-- A municipality picks its target group by replacing the criterion `target_group` in its own
-- workflows/tenants/<id>/cm_eligibility.lua (`extend "cm_eligibility" { criteria = { … } }`),
-- or changes the age and the thresholds through params.
--   age                number
--   low_income         boolean
return rules {
  name = "cm_eligibility",
  title = "Vhodnost klienta pro case management",
  params = { min_problem_areas = 3, min_months = 6, min_actors = 2, min_age = 55 },
  min_score = 5,
  criteria = {
    criterion {
      id = "multiple_problems", title = "Více problémových oblastí současně", weight = 2,
      check = function(case, params)
        local n = #(case.data.problem_areas or {})
        return n >= params.min_problem_areas, "Počet problémových oblastí: " .. n
      end,
    },
    criterion {
      id = "long_term", title = "Dlouhodobá potřeba spolupráce", weight = 1,
      check = function(case, params)
        return (case.data.expected_months or 0) >= params.min_months
      end,
    },
    criterion {
      id = "several_actors", title = "Potřeba více odborníků a služeb", weight = 1,
      check = function(case, params)
        return (case.data.actors_needed or 0) >= params.min_actors
      end,
    },
    criterion {
      id = "weak_support", title = "Chybí podpora rodiny nebo služeb", weight = 1,
      check = function(case, params)
        return case.data.support == "none" or case.data.support == "weak"
      end,
    },
    criterion {
      id = "unable_alone", title = "Klient situaci nezvládne řešit sám", weight = 1,
      check = function(case, params) return case.data.can_solve_alone == false end,
    },
    criterion {
      id = "worsening", title = "Situace se zhoršuje", weight = 1,
      check = function(case, params) return case.data.worsening == true end,
    },
    criterion {
      id = "motivation", title = "Klient je motivován ke spolupráci", weight = 1,
      check = function(case, params) return case.data.motivated == true end,
    },
    criterion {
      id = "consent", title = "Souhlas se sdílením informací", mandatory = true,
      check = function(case, params)
        local consent = case.data.consent or {}
        if consent.status == "given" then return true, "Souhlas udělen" end
        if consent.status == "given_in_part" then
          return true, "Souhlas udělen zčásti (jen některým aktérům nebo pro některé účely)"
        end
        if case.data.consent_sharing == true then return true, "Souhlas udělen" end
        local emergency = case.data.emergency
        -- ohrožení platí jen po dobu, kterou mu dává workflows/consent.lua (`expired`)
        if emergency == true or (type(emergency) == "table" and emergency.reason
                                 and not emergency.expired) then
          return true, "Bez souhlasu: ohrožení života nebo zdraví, sdílí se jen nezbytné"
        end
        return false, "Chybí informovaný souhlas se sdílením informací"
      end,
    },
    criterion {
      id = "target_group", title = "Cílová skupina: 55+ s nízkým příjmem", weight = 1,
      check = function(case, params)
        local age = case.data.age or 0
        return age >= params.min_age and case.data.low_income == true,
               "Věk " .. age .. (case.data.low_income and ", nízký příjem" or "")
      end,
    },
  },
}
