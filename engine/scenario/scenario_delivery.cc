#include "engine/scenario/scenario_delivery.h"

#include <utility>
#include <vector>

#include "engine/notify/recipients.h"

namespace souhra {
namespace {

constexpr int kBatch = 100;

Status ReadOnly() { return InvalidArgument("a scenario's directory is read-only"); }

}  // namespace

// The scenario's actors, each reachable by e-mail; no tenant settings and no users, so users
// get their inbox only.
class ScenarioDelivery::DeclaredActors : public souhra::Directory {
 public:
  explicit DeclaredActors(const Scenario& scenario) : scenario_(scenario) {}

  Result<std::optional<TenantRecord>> GetTenant(const std::string&) override {
    return std::optional<TenantRecord>();
  }
  Result<std::vector<TenantRecord>> ListTenants() override { return std::vector<TenantRecord>(); }
  Status PutTenant(const TenantRecord&) override { return ReadOnly(); }
  Result<std::optional<UserRecord>> GetUser(const std::string&, const std::string&) override {
    return std::optional<UserRecord>();
  }
  Result<std::vector<UserRecord>> ListUsers(const std::string&) override {
    return std::vector<UserRecord>();
  }
  Status PutUser(const UserRecord&) override { return ReadOnly(); }

  Result<std::optional<ActorRecord>> GetActor(const std::string& tenant,
                                              const std::string& id) override {
    auto found = scenario_.actors.find(id);
    if (tenant != scenario_.tenant || found == scenario_.actors.end()) {
      return std::optional<ActorRecord>();
    }
    return std::optional<ActorRecord>(Record(id, found->second));
  }
  Result<std::vector<ActorRecord>> ListActors(const std::string& tenant) override {
    std::vector<ActorRecord> actors;
    if (tenant != scenario_.tenant) return actors;
    for (const auto& [id, actor] : scenario_.actors) actors.push_back(Record(id, actor));
    return actors;
  }
  Status PutActor(const ActorRecord&) override { return ReadOnly(); }

 private:
  ActorRecord Record(const std::string& id, const ScenarioDirectoryActor& actor) const {
    ActorRecord record;
    record.tenant = scenario_.tenant;
    record.id = id;
    record.name = actor.name;
    record.organisation = actor.name;
    record.kind = actor.kind;
    record.email = id + "@scenario.invalid";
    return record;
  }

  const Scenario& scenario_;
};

// A channel that takes every delivery and keeps nothing.
class ScenarioDelivery::NullChannel : public Notifier {
 public:
  explicit NullChannel(std::string name) : name_(std::move(name)) {}
  const std::string& channel() const override { return name_; }
  Status Deliver(const Delivery&) override { return Status::Ok(); }

 private:
  std::string name_;
};

ScenarioDelivery::ScenarioDelivery(const Scenario& scenario, Store& store, Engine& engine,
                                   const Clock& clock, const TimeFormatter& format,
                                   SandboxLimits limits)
    : scenario_(scenario),
      store_(store),
      clock_(clock),
      directory_(std::make_unique<DeclaredActors>(scenario)),
      inbox_(std::make_unique<NullChannel>("inbox")),
      email_(std::make_unique<NullChannel>("email")),
      webhook_(std::make_unique<NullChannel>("webhook")),
      sharing_(store, store, limits) {
  DispatchOptions options;
  options.batch = kBatch;
  options.format_time = format;
  options.check_sharing = [this](CaseId id, const SharingRequest& request) {
    return sharing_.Check(id, request);
  };
  dispatcher_ = std::make_unique<OutboxDispatcher>(
      store, engine, *directory_, clock,
      std::vector<Notifier*>{inbox_.get(), email_.get(), webhook_.get()}, std::move(options));
}

ScenarioDelivery::~ScenarioDelivery() = default;

Result<std::string> ScenarioDelivery::DeliverDue() {
  // Each pass takes the messages due now; a failed one waits for its backoff, so this ends.
  for (;;) {
    SOUHRA_ASSIGN_OR_RETURN(std::vector<OutboxRecord> due, store_.DueOutbox(clock_.Now(), kBatch));
    for (const OutboxRecord& message : due) {
      SOUHRA_ASSIGN_OR_RETURN(std::string problem, Problem(message));
      if (!problem.empty()) return problem;
    }
    SOUHRA_ASSIGN_OR_RETURN(int taken, dispatcher_->DeliverDue());
    if (taken < kBatch) return std::string();
  }
}

Result<std::string> ScenarioDelivery::Problem(const OutboxRecord& message) {
  std::optional<std::string> actor = ActorOf(message.recipient);
  if (!actor || !message.channel.empty()) return std::string();
  if (!scenario_.actors.count(*actor)) {
    return "a message to '" + message.recipient +
           "', an actor the scenario does not declare: add it to the header, actors = { " + *actor +
           " = { kind = \"…\", name = \"…\" } }";
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<DefinitionSource> rules,
                          store_.GetActiveDefinition(scenario_.tenant, kSharingRuleSet));
  if (!rules) {
    return "a message to '" + message.recipient +
           "', but the scenario installs no information rules: add "
           "\"rules/information_sharing.lua\" to its definitions";
  }
  return std::string();
}

}  // namespace souhra
