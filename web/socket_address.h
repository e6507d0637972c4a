// The numeric address and port of either end of a connected socket, as httplib writes them
// into Request::remote_addr ("127.0.0.1", "::1"): what the API knows a client by.
#pragma once

#include <string>

namespace souhra {

// The peer's address; "" when the socket has none (closed meanwhile).
std::string PeerAddress(int sock, int* port = nullptr);
// This end's address; "" when the socket has none.
std::string LocalAddress(int sock, int* port = nullptr);

}  // namespace souhra
