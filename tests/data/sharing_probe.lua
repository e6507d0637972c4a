-- Malé workflow pro scénáře pravidel sdílení informací (rules/information_sharing.lua): každý
-- krok pošle jednu zprávu jednomu aktérovi k jednomu účelu; souhlas a ohrožení zapisuje
-- workflows/consent.lua, které se spouští se založením případu.
return workflow {
  name = "sharing_probe",
  title = "Zkouška sdílení informací",
  templates = {
    message = { title = "Zpráva k případu {case}", body = "Dobrý den, posíláme zprávu k případu {case}." },
  },
  initial = "open",
  states = {
    open = {
      title = "Otevřeno",
      enter = start { workflow = "consent" },
      on = {
        ["probe.charita_conference"] = {
          run = notify { to = "actor:charita", template = "message", purpose = "conference" } },
        ["probe.charita_plan"] = {
          run = notify { to = "actor:charita", template = "message", purpose = "plan" } },
        ["probe.up_plan"] = {
          run = notify { to = "actor:up", template = "message", purpose = "plan" } },
        ["probe.mudr_coordination"] = {
          run = notify { to = "actor:mudr", template = "message", purpose = "coordination" } },
        ["probe.mudr_conference"] = {
          run = notify { to = "actor:mudr", template = "message", purpose = "conference" } },
      },
    },
  },
}
