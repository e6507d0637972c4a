-- Dolní Brod (fictional ORP): clients at risk of losing housing are reviewed every 30 working
-- days; the step grace is shorter, and the review reminder comes 3 working days before.
return extend "individual_plan" {
  title = "Individuální plán (Dolní Brod)",
  params = { review_every = "30 working days", remind_before = "3 working days",
             step_grace = "1 working day" },
}
