#include "engine/lua/lua_time.h"

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>

#include "engine/time/calendar_date.h"
#include "engine/time/written_time.h"
#include "lauxlib.h"
#include "lua.h"

namespace souhra {
namespace {

// Years 1..9999 keep the text four digits wide, as ISO-8601 writes them.
constexpr lua_Integer kFirstSecond = -62135596800;  // 0001-01-01T00:00:00Z
constexpr lua_Integer kLastSecond = 253402300799;   // 9999-12-31T23:59:59Z

// Stack: (text) -> seconds.
int Epoch(lua_State* L) {
  const char* text = luaL_checkstring(L, 1);
  Instant t;
  if (!ParseWrittenTime(text, &t)) {
    return luaL_error(L,
                      "time.epoch: '%s' is not a time (write e.g. 2026-05-12T10:00:00+02:00, or "
                      "2026-05-12T10:00 for Prague time)",
                      text);
  }
  lua_pushinteger(L,
                  std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
  return 1;
}

// Stack: (seconds) -> text.
int Iso(lua_State* L) {
  const lua_Integer seconds = luaL_checkinteger(L, 1);
  luaL_argcheck(L, seconds >= kFirstSecond && seconds <= kLastSecond, 1,
                "outside the years 1 to 9999");
  const date::sys_seconds t{std::chrono::seconds(seconds)};
  const std::string text = date::format("%FT%TZ", t);
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

// Stack: (day) -> text.
int CzechDate(lua_State* L) {
  const char* text = luaL_checkstring(L, 1);
  std::optional<std::chrono::year_month_day> day = ParseCalendarDate(text);
  if (!day)
    return luaL_error(L, "time.czech_date: '%s' is not a day (write e.g. 2026-12-17)", text);
  // Without the weekday: it stands inside sentences ("krok plánu do 17. 12. 2026").
  const std::string czech = std::to_string(unsigned(day->day())) + ". " +
                            std::to_string(unsigned(day->month())) + ". " +
                            std::to_string(int(day->year()));
  lua_pushlstring(L, czech.data(), czech.size());
  return 1;
}

}  // namespace

void OpenTimeLibrary(lua_State* L) {
  const luaL_Reg functions[] = {
      {"epoch", Epoch}, {"iso", Iso}, {"czech_date", CzechDate}, {nullptr, nullptr}};
  luaL_newlib(L, functions);
  lua_setglobal(L, "time");
}

}  // namespace souhra
