-- Horní Lhota: the target group of both pilot ORPs, people over 55 on low income.
return extend "cm_eligibility" {
  params = { min_age = 55 },
}
