// The directory in SQLite: tenants, users with roles, actors; shared file with the store.
#include "adapters/sqlite/directory_store.h"

#include <gtest/gtest.h>

#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

UserRecord User(const std::string& login, std::vector<std::string> roles) {
  UserRecord user;
  user.tenant = "frydek";
  user.login = login;
  user.roles = std::move(roles);
  return user;
}

ActorRecord Actor(const std::string& tenant, const std::string& id, const std::string& name,
                  const std::string& organisation) {
  ActorRecord actor;
  actor.tenant = tenant;
  actor.id = id;
  actor.name = name;
  actor.organisation = organisation;
  return actor;
}

class DirectoryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SqliteOptions options;
    options.path = path_;
    auto opened = OpenSqliteDirectory(options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    directory_ = std::move(opened).value();
    ASSERT_TRUE(directory_->PutTenant({"frydek", "Město Frýdek-Místek", {{"base_url", "x"}}}).ok());
  }

  testing::TempDir dir_;
  std::string path_ = dir_.File("souhra.db");
  std::unique_ptr<Directory> directory_;
};

TEST_F(DirectoryStoreTest, KeepsUsersWithTheirRoles) {
  UserRecord user = User("novakova", {"case_manager", "social_worker"});
  user.name = "Jana Nováková";
  ASSERT_TRUE(directory_->PutUser(user).ok());
  auto found = directory_->GetUser("frydek", "novakova");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->name, "Jana Nováková");
  EXPECT_TRUE((*found)->HasRole("case_manager"));
  EXPECT_FALSE((*found)->HasRole("coordinator"));
  EXPECT_FALSE(directory_->GetUser("other", "novakova")->has_value());
}

TEST_F(DirectoryStoreTest, KeepsTheIntegrationFlagAndRefusesAnIntegrationWithAPassword) {
  UserRecord import = User("integrace", {"social_worker"});
  import.integration = true;
  ASSERT_TRUE(directory_->PutUser(import).ok());
  EXPECT_TRUE(directory_->GetUser("frydek", "integrace").value()->integration);
  ASSERT_TRUE(directory_->PutUser(User("novakova", {"case_manager"})).ok());
  EXPECT_FALSE(directory_->GetUser("frydek", "novakova").value()->integration);
  import.password_hash = "$argon2id$…";
  EXPECT_EQ(directory_->PutUser(import).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(directory_->GetUser("frydek", "integrace").value()->password_hash.empty());
}

TEST_F(DirectoryStoreTest, KeepsWhetherTheUserMustChangeTheirPassword) {
  UserRecord user = User("novakova", {"case_manager"});
  user.must_change_password = true;
  ASSERT_TRUE(directory_->PutUser(user).ok());
  EXPECT_TRUE(directory_->GetUser("frydek", "novakova").value()->must_change_password);
  user.must_change_password = false;
  ASSERT_TRUE(directory_->PutUser(user).ok());
  EXPECT_FALSE(directory_->ListUsers("frydek").value()[0].must_change_password);
}

TEST_F(DirectoryStoreTest, RefusesUnknownRolesAndTenants) {
  Status role = directory_->PutUser(User("x", {"boss"}));
  EXPECT_EQ(role.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(role.message().find("boss"), std::string::npos);
  Status tenant = directory_->PutActor(Actor("nowhere", "charita", "", ""));
  EXPECT_EQ(tenant.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(directory_->ListUsers("frydek")->empty());
}

TEST_F(DirectoryStoreTest, ListsActorsByOrganisationAndReplacesById) {
  ASSERT_TRUE(directory_->PutActor(Actor("frydek", "up", "Ing. Malý", "Úřad práce")).ok());
  ActorRecord charita = Actor("frydek", "charita", "Petra", "Charita");
  charita.formal_agreement = true;
  ASSERT_TRUE(directory_->PutActor(charita).ok());
  ASSERT_TRUE(directory_->PutActor(Actor("frydek", "charita", "Petra Malá", "Charita")).ok());
  auto actors = directory_->ListActors("frydek");
  ASSERT_TRUE(actors.ok());
  ASSERT_EQ(actors->size(), 2u);
  EXPECT_EQ((*actors)[0].id, "charita");
  EXPECT_EQ((*actors)[0].name, "Petra Malá");
  EXPECT_FALSE((*actors)[0].formal_agreement);
  EXPECT_EQ((*actors)[1].id, "up");
}

TEST_F(DirectoryStoreTest, SurvivesReopeningAlongsideTheStore) {
  ASSERT_TRUE(directory_->PutUser(User("dvorak", {"coordinator"})).ok());
  directory_.reset();
  SqliteOptions options;
  options.path = path_;
  auto store = OpenSqliteStore(options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto reopened = OpenSqliteDirectory(options);
  ASSERT_TRUE(reopened.ok());
  auto tenants = (*reopened)->ListTenants();
  ASSERT_TRUE(tenants.ok());
  ASSERT_EQ(tenants->size(), 1u);
  EXPECT_EQ((*tenants)[0].settings.value("base_url", ""), "x");
  EXPECT_TRUE((*reopened)->GetUser("frydek", "dvorak")->has_value());
}

}  // namespace
}  // namespace souhra
