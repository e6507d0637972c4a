-- Dolní Brod: a first contact within 3 working days, within 4 hours when urgent.
return extend "intake" {
  params = { first_contact = "3 working days", first_contact_urgent = "4 hours" },
}
