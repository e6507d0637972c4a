// The `time` library scripts get in the sandbox: reading and writing points in time the way the
// engine does (engine/time/written_time.h), so no workflow carries its own date arithmetic.
//   time.epoch(text) -> seconds since 1970 (UTC); an error naming the text when it is no time
//   time.iso(seconds) -> "2026-05-12T09:00:00Z"
//   time.czech_date("2026-12-17") -> "17. 12. 2026"; an error when it is no "YYYY-MM-DD" day
#pragma once

struct lua_State;

namespace souhra {

// Sets the global `time` to a fresh table with the library's functions. Stack: balanced.
void OpenTimeLibrary(lua_State* L);

}  // namespace souhra
