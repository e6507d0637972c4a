// Background WAL checkpoints, so that the writer thread never stops to copy the WAL into the
// database file.
//
// SQLite's default makes the commit that crosses the auto-checkpoint size run the checkpoint
// itself, which holds up every event of that group commit. Instead, the writer connection's WAL
// hook only signals this thread once the WAL holds `threshold_pages`; the thread runs a PASSIVE
// checkpoint on its own connection, which never blocks the writer. If checkpoints fall far
// behind (the WAL reaches four times the threshold), the writer checkpoints inline once, so the
// WAL cannot grow without bound. Durability is unchanged: commits are durable in the WAL.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "adapters/sqlite/connection.h"
#include "adapters/sqlite/sqlite_store.h"

namespace souhra::sqlite {

class Checkpointer {
 public:
  // Installs the WAL hook on `writer` (which must outlive this object) and starts the thread
  // with `own`, a second connection to the same database file.
  Checkpointer(Connection& writer, std::unique_ptr<Connection> own, int threshold_pages);
  // Stops the thread; removes the hook. Checkpointing on close is left to SQLite.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints done by the thread so far (for statistics).
  int64_t checkpoints() const;
  // Waits until the thread has done at least `n` checkpoints or `timeout` passed; true if done.
  bool AwaitCheckpoints(int64_t n, std::chrono::milliseconds timeout) const;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);
  void Loop();

  Connection& writer_;
  std::unique_ptr<Connection> own_;
  const int threshold_pages_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  mutable std::condition_variable done_;
  bool due_ = false;
  bool stopping_ = false;
  int64_t checkpoints_ = 0;
  std::thread thread_;
};

// 40 MiB of WAL between checkpoints: few enough that a hot page is copied to the database file
// rarely, small enough that reads through the WAL index stay cheap.
inline constexpr int kCheckpointPages = 10000;

// Starts background checkpoints for the database `writer` has open at `options.path`. Not for
// ":memory:" databases, which have no WAL.
Result<std::unique_ptr<Checkpointer>> StartCheckpointer(Connection& writer,
                                                        const SqliteOptions& options,
                                                        int threshold_pages = kCheckpointPages);

}  // namespace souhra::sqlite
