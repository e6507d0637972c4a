// Seeding the example tenants' directory rows.
#include "app/demo_directory.h"

#include <gtest/gtest.h>

#include "adapters/sqlite/directory_store.h"
#include "tests/fakes/temp_dir.h"

namespace souhra {
namespace {

TEST(DemoDirectory, TenantNamesAreTitleCasedIds) {
  EXPECT_EQ(TenantNameOf("dolni_brod"), "Dolni Brod");
  EXPECT_EQ(TenantNameOf("horni-lhota"), "Horni Lhota");
  EXPECT_EQ(TenantNameOf("demo"), "Demo");
}

TEST(DemoDirectory, ExampleTenantsGetARowOnceAndKeepAnAdministratorsName) {
  testing::TempDir dir;
  SqliteOptions options;
  options.path = dir.File("souhra.db");
  std::unique_ptr<Directory> directory = std::move(OpenSqliteDirectory(options).value());
  ASSERT_TRUE(SeedExampleTenants(*directory, {"dolni_brod", "horni_lhota"}).ok());
  std::optional<TenantRecord> brod = directory->GetTenant("dolni_brod").value();
  ASSERT_TRUE(brod.has_value());
  EXPECT_EQ(brod->name, "Dolni Brod");

  brod->name = "Obec Dolní Brod";
  ASSERT_TRUE(directory->PutTenant(*brod).ok());
  ASSERT_TRUE(SeedExampleTenants(*directory, {"dolni_brod", "horni_lhota"}).ok());
  EXPECT_EQ(directory->GetTenant("dolni_brod").value()->name, "Obec Dolní Brod");
  EXPECT_EQ(directory->GetTenant("horni_lhota").value()->name, "Horni Lhota");
  EXPECT_TRUE(directory->ListUsers("dolni_brod").value().empty());
}

}  // namespace
}  // namespace souhra
