#include "adapters/sqlite/reader_pool.h"

#include "adapters/sqlite/pragmas.h"

namespace souhra::sqlite {
namespace {

constexpr int kReaderCacheMebibytes = 8;

Result<std::unique_ptr<Connection>> OpenReader(const SqliteOptions& options) {
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> db,
                          Connection::Open(options.path, options.vfs, /*create=*/false));
  SOUHRA_RETURN_IF_ERROR(ConfigureCommon(*db, options, kReaderCacheMebibytes));
  SOUHRA_RETURN_IF_ERROR(SetPragma(*db, "query_only = ON"));
  return db;
}

}  // namespace

std::unique_ptr<ReaderPool> ReadersFor(GuardedConnection* writer, const SqliteOptions& options) {
  if (options.path == ":memory:") return std::make_unique<ReaderPool>(writer);
  return std::make_unique<ReaderPool>([options] { return OpenReader(options); });
}

ReadLease::ReadLease(std::unique_ptr<Connection> owned, ReaderPool* pool)
    : owned_(std::move(owned)), pool_(pool), conn_(owned_.get()) {}

ReadLease::ReadLease(GuardedConnection& shared) : lock_(shared.mu), conn_(shared.conn.get()) {}

ReadLease::~ReadLease() {
  if (pool_ != nullptr && owned_ != nullptr) pool_->Return(std::move(owned_));
}

Result<ReadLease> ReaderPool::Acquire() {
  if (shared_ != nullptr) return ReadLease(*shared_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> conn = std::move(idle_.back());
      idle_.pop_back();
      return ReadLease(std::move(conn), this);
    }
  }
  // Opened outside the lock: opening touches the disk and other readers need not wait for it.
  SOUHRA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, open_());
  return ReadLease(std::move(conn), this);
}

void ReaderPool::Return(std::unique_ptr<Connection> conn) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(conn));
}

}  // namespace souhra::sqlite
