#include "tests/fakes/faulty_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstddef>
#include <mutex>

namespace souhra::testing {
namespace {

// A countdown to the first failing call; 0 = no fault armed.
struct Fault {
  std::atomic<int64_t> countdown{0};
  std::atomic<int> error{SQLITE_OK};
  std::atomic<bool> firing{false};

  void Arm(int nth, int rc) {
    firing = false;
    error = rc;
    countdown = nth;
  }
  void Clear() {
    countdown = 0;
    firing = false;
  }
  // The error to return for this call, or SQLITE_OK.
  int Next() {
    if (firing) return error;
    if (countdown.load() > 0 && --countdown == 0) firing = true;
    return firing ? error.load() : SQLITE_OK;
  }
};

Fault write_fault;
Fault sync_fault;
std::atomic<bool> busy{false};
std::atomic<int64_t> writes{0};
std::atomic<int64_t> syncs{0};
std::atomic<int64_t> injected{0};

sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs faulty_vfs;

// Our file object: the real file's object follows it in the same allocation.
struct FaultyFile {
  sqlite3_file base;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

sqlite3_file* Real(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file)->real(); }

int Injected(int rc) {
  ++injected;
  return rc;
}

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  return Real(f)->pMethods->xRead(Real(f), buf, n, off);
}
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  ++writes;
  if (int rc = write_fault.Next(); rc != SQLITE_OK) return Injected(rc);
  return Real(f)->pMethods->xWrite(Real(f), buf, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  ++syncs;
  if (int rc = sync_fault.Next(); rc != SQLITE_OK) return Injected(rc);
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Real(f)->pMethods->xFileSize(Real(f), size);
}
int Lock(sqlite3_file* f, int level) {
  if (busy && level >= SQLITE_LOCK_RESERVED) return Injected(SQLITE_BUSY);
  return Real(f)->pMethods->xLock(Real(f), level);
}
int Unlock(sqlite3_file* f, int level) { return Real(f)->pMethods->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int ShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), page, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  // Only exclusive locks: refusing shared (reader) locks would make SQLite report
  // SQLITE_PROTOCOL instead of busy. Offset 0 is the WAL writer lock.
  bool exclusive_lock = (flags & SQLITE_SHM_LOCK) && (flags & SQLITE_SHM_EXCLUSIVE);
  if (busy && exclusive_lock && offset == 0) return Injected(SQLITE_BUSY);
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int delete_flag) {
  return Real(f)->pMethods->xShmUnmap(Real(f), delete_flag);
}
int Fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
  return Real(f)->pMethods->xFetch(Real(f), off, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
  return Real(f)->pMethods->xUnfetch(Real(f), off, p);
}

// Version 3 methods; the default Unix VFS implements all of them.
const sqlite3_io_methods kMethods = {
    .iVersion = 3,
    .xClose = Close,
    .xRead = Read,
    .xWrite = Write,
    .xTruncate = Truncate,
    .xSync = Sync,
    .xFileSize = FileSize,
    .xLock = Lock,
    .xUnlock = Unlock,
    .xCheckReservedLock = CheckReservedLock,
    .xFileControl = FileControl,
    .xSectorSize = SectorSize,
    .xDeviceCharacteristics = DeviceCharacteristics,
    .xShmMap = ShmMap,
    .xShmLock = ShmLock,
    .xShmBarrier = ShmBarrier,
    .xShmUnmap = ShmUnmap,
    .xFetch = Fetch,
    .xUnfetch = Unfetch,
};

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* faulty = reinterpret_cast<FaultyFile*>(file);
  int rc = real_vfs->xOpen(real_vfs, name, faulty->real(), flags, out_flags);
  // SQLite calls xClose only when pMethods is set, so leave it null if the real open failed.
  file->pMethods = (rc == SQLITE_OK && faulty->real()->pMethods != nullptr) ? &kMethods : nullptr;
  return rc;
}

}  // namespace

const char* RegisterFaultyVfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    real_vfs = sqlite3_vfs_find(nullptr);
    // The other entry points are the default VFS's own: they ignore the VFS pointer they get
    // except in xOpen, which we wrap.
    faulty_vfs = *real_vfs;
    faulty_vfs.zName = kFaultyVfsName;
    faulty_vfs.szOsFile = static_cast<int>(sizeof(FaultyFile)) + real_vfs->szOsFile;
    faulty_vfs.pNext = nullptr;
    faulty_vfs.xOpen = Open;
    sqlite3_vfs_register(&faulty_vfs, /*makeDflt=*/0);
  });
  return kFaultyVfsName;
}

void FailWrite(int nth, int error) { write_fault.Arm(nth, error); }
void FailSync(int nth, int error) { sync_fault.Arm(nth, error); }
void SetBusy(bool on) { busy = on; }

void ClearFaults() {
  write_fault.Clear();
  sync_fault.Clear();
  busy = false;
}

FaultyVfsCounters GetFaultyVfsCounters() { return {writes.load(), syncs.load(), injected.load()}; }

}  // namespace souhra::testing
