// The cap on connections one client address holds open.
#include "web/client_connections.h"

#include <gtest/gtest.h>

#include <vector>

namespace souhra {
namespace {

TEST(ClientConnections, AnAddressAtItsCapIsRefusedUntilOneOfItsConnectionsCloses) {
  ClientConnections connections(2);
  std::vector<ClientConnections::Admission> open;
  open.push_back(*connections.Admit("10.0.0.1"));
  open.push_back(*connections.Admit("10.0.0.1"));
  EXPECT_FALSE(connections.Admit("10.0.0.1").has_value());
  EXPECT_TRUE(connections.Admit("10.0.0.2").has_value()) << "other addresses have their own cap";
  EXPECT_EQ(connections.OpenFrom("10.0.0.1"), 2u);
  open.pop_back();
  EXPECT_EQ(connections.OpenFrom("10.0.0.1"), 1u);
  EXPECT_TRUE(connections.Admit("10.0.0.1").has_value());
}

TEST(ClientConnections, ZeroMeansNoCap) {
  ClientConnections connections(0);
  std::vector<ClientConnections::Admission> open;
  for (int i = 0; i < 1000; ++i) open.push_back(*connections.Admit("10.0.0.1"));
  EXPECT_EQ(connections.OpenFrom("10.0.0.1"), 1000u);
}

}  // namespace
}  // namespace souhra
