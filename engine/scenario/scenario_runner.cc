#include "engine/scenario/scenario_runner.h"

#include <memory>

#include "engine/definitions/definition_extension.h"
#include "engine/runtime/engine.h"
#include "engine/scenario/expectations.h"
#include "engine/scenario/scenario_delivery.h"
#include "engine/time/virtual_clock.h"
#include "engine/time/working_calendar.h"

namespace souhra {
namespace {

EngineOptions EngineOptionsOf(const SimulationOptions& options) {
  EngineOptions engine_options;
  engine_options.limits = options.limits;
  return engine_options;
}

// One run: the wiring and what the steps have learnt so far.
class Runner {
 public:
  Runner(const Scenario& scenario, Store& store, const WorkingCalendar& calendar,
         const SimulationOptions& options)
      : scenario_(scenario),
        store_(store),
        calendar_(calendar),
        options_(options),
        clock_(scenario.start),
        engine_(store, clock_, calendar, EngineOptionsOf(options)),
        format_([&calendar](Instant t) { return FormatCzechDateTime(calendar.ToPrague(t)); }),
        recorder_(store, format_),
        delivery_(scenario, store, engine_, clock_, format_, options.limits) {
    run_.file = scenario.file;
    run_.name = scenario.name;
  }

  Status Install(const DefinitionSourceReader& read) {
    // A tenant's extension is installed over the definition of its name listed before it.
    ExtensionBases bases;
    for (const std::string& path : scenario_.definitions) {
      SOUHRA_ASSIGN_OR_RETURN(std::string source, read(path));
      Result<DefinitionChange> installed =
          engine_.Install(scenario_.tenant, path, bases.Prepare(path, source));
      if (!installed.ok()) return installed.status();
    }
    return Status::Ok();
  }

  // Runs the steps until one fails. Errors are the store's, not the scenario's.
  Result<ScenarioRun> Run() {
    for (const ScenarioStep& step : scenario_.steps) {
      if (OverTimeBudget(step.line)) return std::move(run_);
      // Only `expect { refused = true }` may follow a refused event.
      const auto* expectation = std::get_if<Expectation>(&step.action);
      if (refusal_ && !(expectation && std::holds_alternative<ExpectRefused>(*expectation))) break;
      SOUHRA_RETURN_IF_ERROR(RunStep(step));
      if (run_.failure) return std::move(run_);
    }
    if (refusal_) Fail(refusal_->first, refusal_->second);
    return std::move(run_);
  }

 private:
  Status RunStep(const ScenarioStep& step) {
    if (auto* create = std::get_if<CaseStep>(&step.action)) return CreateCase(step.line, *create);
    if (auto* advance = std::get_if<AdvanceStep>(&step.action)) return Advance(step.line, *advance);
    std::optional<CaseId> id = CaseOf(step);
    if (!id) return Status::Ok();
    if (auto* send = std::get_if<SendStep>(&step.action)) return Send(step.line, *id, *send);
    return Expect(step.line, *id, std::get<Expectation>(step.action));
  }

  // The person a step acts as (ScenarioActor), given the case's data.
  static Actor ActorOf(const ScenarioActor& by, const Json& case_data) {
    if (!by.actor.empty()) return Actor::User(by.actor.substr(5), by.roles);
    if (by.as.empty()) return Actor::System();
    const Json people = case_data.value("people", Json::object());
    std::string login = "scenario." + by.as;
    if (people.is_object() && people.value(by.as, "").starts_with("user:")) {
      login = people.value(by.as, "").substr(5);
    }
    return Actor::User(login, {by.as});
  }

  Status CreateCase(int line, const CaseStep& step) {
    NewCase request{scenario_.tenant, step.code, step.workflow, step.data,
                    ActorOf(step.by, step.data)};
    Result<Applied> created = engine_.CreateCase(request);
    if (!created.ok()) {
      Fail(line, "case '" + step.code + "' could not be created: " + created.status().message());
      return Status::Ok();
    }
    cases_.emplace_back(step.code, created->case_id);
    recorder_.Watch(created->case_id, step.code);
    return Settle(line);
  }

  Status Send(int line, CaseId id, const SendStep& step) {
    EventRequest request;
    request.case_id = id;
    request.type = step.type;
    request.payload = step.payload;
    SOUHRA_ASSIGN_OR_RETURN(std::optional<CaseRecord> c, store_.GetCase(id));
    request.actor = ActorOf(step.by, c ? c->data : Json::object());
    Result<Applied> applied = engine_.Submit(request);
    last_send_ = {true, step.type, !applied.ok()};
    if (applied.ok()) return Settle(line);
    const Status& why = applied.status();
    if (why.code() != StatusCode::kConflict && why.code() != StatusCode::kNotFound &&
        why.code() != StatusCode::kPermissionDenied && why.code() != StatusCode::kInvalidArgument) {
      Fail(line, "event '" + step.type + "' failed: " + why.ToString());
      return Status::Ok();
    }
    // A refused form says which fields to fix, as the web shows them beside the fields.
    std::string reason = why.message();
    for (const FieldError& e : why.field_errors()) reason += " [" + e.field + "] " + e.message;
    recorder_.Note(clock_.Now(), line, "událost " + step.type + " odmítnuta: " + reason, false,
                   &run_.timeline);
    refusal_ = {line, "event '" + step.type + "' was refused: " + reason};
    return Status::Ok();
  }

  // Records what the step did, then delivers the messages due as production would (the
  // information rules decide what goes to actors) and records what that added to the history.
  Status Settle(int line) {
    SOUHRA_RETURN_IF_ERROR(recorder_.Observe(clock_.Now(), line, &run_.timeline));
    SOUHRA_ASSIGN_OR_RETURN(std::string problem, delivery_.DeliverDue());
    if (!problem.empty()) {
      Fail(line, problem);
      return Status::Ok();
    }
    return recorder_.Observe(clock_.Now(), line, &run_.timeline);
  }

  // Moves the clock to each pending timer's due time in turn, fires it, and ends at the target.
  Status Advance(int line, const AdvanceStep& step) {
    SOUHRA_ASSIGN_OR_RETURN(DueDate target,
                            calendar_.Add(clock_.Now(), step.duration, scenario_.tenant));
    recorder_.Note(clock_.Now(), line,
                   "posun času o " + step.duration.text + ", do " + format_(target.due), false,
                   &run_.timeline);
    SOUHRA_ASSIGN_OR_RETURN(std::vector<IncidentRecord> known, store_.ListIncidents(true));
    for (int firings = 0;; ++firings) {
      SOUHRA_ASSIGN_OR_RETURN(std::vector<TimerRecord> next, store_.DueTimers(target.due, 1));
      if (next.empty()) break;
      if (firings == options_.max_firings_per_advance) {
        Fail(line, "more than " + std::to_string(firings) + " timers fired in one advance");
        return Status::Ok();
      }
      if (OverTimeBudget(line)) return Status::Ok();
      if (next.front().due > clock_.Now()) clock_.Set(next.front().due);
      // A timer whose script failed counts as fired: its incident is looked for below.
      SOUHRA_RETURN_IF_ERROR(engine_.FireDueTimers(1).status());
      SOUHRA_RETURN_IF_ERROR(Settle(line));
      if (run_.failure) return Status::Ok();
      SOUHRA_ASSIGN_OR_RETURN(std::vector<IncidentRecord> open, store_.ListIncidents(true));
      if (open.size() > known.size()) {
        const IncidentRecord& incident = open.back();
        Fail(line, "event '" + incident.event.type + "' failed: " + incident.error);
        return Status::Ok();
      }
    }
    clock_.Set(target.due);
    return Settle(line);
  }

  Status Expect(int line, CaseId id, const Expectation& expectation) {
    SOUHRA_ASSIGN_OR_RETURN(Verdict verdict, Check(store_, id, expectation, last_send_, format_));
    if (!verdict.passed) {
      Fail(line, verdict.text);
      return Status::Ok();
    }
    if (std::holds_alternative<ExpectRefused>(expectation)) refusal_.reset();
    recorder_.Note(clock_.Now(), line, "OK: " + verdict.text, false, &run_.timeline);
    return Status::Ok();
  }

  // The case a step is about; records a failure and returns nothing when there is none.
  std::optional<CaseId> CaseOf(const ScenarioStep& step) {
    for (auto it = cases_.rbegin(); it != cases_.rend(); ++it) {
      if (step.case_code.empty() || it->first == step.case_code) return it->second;
    }
    Fail(step.line, step.case_code.empty()
                        ? "no case yet: create one first with case { code = …, workflow = … }"
                        : "no case '" + step.case_code + "' in this scenario");
    return std::nullopt;
  }

  // Records the failure at `line` once the run has taken longer than its budget.
  bool OverTimeBudget(int line) {
    if (!options_.time_budget) return false;
    if (std::chrono::steady_clock::now() - started_ < *options_.time_budget) return false;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*options_.time_budget);
    Fail(line, "the run took longer than its limit of " + std::to_string(seconds.count()) +
                   " s: shorten the scenario or its advances of time");
    return true;
  }

  void Fail(int line, std::string message) {
    recorder_.Note(clock_.Now(), line, "CHYBA: " + message, true, &run_.timeline);
    run_.failure = run_.timeline.back();
    run_.failure->text = std::move(message);
  }

  const Scenario& scenario_;
  Store& store_;
  const WorkingCalendar& calendar_;
  const SimulationOptions& options_;
  VirtualClock clock_;
  Engine engine_;
  TimeFormatter format_;
  TimelineRecorder recorder_;
  ScenarioDelivery delivery_;
  ScenarioRun run_;
  std::vector<std::pair<std::string, CaseId>> cases_;  // code, id; in creation order
  LastSend last_send_;
  std::optional<std::pair<int, std::string>> refusal_;  // an unexpected refusal: line, message
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace

std::string ScenarioRun::FailureMessage() const {
  if (!failure) return "";
  return SourcePos{file, failure->line}.ToString() + ": " + failure->text;
}

Result<ScenarioRun> RunScenario(const Scenario& scenario, Store& store,
                                const DefinitionSourceReader& read,
                                const SimulationOptions& options) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<WorkingCalendar> calendar, WorkingCalendar::Create());
  Runner runner(scenario, store, *calendar, options);
  SOUHRA_RETURN_IF_ERROR(runner.Install(read));
  return runner.Run();
}

}  // namespace souhra
