-- Dolní Brod: the target group is lonely clients with serious health problems at risk of losing
-- housing, at any age.
return extend "cm_eligibility" {
  criteria = {
    criterion {
      id = "target_group", title = "Cílová skupina: ohrožení ztrátou bydlení", weight = 1,
      check = function(case, params)
        if case.data.housing_at_risk == true then return true, "Hrozí ztráta bydlení" end
        return false, "Ztráta bydlení nehrozí"
      end,
    },
  },
}
