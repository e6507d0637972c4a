// Values crossing the Lua boundary: JSON into fresh Lua values, Lua values back into JSON.
//
// Internal to the sandbox (engine/lua/lua_sandbox.h describes the mapping, including the "$kind",
// "$line" and "$function" members); callers hold the lua_State and keep its stack balanced.
#pragma once

#include <string>
#include <vector>

#include "engine/json.h"
#include "engine/status.h"

struct lua_State;

namespace souhra {

// How deep JSON values and Lua tables may nest in either direction.
inline constexpr int kMaxDepth = 100;

// Pushes `value` as a fresh Lua value. Raises a Lua error when nested deeper than kMaxDepth
// (counting from `depth`). Stack: +1.
void PushJson(lua_State* L, const Json& value, int depth = 0);

// Converts Lua values to JSON. Raises Lua errors only for memory (luaL_ref); every conversion
// problem is returned as kInvalidArgument naming the path of the offending value, except a table
// nested deeper than kMaxDepth: kScriptError, for the caller to name the script's place.
// Constructed tables are recognised through the weak registry tables at `tags_key` (table ->
// constructor name) and `lines_key` (table -> line of the call).
class LuaToJson {
 public:
  LuaToJson(lua_State* L, bool allow_functions, const void* tags_key, const void* lines_key);

  // Converts the value at `idx`. Stack: balanced.
  Status Convert(int idx, Json* out);

 private:
  Status Fail(const std::string& what) const;
  Status Number(int idx, Json* out);
  Status Function(int idx, Json* out);
  // Pushes the constructor tag of table `idx` (or nil) from registry table `key`. Stack: +1.
  void PushTag(int idx, const void* key);
  bool IsSequence(int idx);
  Status Table(int idx, Json* out);
  Status Array(int idx, Json* out);
  Status Object(int idx, Json* out);
  Status Child(const std::string& key, int idx, Json* out);

  lua_State* L_;
  bool allow_functions_;
  const void* tags_key_;
  const void* lines_key_;
  std::string path_;
  std::vector<const void*> open_tables_;
};

}  // namespace souhra
