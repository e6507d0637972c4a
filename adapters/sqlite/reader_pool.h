// Hands out connections for read queries, each to one thread at a time.
//
// For a database file, the pool opens read-only connections on demand and keeps up to
// kMaxIdle of them; WAL lets them read the last committed state while the writer works.
// For ":memory:", a second connection would see a different, empty database, so every read
// goes through the writer's connection under its mutex and therefore also sees the writes of an
// open WriteTxn; that mode is meant for single-threaded simulations and tests.
// Thread-safe.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "adapters/sqlite/connection.h"
#include "adapters/sqlite/sqlite_store.h"
#include "engine/status.h"

namespace souhra::sqlite {

// A connection together with the mutex that gives one thread at a time its use. On the writer
// connection, which the store, the directory and the access store share, a write outside a
// WriteTxn waits until no write transaction is open (so that it never joins one), and the next
// WriteTxn begins only after the waiting writes ran (RunOutsideTransaction, write_txn.h).
struct GuardedConnection {
  std::mutex mu;
  std::unique_ptr<Connection> conn;
  std::condition_variable txn_ended;    // notified when a write transaction ends
  std::condition_variable writes_done;  // notified when waiting_writes drops
  int waiting_writes = 0;               // guarded by mu
};

class ReaderPool;

// Exclusive use of a read connection until destroyed.
class ReadLease {
 public:
  ReadLease(ReadLease&&) = default;
  ~ReadLease();
  Connection& conn() { return *conn_; }

 private:
  friend class ReaderPool;
  ReadLease(std::unique_ptr<Connection> owned, ReaderPool* pool);
  explicit ReadLease(GuardedConnection& shared);

  std::unique_ptr<Connection> owned_;  // a pooled connection, returned on destruction
  ReaderPool* pool_ = nullptr;
  std::unique_lock<std::mutex> lock_;  // held when reading through the shared connection
  Connection* conn_ = nullptr;
};

class ReaderPool {
 public:
  using Opener = std::function<Result<std::unique_ptr<Connection>>()>;
  static constexpr size_t kMaxIdle = 8;

  // Reads on connections made by `open`.
  explicit ReaderPool(Opener open) : open_(std::move(open)) {}
  // Reads on `shared` (the in-memory database's only connection), which must outlive the pool.
  explicit ReaderPool(GuardedConnection* shared) : shared_(shared) {}

  // kUnavailable if a new connection cannot be opened.
  Result<ReadLease> Acquire();

 private:
  friend class ReadLease;
  void Return(std::unique_ptr<Connection> conn);

  Opener open_;
  GuardedConnection* shared_ = nullptr;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// The read connections of the database `options` names: read-only ones for a file; `writer`'s
// (which must outlive the pool) for ":memory:", which has no other.
std::unique_ptr<ReaderPool> ReadersFor(GuardedConnection* writer, const SqliteOptions& options);

}  // namespace souhra::sqlite
