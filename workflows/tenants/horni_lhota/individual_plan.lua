-- Horní Lhota (fictional ORP): reviews every 60 working days, a week's notice before.
return extend "individual_plan" {
  params = { review_every = "60 working days", remind_before = "5 working days" },
}
