// Who holds a role on a case, and the Czech refusals of a step or a task taken by someone else.
#include "engine/runtime/permissions.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

const Json kCase = {{"people", {{"coordinator", "user:svoboda"}, {"case_manager", ""}}}};

TEST(Permissions, ARoleTheCaseNamesSomeoneForIsHeldOnlyByThem) {
  EXPECT_TRUE(HoldsRole(Actor::User("svoboda", {"coordinator"}), kCase, "coordinator"));
  EXPECT_TRUE(HoldsRole(Actor::User("svoboda", {}), kCase, "coordinator"));
  EXPECT_FALSE(HoldsRole(Actor::User("kral", {"coordinator"}), kCase, "coordinator"));
}

TEST(Permissions, ARoleTheCaseNamesNobodyForIsHeldByItsHoldersInTheMunicipality) {
  EXPECT_TRUE(HoldsRole(Actor::User("cerna", {"head"}), kCase, "head"));
  EXPECT_TRUE(HoldsRole(Actor::Token("novakova", {"case_manager"}), kCase, "case_manager"));
  EXPECT_FALSE(HoldsRole(Actor::User("novakova", {"social_worker"}), kCase, "case_manager"));
  EXPECT_FALSE(HoldsRole(Actor::System(), kCase, "head"));
}

TEST(Permissions, ARefusedTaskNamesWhoseItIs) {
  TaskRecord task;
  task.title = "Převzít eskalaci";
  task.assignee = "coordinator";
  task.done_by = {"head"};
  const Actor manager = Actor::User("novakova", {"case_manager"});
  EXPECT_EQ(MayCompleteTask(manager, kCase, task).message(),
            "Úkol „Převzít eskalaci“ dokončuje koordinátor podpory nebo vedoucí odboru případu.");
  EXPECT_TRUE(MayCompleteTask(Actor::User("cerna", {"head"}), kCase, task).ok());
  task.assignee = "user:dvorakova";
  EXPECT_EQ(MayCompleteTask(manager, kCase, task).message(),
            "Úkol „Převzít eskalaci“ dokončuje ten, komu byl přidělen, nebo vedoucí odboru "
            "případu.");
  task.done_by.clear();
  EXPECT_EQ(MayCompleteTask(manager, kCase, task).message(),
            "Úkol „Převzít eskalaci“ dokončuje ten, komu byl přidělen.");
  EXPECT_TRUE(MayCompleteTask(Actor::User("dvorakova", {}), kCase, task).ok());
  EXPECT_TRUE(MayCompleteTask(Actor::System(), kCase, task).ok());
}

TEST(Permissions, ARefusedStepSaysWhoTakesIt) {
  StepDeclaration step;
  step.title = "Zaznamenat souhlas";
  step.by = {"social_worker", "case_manager", "coordinator"};
  EXPECT_EQ(MayTakeStep(Actor::User("cerna", {"head"}), kCase, step).message(),
            "Krok „Zaznamenat souhlas“ provádí sociální pracovník, case manager nebo koordinátor "
            "podpory případu.");
}

}  // namespace
}  // namespace souhra
