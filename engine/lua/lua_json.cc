#include "engine/lua/lua_json.h"

#include <cmath>
#include <string>

#include "lauxlib.h"
#include "lua.h"

namespace souhra {

// Pushes `value` as a fresh Lua value. Raises a Lua error when too deep. Stack: +1.
void PushJson(lua_State* L, const Json& value, int depth) {
  if (depth > kMaxDepth || !lua_checkstack(L, 4)) luaL_error(L, "JSON value nested too deeply");
  switch (value.type()) {
    case Json::value_t::boolean:
      lua_pushboolean(L, value.get<bool>());
      return;
    case Json::value_t::number_integer:
      lua_pushinteger(L, value.get<int64_t>());
      return;
    case Json::value_t::number_unsigned: {
      uint64_t u = value.get<uint64_t>();
      if (u <= static_cast<uint64_t>(LUA_MAXINTEGER))
        lua_pushinteger(L, static_cast<lua_Integer>(u));
      else
        lua_pushnumber(L, static_cast<lua_Number>(u));
      return;
    }
    case Json::value_t::number_float:
      lua_pushnumber(L, value.get<double>());
      return;
    case Json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      lua_pushlstring(L, s.data(), s.size());
      return;
    }
    case Json::value_t::array: {
      lua_createtable(L, static_cast<int>(value.size()), 0);
      lua_Integer i = 0;
      for (const Json& item : value) {
        PushJson(L, item, depth + 1);
        lua_rawseti(L, -2, ++i);
      }
      return;
    }
    case Json::value_t::object:
      lua_createtable(L, 0, static_cast<int>(value.size()));
      for (const auto& [key, item] : value.items()) {
        lua_pushlstring(L, key.data(), key.size());
        PushJson(L, item, depth + 1);
        lua_rawset(L, -3);
      }
      return;
    default:
      lua_pushnil(L);
      return;
  }
}

LuaToJson::LuaToJson(lua_State* L, bool allow_functions, const void* tags_key,
                     const void* lines_key)
    : L_(L), allow_functions_(allow_functions), tags_key_(tags_key), lines_key_(lines_key) {}

Status LuaToJson::Convert(int idx, Json* out) {
  idx = lua_absindex(L_, idx);
  switch (lua_type(L_, idx)) {
    case LUA_TNIL:
      *out = nullptr;
      return Status::Ok();
    case LUA_TBOOLEAN:
      *out = static_cast<bool>(lua_toboolean(L_, idx));
      return Status::Ok();
    case LUA_TNUMBER:
      return Number(idx, out);
    case LUA_TSTRING: {
      size_t len = 0;
      const char* s = lua_tolstring(L_, idx, &len);
      *out = std::string(s, len);
      return Status::Ok();
    }
    case LUA_TFUNCTION:
      return Function(idx, out);
    case LUA_TTABLE:
      return Table(idx, out);
    default:
      return Fail(std::string("a ") + luaL_typename(L_, idx) + " is not a value");
  }
}

Status LuaToJson::Fail(const std::string& what) const {
  return InvalidArgument(path_.empty() ? what : "'" + path_ + "': " + what);
}

Status LuaToJson::Number(int idx, Json* out) {
  if (lua_isinteger(L_, idx)) {
    *out = static_cast<int64_t>(lua_tointeger(L_, idx));
    return Status::Ok();
  }
  double d = lua_tonumber(L_, idx);
  if (!std::isfinite(d)) return Fail("a number must be finite");
  *out = d;
  return Status::Ok();
}

Status LuaToJson::Function(int idx, Json* out) {
  if (!allow_functions_) return Fail("a function is not a value");
  lua_Debug ar;
  lua_pushvalue(L_, idx);
  lua_getinfo(L_, ">S", &ar);
  lua_pushvalue(L_, idx);
  int ref = luaL_ref(L_, LUA_REGISTRYINDEX);
  *out = Json{{"$function", ref}, {"$line", ar.linedefined}};
  return Status::Ok();
}

// Pushes the constructor tag of table `idx` (or nil) from registry table `key`. Stack: +1.
void LuaToJson::PushTag(int idx, const void* key) {
  lua_rawgetp(L_, LUA_REGISTRYINDEX, key);
  lua_pushvalue(L_, idx);
  lua_rawget(L_, -2);
  lua_remove(L_, -2);
}

bool LuaToJson::IsSequence(int idx) {
  lua_Integer count = 0;
  bool sequence = true;
  lua_pushnil(L_);
  while (lua_next(L_, idx)) {
    ++count;
    if (!lua_isinteger(L_, -2) || lua_tointeger(L_, -2) < 1) sequence = false;
    lua_pop(L_, 1);
  }
  return sequence && count > 0 && static_cast<lua_Integer>(lua_rawlen(L_, idx)) == count;
}

Status LuaToJson::Table(int idx, Json* out) {
  const void* self = lua_topointer(L_, idx);
  for (const void* open : open_tables_) {
    if (open == self) return Fail("a table that contains itself is not a value");
  }
  if (open_tables_.size() >= kMaxDepth || !lua_checkstack(L_, 6)) {
    return ScriptError("a value nested deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  open_tables_.push_back(self);
  PushTag(idx, tags_key_);
  PushTag(idx, lines_key_);
  Status status;
  if (lua_isnil(L_, -2) && IsSequence(idx)) {
    status = Array(idx, out);
  } else {
    status = Object(idx, out);
    if (status.ok() && !lua_isnil(L_, -2)) {
      (*out)["$kind"] = lua_tostring(L_, -2);
      (*out)["$line"] = static_cast<int64_t>(lua_tointeger(L_, -1));
    }
  }
  lua_pop(L_, 2);
  open_tables_.pop_back();
  return status;
}

Status LuaToJson::Array(int idx, Json* out) {
  *out = Json::array();
  lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L_, idx));
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L_, idx, i);
    Json item;
    Status status = Child(std::to_string(i), -1, &item);
    lua_pop(L_, 1);
    if (!status.ok()) return status;
    out->push_back(std::move(item));
  }
  return Status::Ok();
}

Status LuaToJson::Object(int idx, Json* out) {
  *out = Json::object();
  lua_pushnil(L_);
  while (lua_next(L_, idx)) {
    std::string key;
    if (lua_type(L_, -2) == LUA_TSTRING) {
      key = lua_tostring(L_, -2);
    } else if (lua_isinteger(L_, -2)) {
      key = std::to_string(lua_tointeger(L_, -2));
    } else {
      Status status = Fail(std::string("a ") + luaL_typename(L_, -2) + " key is not allowed");
      lua_pop(L_, 2);
      return status;
    }
    Json item;
    Status status = Child(key, -1, &item);
    lua_pop(L_, 1);
    if (!status.ok()) {
      lua_pop(L_, 1);
      return status;
    }
    (*out)[key] = std::move(item);
  }
  return Status::Ok();
}

Status LuaToJson::Child(const std::string& key, int idx, Json* out) {
  size_t saved = path_.size();
  path_ += (saved ? "." : "") + key;
  Status status = Convert(idx, out);
  path_.resize(saved);
  return status;
}

}  // namespace souhra
