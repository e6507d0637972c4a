#include "engine/scenario/scenario_reader.h"

#include <memory>

#include "engine/definitions/diagnostics.h"
#include "engine/definitions/step_reader.h"
#include "engine/lua/lua_sandbox.h"
#include "engine/time/duration_parser.h"

namespace souhra {
namespace {

const std::vector<std::string> kStepNames = {"scenario", "case", "send", "advance", "expect"};
const std::vector<std::string> kExpectKinds = {"state",    "task",    "notification",
                                               "decision", "refused", "data"};

std::optional<Instant> ReadInstant(const Checker& at, const std::string& key) {
  const std::string* text = at.String(key, false);
  if (text == nullptr) return std::nullopt;
  Instant t;
  if (ParseIsoInstant(*text, &t)) return t;
  at.Report(key, "bad time '" + *text + "' (expected e.g. \"2026-04-02T10:00:00+02:00\")");
  return std::nullopt;
}

// actors = { charita = { kind = "health", name = "Charita" }, … }: the directory's actors.
void ReadDirectoryActors(const Checker& at, Scenario* scenario) {
  const Json* actors = at.Table("actors", false);
  if (actors == nullptr) return;
  for (const auto& [id, entry] : actors->items()) {
    if (!entry.is_object()) {
      at.Report("actors", "actor '" + id + "' needs { kind = …, name = … }");
      continue;
    }
    Checker inner{at.sink, entry, at.At("actors"), at.line, at.context + ": actors." + id};
    inner.Keys({"kind", "name"});
    ScenarioDirectoryActor& actor = scenario->actors[id];
    if (const std::string* kind = inner.String("kind", true)) actor.kind = *kind;
    if (const std::string* name = inner.String("name", true)) actor.name = *name;
  }
}

void ReadHeader(const Checker& at, Scenario* scenario) {
  at.Keys({"name", "tenant", "start", "definitions", "actors"});
  ReadDirectoryActors(at, scenario);
  if (const std::string* name = at.String("name", true)) scenario->name = *name;
  if (const std::string* tenant = at.String("tenant", false)) scenario->tenant = *tenant;
  if (std::optional<Instant> start = ReadInstant(at, "start")) scenario->start = *start;
  if (!at.obj.contains("start")) at.Report("", "missing 'start'");
  auto definitions = at.obj.find("definitions");
  if (definitions == at.obj.end() || !definitions->is_array()) {
    at.Report("definitions",
              "'definitions' must list files, e.g. { \"workflows/plan_review.lua\" }");
    return;
  }
  for (const Json& path : *definitions) {
    if (path.is_string())
      scenario->definitions.push_back(path.get<std::string>());
    else
      at.Report("definitions", "a definition must be a file path, not a " + LuaTypeName(path));
  }
}

ScenarioActor ReadActor(const Checker& at) {
  ScenarioActor by;
  if (const std::string* as = at.String("as", false)) by.as = *as;
  if (const std::string* actor = at.String("actor", false)) by.actor = *actor;
  if (!by.as.empty() && !KnownRoles().count(by.as)) {
    const std::vector<std::string> roles(KnownRoles().begin(), KnownRoles().end());
    at.Report("as", "unknown role '" + by.as + "'" + Suggestion(by.as, roles));
  }
  if (!by.as.empty() && !by.actor.empty()) at.Report("", "give either 'as' or 'actor', not both");
  if (!by.actor.empty() && !by.actor.starts_with("user:")) {
    at.Report("actor", "'actor' names a user: \"user:<login>\"");
  }
  by.roles = ReadRoles(at, "roles");
  return by;
}

std::optional<ScenarioStep::Action> ReadCase(const Checker& at) {
  at.Keys({"code", "workflow", "data", "as", "actor", "roles"});
  CaseStep step;
  step.by = ReadActor(at);
  const std::string* code = at.String("code", true);
  const std::string* workflow = at.String("workflow", true);
  if (const Json* data = at.Table("data", false)) step.data = *data;
  if (code == nullptr || workflow == nullptr) return std::nullopt;
  step.code = *code;
  step.workflow = *workflow;
  return step;
}

std::optional<ScenarioStep::Action> ReadSend(const Checker& at) {
  at.Keys({"1", "payload", "as", "actor", "roles", "case"});
  SendStep step;
  step.by = ReadActor(at);
  if (const Json* payload = at.Table("payload", false)) step.payload = *payload;
  const std::string* type = at.String("1", false);
  if (type == nullptr) {
    at.Report("", "send needs an event type: send { \"task.review.done\" }");
    return std::nullopt;
  }
  step.type = *type;
  return step;
}

std::optional<ScenarioStep::Action> ReadAdvance(const Checker& at) {
  at.Keys({"1"});
  const std::string* text = at.String("1", false);
  if (text == nullptr) {
    at.Report("", "advance needs a duration: advance \"6 working days\"");
    return std::nullopt;
  }
  Result<Duration> duration = ParseDuration(*text);
  if (!duration.ok()) {
    at.Report("", duration.status().message());
    return std::nullopt;
  }
  return AdvanceStep{*duration};
}

Expectation ReadExpectTask(const Checker& at, const std::string& key) {
  ExpectTask task;
  task.key = key;
  task.open = at.Boolean("open", true);
  if (const std::string* assignee = at.String("assignee", false)) task.assignee = *assignee;
  if (const std::string* title = at.String("title", false)) task.title = *title;
  task.due = ReadInstant(at, "due");
  return task;
}

Expectation ReadExpectNotification(const Checker& at) {
  ExpectNotification note;
  if (const Json* match = at.Table("notification", true)) {
    Checker inner{at.sink, *match, at.At("notification"), at.line, at.context + ": notification"};
    inner.Keys({"to", "template", "text", "shared"});
    if (const std::string* to = inner.String("to", false)) note.to = *to;
    if (const std::string* name = inner.String("template", false)) note.template_name = *name;
    if (const std::string* text = inner.String("text", false)) note.text = *text;
    if (match->contains("shared")) note.shared = inner.Boolean("shared", false);
  }
  if (at.obj.contains("count")) note.count = static_cast<int>(at.Number("count", 0));
  return note;
}

Expectation ReadExpectDecision(const Checker& at) {
  ExpectDecision decision;
  if (const Json* match = at.Table("decision", true)) {
    Checker inner{at.sink, *match, at.At("decision"), at.line, at.context + ": decision"};
    inner.Keys({"rules", "eligible", "score"});
    if (const std::string* rules = inner.String("rules", true)) decision.rules = *rules;
    if (match->contains("eligible")) decision.eligible = inner.Boolean("eligible", false);
    if (match->contains("score")) decision.score = inner.Number("score", 0);
  }
  return decision;
}

// The modifiers each kind of expectation accepts besides its own key and `case`.
std::vector<std::string> ExpectKeys(const std::string& kind) {
  std::vector<std::string> keys = {kind, "case"};
  if (kind == "state") keys.push_back("workflow");
  if (kind == "task") keys.insert(keys.end(), {"open", "assignee", "due", "title"});
  if (kind == "notification") keys.push_back("count");
  return keys;
}

std::optional<ScenarioStep::Action> ReadExpect(const Checker& at) {
  std::vector<std::string> kinds;
  for (const std::string& kind : kExpectKinds) {
    if (at.obj.contains(kind)) kinds.push_back(kind);
  }
  if (kinds.size() != 1) {
    at.Report("", "expect needs exactly one of state, task, notification, decision, refused, data");
    return std::nullopt;
  }
  const std::string& kind = kinds.front();
  std::vector<std::string> allowed = ExpectKeys(kind);
  allowed.insert(allowed.end(), kExpectKinds.begin(), kExpectKinds.end());
  at.Keys(allowed);
  if (kind == "notification") return ReadExpectNotification(at);
  if (kind == "decision") return ReadExpectDecision(at);
  if (kind == "refused") {
    if (!at.Boolean("refused", false))
      at.Report("refused", "only 'refused = true' can be expected");
    return ExpectRefused{};
  }
  if (kind == "data") {
    const Json* fields = at.Table("data", true);
    return ExpectData{fields ? *fields : Json::object()};
  }
  const std::string* name = at.String(kind, true);
  if (name == nullptr) return std::nullopt;
  if (kind == "task") return ReadExpectTask(at, *name);
  return ExpectState{*name, at.obj.value("workflow", "")};
}

// Reads one recorded step into `scenario`. The header must come first, and only once.
void ReadStep(Diagnostics& sink, const Json& recorded, Scenario* scenario, bool* have_header) {
  const std::string kind = KindOf(recorded);
  const int line = LineOf(recorded, 0);
  Checker at{&sink, recorded, {}, line, kind};
  if (kind == "scenario") {
    if (*have_header) at.Report("", "a file holds one scenario");
    ReadHeader(at, scenario);
    *have_header = true;
    return;
  }
  if (!*have_header) {
    at.Report("", "the file must start with scenario { name = …, start = …, definitions = … }");
    *have_header = true;
  }
  ScenarioStep step;
  step.line = line;
  if (kind != "case" && kind != "advance") {
    if (const std::string* code = at.String("case", false)) step.case_code = *code;
  }
  std::optional<ScenarioStep::Action> action;
  if (kind == "case") action = ReadCase(at);
  if (kind == "send") action = ReadSend(at);
  if (kind == "advance") action = ReadAdvance(at);
  if (kind == "expect") action = ReadExpect(at);
  if (action) {
    step.action = std::move(*action);
    scenario->steps.push_back(std::move(step));
  }
}

}  // namespace

Result<Scenario> ReadScenario(const std::string& file, const std::string& source,
                              const SandboxLimits& limits, std::vector<Diagnostic>* diagnostics) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<LuaSandbox> sandbox,
                          LuaSandbox::Create(limits.memory_bytes, limits.instructions));
  for (const std::string& name : kStepNames) SOUHRA_RETURN_IF_ERROR(sandbox->AddRecorder(name));
  Diagnostics sink(file, nullptr);
  Scenario scenario;
  scenario.file = file;
  SOUHRA_ASSIGN_OR_RETURN(Json returned, sandbox->RunFile(file, source));
  SOUHRA_ASSIGN_OR_RETURN(Json recorded, sandbox->TakeRecorded());
  if (!returned.is_null()) sink.AddAt(0, "a scenario file returns nothing; it lists steps");
  bool have_header = false;
  for (const Json& step : recorded) ReadStep(sink, step, &scenario, &have_header);
  if (!have_header) sink.AddAt(1, "no scenario { … } in the file");
  if (sink.empty()) return scenario;
  std::string message;
  for (const Diagnostic& d : sink.Sorted()) {
    message += (message.empty() ? "" : "\n") + d.ToString();
    if (diagnostics) diagnostics->push_back(d);
  }
  return InvalidArgument(message);
}

}  // namespace souhra
