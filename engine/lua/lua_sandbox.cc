#include "engine/lua/lua_sandbox.h"

#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>

#include "engine/lua/lua_json.h"
#include "engine/lua/lua_time.h"
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

namespace souhra {
namespace {

// Registry slots, addressed by these variables' addresses.
char kAllowedKey;  // globals every script may read
char kEnvMetaKey;  // metatable of each script's environment
char kTagsKey;     // weak table: constructed table -> constructor name
char kLinesKey;    // weak table: constructed table -> line of the constructor call
char kJournalKey;  // sequence of the tables recorders were called with, in call order

LuaSandbox* From(lua_State* L) { return *static_cast<LuaSandbox**>(lua_getextraspace(L)); }

// Finds the innermost Lua frame (skipping C functions), for "file:line:" prefixes.
bool TopLuaFrame(lua_State* L, lua_Debug* ar) {
  for (int level = 0; lua_getstack(L, level, ar); ++level) {
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) return true;
  }
  return false;
}

// __newindex of an environment. Stack: (env, key, value) -> raises.
int WriteGlobal(lua_State* L) {
  const char* name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return luaL_error(L, "unknown global '%s'", name);
}

// __index of the allowed globals, reached only for names that do not exist. Raises.
int ReadUnknownGlobal(lua_State* L) {
  const char* name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return luaL_error(L, "unknown global '%s'", name);
}

// __newindex of a library proxy: library tables are shared, so they are read-only. Raises.
int WriteLibrary(lua_State* L) { return luaL_error(L, "library tables are read-only"); }

// Pushes a metatable {__index = index (table at `index_idx` or C function), __newindex = write,
// __metatable = false}. Stack: +1.
void PushLockedMeta(lua_State* L, int index_idx, lua_CFunction index_fn, lua_CFunction write) {
  index_idx = index_idx ? lua_absindex(L, index_idx) : 0;
  lua_createtable(L, 0, 3);
  if (index_idx)
    lua_pushvalue(L, index_idx);
  else
    lua_pushcfunction(L, index_fn);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, write);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
}

// Adds a read-only view of library `name` to the table on top. Stack: balanced.
void AddLibraryProxy(lua_State* L, const char* name) {
  lua_newtable(L);
  lua_getglobal(L, name);
  PushLockedMeta(L, -1, nullptr, WriteLibrary);
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
  lua_setfield(L, -2, name);
}

void PushWeakTable(lua_State* L) {
  lua_newtable(L);
  lua_createtable(L, 0, 1);
  lua_pushliteral(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
}

// string.find, always as a plain substring search. Upvalue 1: the library's own find.
// Stack: (s, needle [, init]) -> what find returns.
int PlainFind(lua_State* L) {
  luaL_checkstring(L, 1);
  luaL_checkstring(L, 2);
  const lua_Integer init = luaL_optinteger(L, 3, 1);
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_pushinteger(L, init);
  lua_pushboolean(L, 1);
  lua_call(L, 4, LUA_MULTRET);
  return lua_gettop(L);
}

// Opens base, string, table, math and utf8, and nothing else. Stack: balanced.
void OpenAllowedLibraries(lua_State* L) {
  const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                           {LUA_STRLIBNAME, luaopen_string},
                           {LUA_TABLIBNAME, luaopen_table},
                           {LUA_MATHLIBNAME, luaopen_math},
                           {LUA_UTF8LIBNAME, luaopen_utf8}};
  for (const luaL_Reg& lib : libs) {
    luaL_requiref(L, lib.name, lib.func, 1);
    lua_pop(L, 1);
  }
}

// Removed from the shared library tables themselves: string.dump also hides behind ("").dump;
// math.random is seeded from the clock, which would break replay; Lua patterns can backtrack
// for minutes inside one C call, where no instruction budget can stop them, so string.find
// searches plain text only and the pattern functions are gone. Stack: balanced.
void TrimLibraries(lua_State* L) {
  lua_getglobal(L, "string");
  lua_getfield(L, -1, "find");
  lua_pushcclosure(L, PlainFind, 1);
  lua_setfield(L, -2, "find");
  lua_pop(L, 1);
  const char* removed[][2] = {{"string", "dump"}, {"string", "match"}, {"string", "gmatch"},
                              {"string", "gsub"}, {"math", "random"},  {"math", "randomseed"}};
  for (const auto& entry : removed) {
    lua_getglobal(L, entry[0]);
    lua_pushnil(L);
    lua_setfield(L, -2, entry[1]);
    lua_pop(L, 1);
  }
  lua_pushliteral(L, "");  // strings share one metatable; getmetatable("") must not expose it
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
}

// Builds the allowed globals and the environment metatable. Runs protected. Stack: balanced.
int OpenSandbox(lua_State* L) {
  OpenAllowedLibraries(L);
  TrimLibraries(L);
  OpenTimeLibrary(L);
  lua_newtable(L);  // allowed globals
  const char* functions[] = {"assert", "error",  "getmetatable", "ipairs",   "next", "pairs",
                             "pcall",  "select", "tonumber",     "tostring", "type", "xpcall"};
  for (const char* name : functions) {
    lua_getglobal(L, name);
    lua_setfield(L, -2, name);
  }
  for (const char* name : {"string", "table", "math", "utf8", "time"}) AddLibraryProxy(L, name);
  PushLockedMeta(L, 0, ReadUnknownGlobal, WriteLibrary);
  lua_setmetatable(L, -2);
  PushLockedMeta(L, -1, nullptr, WriteGlobal);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kEnvMetaKey);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kAllowedKey);
  PushWeakTable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kTagsKey);
  PushWeakTable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kLinesKey);
  lua_newtable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kJournalKey);
  return 0;
}

// Tags the table at index 1 with the name in upvalue 1 and the line of the Lua code that called
// the running C function. Stack: balanced.
void TagCall(lua_State* L) {
  lua_Debug ar;
  int line = 0;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)) line = ar.currentline;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kTagsKey);
  lua_pushvalue(L, 1);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_rawset(L, -3);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kLinesKey);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, line);
  lua_rawset(L, -3);
  lua_pop(L, 2);
}

// A registered constructor: name { … } -> the same table, tagged. Upvalue 1: the name.
int Construct(lua_State* L) {
  const char* name = lua_tostring(L, lua_upvalueindex(1));
  if (lua_type(L, 1) != LUA_TTABLE) {
    return luaL_error(L, "%s expects a table: %s { ... }", name, name);
  }
  lua_settop(L, 1);
  TagCall(L);
  return 1;
}

// A table constructor bound to a name, as `extend "intake"` returns: { … } -> the same table,
// tagged like a constructor's and given the member "$base". Upvalues: the constructor's name,
// the base name.
int ConstructNamed(lua_State* L) {
  const char* name = lua_tostring(L, lua_upvalueindex(1));
  if (lua_type(L, 1) != LUA_TTABLE) {
    return luaL_error(L, "%s expects a table: %s \"%s\" { ... }", name, name,
                      lua_tostring(L, lua_upvalueindex(2)));
  }
  lua_settop(L, 1);
  TagCall(L);
  lua_pushliteral(L, "$base");
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_rawset(L, 1);
  return 1;
}

// A registered named constructor: name "base" -> a constructor for the table. Upvalue 1: name.
int NameConstructor(lua_State* L) {
  const char* name = lua_tostring(L, lua_upvalueindex(1));
  if (lua_type(L, 1) != LUA_TSTRING) {
    return luaL_error(L, "%s expects a name: %s \"name\" { ... }", name, name);
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, ConstructNamed, 2);
  return 1;
}

// A registered recorder: name { … } or name "text" -> nothing. Appends the table (a text or a
// number becomes { text }), tagged, to the journal. Upvalue 1: the name.
int Record(lua_State* L) {
  const char* name = lua_tostring(L, lua_upvalueindex(1));
  const int type = lua_type(L, 1);
  if (type != LUA_TTABLE && type != LUA_TSTRING && type != LUA_TNUMBER) {
    return luaL_error(L, "%s expects a table or a text: %s { ... } or %s \"...\"", name, name,
                      name);
  }
  lua_settop(L, 1);
  if (type != LUA_TTABLE) {
    lua_createtable(L, 1, 0);
    lua_insert(L, 1);
    lua_rawseti(L, 1, 1);
  }
  TagCall(L);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kJournalKey);
  lua_pushvalue(L, 1);
  lua_rawseti(L, -2, static_cast<lua_Integer>(lua_rawlen(L, -2)) + 1);
  lua_pop(L, 1);
  return 0;
}

// Registers a constructor (argument 2: 0), a recorder (1) or a named constructor (2). Runs
// protected; argument 1: light userdata std::string*.
int RegisterConstructor(lua_State* L) {
  const auto* name = static_cast<const std::string*>(lua_touserdata(L, 1));
  const int kind = static_cast<int>(lua_tointeger(L, 2));  // 0 constructor, 1 recorder, 2 named
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kAllowedKey);
  lua_pushlstring(L, name->data(), name->size());
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, kind == 1 ? Record : kind == 2 ? NameConstructor : Construct, 1);
  lua_rawset(L, -3);  // raw: the allowed globals refuse ordinary writes
  lua_pop(L, 1);
  return 0;
}

// What the protected trampolines below exchange with the C++ side.
struct CallFrame {
  const std::string* file = nullptr;
  std::string_view source;
  int ref = 0;
  const std::vector<const Json*>* args = nullptr;
  int nresults = 1;
  std::vector<Json> results;
  Status conversion;  // a value that cannot cross the boundary (not a Lua error)
  std::string where;  // "file" or "file:line" of what returned the results
};

// Converts the top `n` values into frame->results. C++ failures become a Status, never a throw.
void CollectResults(lua_State* L, CallFrame* frame, bool allow_functions) {
  try {
    LuaToJson converter(L, allow_functions, &kTagsKey, &kLinesKey);
    for (int i = frame->nresults; i >= 1 && frame->conversion.ok(); --i) {
      Json value;
      frame->conversion = converter.Convert(-i, &value);
      frame->results.push_back(std::move(value));
    }
  } catch (const std::exception& e) {
    frame->conversion = Internal(std::string("converting a Lua value: ") + e.what());
  }
  if (frame->conversion.code() == StatusCode::kScriptError && !frame->where.empty()) {
    frame->conversion = ScriptError(frame->where + ": " + frame->conversion.message());
  }
}

// Loads and runs a file in a fresh environment. Argument 1: light userdata CallFrame*.
int RunChunk(lua_State* L) {
  auto* frame = static_cast<CallFrame*>(lua_touserdata(L, 1));
  std::string chunkname = "=" + *frame->file;
  if (luaL_loadbufferx(L, frame->source.data(), frame->source.size(), chunkname.c_str(), "t")) {
    return lua_error(L);
  }
  lua_newtable(L);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kEnvMetaKey);
  lua_setmetatable(L, -2);
  lua_setupvalue(L, -2, 1);  // the chunk's only upvalue is _ENV
  lua_call(L, 0, 1);
  frame->where = *frame->file;
  CollectResults(L, frame, true);
  return 0;
}

// Converts the journal to JSON and starts a new one. Argument 1: light userdata CallFrame*.
int TakeJournal(lua_State* L) {
  auto* frame = static_cast<CallFrame*>(lua_touserdata(L, 1));
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kJournalKey);
  lua_newtable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kJournalKey);
  CollectResults(L, frame, false);
  return 0;
}

// Calls a registered function. Argument 1: light userdata CallFrame*.
int CallRef(lua_State* L) {
  auto* frame = static_cast<CallFrame*>(lua_touserdata(L, 1));
  lua_rawgeti(L, LUA_REGISTRYINDEX, frame->ref);
  if (lua_type(L, -1) != LUA_TFUNCTION) return luaL_error(L, "no function with ref %d", frame->ref);
  lua_Debug ar;
  lua_pushvalue(L, -1);
  lua_getinfo(L, ">S", &ar);
  frame->where = std::string(ar.short_src) + ":" + std::to_string(ar.linedefined);
  for (const Json* arg : *frame->args) PushJson(L, *arg, 0);
  lua_call(L, static_cast<int>(frame->args->size()), frame->nresults);
  CollectResults(L, frame, false);
  return 0;
}

}  // namespace

LuaSandbox::LuaSandbox(size_t memory_bytes, int64_t instructions)
    : memory_limit_(memory_bytes), instructions_(instructions) {}

LuaSandbox::~LuaSandbox() {
  if (L_) lua_close(L_);
}

Result<std::unique_ptr<LuaSandbox>> LuaSandbox::Create(size_t memory_bytes, int64_t instructions) {
  std::unique_ptr<LuaSandbox> sandbox(new LuaSandbox(memory_bytes, instructions));
  SOUHRA_RETURN_IF_ERROR(sandbox->Init());
  return sandbox;
}

Status LuaSandbox::Init() {
  L_ = lua_newstate(Allocate, this);
  if (!L_) return ResourceExhausted("cannot create a Lua state within the memory limit");
  *static_cast<LuaSandbox**>(lua_getextraspace(L_)) = this;
  lua_pushcfunction(L_, OpenSandbox);
  return ProtectedCall(0, 0);
}

Status LuaSandbox::AddConstructor(const std::string& name) {
  lua_pushcfunction(L_, RegisterConstructor);
  lua_pushlightuserdata(L_, const_cast<std::string*>(&name));
  lua_pushinteger(L_, 0);
  return ProtectedCall(2, 0);
}

Status LuaSandbox::AddNamedConstructor(const std::string& name) {
  lua_pushcfunction(L_, RegisterConstructor);
  lua_pushlightuserdata(L_, const_cast<std::string*>(&name));
  lua_pushinteger(L_, 2);
  return ProtectedCall(2, 0);
}

Status LuaSandbox::AddRecorder(const std::string& name) {
  lua_pushcfunction(L_, RegisterConstructor);
  lua_pushlightuserdata(L_, const_cast<std::string*>(&name));
  lua_pushinteger(L_, 1);
  return ProtectedCall(2, 0);
}

Result<Json> LuaSandbox::TakeRecorded() {
  CallFrame frame;
  lua_pushcfunction(L_, TakeJournal);
  lua_pushlightuserdata(L_, &frame);
  SOUHRA_RETURN_IF_ERROR(ProtectedCall(1, 0));
  SOUHRA_RETURN_IF_ERROR(frame.conversion);
  // An empty journal converts as an empty object.
  return frame.results.front().is_array() ? std::move(frame.results.front()) : Json::array();
}

Result<Json> LuaSandbox::RunFile(const std::string& file, std::string_view source) {
  if (!source.empty() && source[0] == LUA_SIGNATURE[0]) {
    return ScriptError(file + ":1: precompiled (binary) chunks are refused; load Lua source text");
  }
  CallFrame frame;
  frame.file = &file;
  frame.source = source;
  lua_pushcfunction(L_, RunChunk);
  lua_pushlightuserdata(L_, &frame);
  SOUHRA_RETURN_IF_ERROR(ProtectedCall(1, 0));
  SOUHRA_RETURN_IF_ERROR(frame.conversion);
  return std::move(frame.results.front());
}

Result<std::vector<Json>> LuaSandbox::Call(int ref, const std::vector<const Json*>& args,
                                           int nresults) {
  CallFrame frame;
  frame.ref = ref;
  frame.args = &args;
  frame.nresults = nresults;
  lua_pushcfunction(L_, CallRef);
  lua_pushlightuserdata(L_, &frame);
  SOUHRA_RETURN_IF_ERROR(ProtectedCall(1, 0));
  SOUHRA_RETURN_IF_ERROR(frame.conversion);
  return std::move(frame.results);
}

// Stack: function and its `nargs` arguments on top -> `nresults` results, or nothing on failure.
Status LuaSandbox::ProtectedCall(int nargs, int nresults) {
  int handler = lua_gettop(L_) - nargs;
  lua_pushcfunction(L_, MessageHandler);
  lua_insert(L_, handler);
  budget_exceeded_ = memory_exceeded_ = false;
  memory_where_.clear();
  last_traceback_.clear();
  running_ = true;
  lua_sethook(L_, CountHook, LUA_MASKCOUNT,
              static_cast<int>(std::min<int64_t>(std::max<int64_t>(instructions_, 1), INT_MAX)));
  int rc = lua_pcall(L_, nargs, nresults, handler);
  lua_sethook(L_, nullptr, 0, 0);
  running_ = false;
  lua_remove(L_, handler);
  if (rc == LUA_OK) return Status::Ok();
  Status status = FailureStatus(rc);
  lua_pop(L_, 1);
  lua_gc(L_, LUA_GCCOLLECT);  // give back what the failed call left, so the next one can run
  return status;
}

// Stack: the error object on top (left there).
Status LuaSandbox::FailureStatus(int lua_status) {
  if (memory_exceeded_ || lua_status == LUA_ERRMEM) {
    std::string limit = std::to_string(memory_limit_ >> 20) + " MiB";
    if (memory_limit_ % (1u << 20) != 0) limit = std::to_string(memory_limit_) + " bytes";
    std::string where = memory_where_.empty() ? "" : memory_where_ + " ";
    return ResourceExhausted(where + "memory limit of " + limit + " exceeded");
  }
  const char* message = lua_tostring(L_, -1);
  std::string text = message ? message : "unknown Lua error";
  if (budget_exceeded_) return ResourceExhausted(text);
  return ScriptError(text);
}

void* LuaSandbox::Allocate(void* ud, void* ptr, size_t old_size, size_t new_size) {
  auto* self = static_cast<LuaSandbox*>(ud);
  size_t old = ptr ? old_size : 0;
  if (new_size == 0) {
    std::free(ptr);
    self->memory_used_ -= old;
    return nullptr;
  }
  if (new_size > old && self->memory_used_ - old + new_size > self->memory_limit_) {
    self->memory_exceeded_ = true;
    lua_Debug ar;
    // Reading the call stack allocates nothing, so it is safe from inside the allocator.
    if (self->running_ && self->memory_where_.empty() && TopLuaFrame(self->L_, &ar)) {
      char where[LUA_IDSIZE + 32];
      std::snprintf(where, sizeof where, "%s:%d:", ar.short_src, ar.currentline);
      try {
        self->memory_where_ = where;
      } catch (const std::bad_alloc&) {
      }
    }
    return nullptr;
  }
  void* block = std::realloc(ptr, new_size);
  if (block) self->memory_used_ = self->memory_used_ - old + new_size;
  return block;
}

void LuaSandbox::CountHook(lua_State* L, lua_Debug* ar) {
  LuaSandbox* self = From(L);
  self->budget_exceeded_ = true;
  // From now on every instruction fails, so a script's own pcall cannot swallow the error.
  lua_sethook(L, CountHook, LUA_MASKCOUNT, 1);
  lua_getinfo(L, "Sl", ar);
  lua_pushfstring(L, "%s:%d: instruction budget of %I exceeded", ar->short_src, ar->currentline,
                  static_cast<lua_Integer>(self->instructions_));
  lua_error(L);
}

// Gives every error a "file:line:" prefix and keeps the traceback. Stack: (message) -> (message).
int LuaSandbox::MessageHandler(lua_State* L) {
  const char* message = lua_tostring(L, 1);
  if (!message) message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  lua_Debug ar;
  if (TopLuaFrame(L, &ar)) {
    size_t n = std::strlen(ar.short_src);
    if (std::strncmp(message, ar.short_src, n) != 0 || message[n] != ':') {
      message = lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, message);
    }
  }
  luaL_traceback(L, L, message, 1);
  try {
    From(L)->last_traceback_ = lua_tostring(L, -1);
  } catch (const std::bad_alloc&) {
  }
  lua_pop(L, 1);
  lua_pushstring(L, message);
  return 1;
}

}  // namespace souhra
