// A fault-injecting SQLite VFS for tests, in the manner of SQLite's own test VFSes.
//
// It wraps the default VFS under the name kFaultyVfsName and passes every call through, except
// that it can be told to fail writes, syncs or write locks. Open a store through it with
// SqliteOptions::vfs = RegisterFaultyVfs(). Faults apply to every file opened through it (the
// database, its WAL and journals) and stay in place until ClearFaults().
//
//   RegisterFaultyVfs();             // once; idempotent
//   FailWrite(1, SQLITE_FULL);       // the next xWrite and every later one fails: disk full
//   FailSync(1, SQLITE_IOERR_FSYNC); // the next xSync and every later one fails
//   SetBusy(true);                   // write locks (file and WAL) report SQLITE_BUSY
//   ClearFaults();                   // back to normal; counters keep counting
//
// Thread-safe: the state is atomic, as SQLite may call the VFS from any connection's thread.
#pragma once

#include <cstdint>

namespace souhra::testing {

inline constexpr char kFaultyVfsName[] = "souhra-faulty";

// Registers the VFS (not as the default) and returns its name.
const char* RegisterFaultyVfs();

// The nth xWrite from now (1 = the next) and all after it fail with `error`, an SQLite
// result code such as SQLITE_IOERR_WRITE or SQLITE_FULL.
void FailWrite(int nth, int error);
// The nth xSync from now and all after it fail with `error` (e.g. SQLITE_IOERR_FSYNC).
void FailSync(int nth, int error);
// While on, requests for a write lock (a RESERVED or stronger file lock, or an exclusive WAL
// lock) fail with SQLITE_BUSY.
void SetBusy(bool busy);
void ClearFaults();

struct FaultyVfsCounters {
  int64_t writes = 0;    // xWrite calls, failed or not
  int64_t syncs = 0;     // xSync calls, failed or not
  int64_t injected = 0;  // calls that returned an injected error
};
FaultyVfsCounters GetFaultyVfsCounters();

}  // namespace souhra::testing
