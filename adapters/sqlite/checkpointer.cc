#include "adapters/sqlite/checkpointer.h"

#include "adapters/sqlite/pragmas.h"

namespace souhra::sqlite {
namespace {

constexpr int kCheckpointCacheMebibytes = 2;

}  // namespace

Result<std::unique_ptr<Checkpointer>> StartCheckpointer(Connection& writer,
                                                        const SqliteOptions& options,
                                                        int threshold_pages) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> own,
                          Connection::Open(options.path, options.vfs, /*create=*/false));
  SOUHRA_RETURN_IF_ERROR(ConfigureCommon(*own, options, kCheckpointCacheMebibytes));
  // The checkpoint syncs the database file before the WAL may be reused.
  SOUHRA_RETURN_IF_ERROR(SetPragma(*own, "synchronous = FULL"));
  // A connection learns that the database is in WAL mode only once it reads it; until then a
  // checkpoint on it does nothing.
  SOUHRA_ASSIGN_OR_RETURN(std::string mode, own->QueryText("PRAGMA journal_mode", "read mode"));
  if (mode != "wal") return Internal("checkpoints need WAL mode, the database is in " + mode);
  return std::make_unique<Checkpointer>(writer, std::move(own), threshold_pages);
}

Checkpointer::Checkpointer(Connection& writer, std::unique_ptr<Connection> own, int threshold_pages)
    : writer_(writer),
      own_(std::move(own)),
      threshold_pages_(threshold_pages),
      thread_([this] { Loop(); }) {
  // Installing a WAL hook also switches off the writer's own auto-checkpoint.
  sqlite3_wal_hook(writer_.handle(), &Checkpointer::OnCommit, this);
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(writer_.handle(), nullptr, nullptr);
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

int64_t Checkpointer::checkpoints() const {
  std::lock_guard<std::mutex> lock(mu_);
  return checkpoints_;
}

bool Checkpointer::AwaitCheckpoints(int64_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mu_);
  return done_.wait_for(lock, timeout, [&] { return checkpoints_ >= n; });
}

int Checkpointer::OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages) {
  auto* checkpointer = static_cast<Checkpointer*>(self);
  if (wal_pages < checkpointer->threshold_pages_) return SQLITE_OK;
  if (wal_pages >= 4 * checkpointer->threshold_pages_) {
    // The thread has fallen behind; bound the WAL at the cost of one slow commit.
    (void)sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
  }
  {
    std::lock_guard<std::mutex> lock(checkpointer->mu_);
    checkpointer->due_ = true;
  }
  checkpointer->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return due_ || stopping_; });
    if (stopping_) return;
    due_ = false;
    lock.unlock();
    // A failed passive checkpoint (e.g. busy) is simply tried again after the next commit.
    (void)sqlite3_wal_checkpoint_v2(own_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                    nullptr);
    lock.lock();
    ++checkpoints_;
    done_.notify_all();
  }
}

}  // namespace souhra::sqlite
