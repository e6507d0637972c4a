// The Lua sandbox: one lua_State for one definition, and the only place that touches Lua's API.
//
// A sandbox opens only base, string, table, math, utf8 and the engine's `time` (lua_time.h), strips
// everything that reaches outside (io, os, require, load, dofile, debug, collectgarbage, print, raw
// access, metatables, string.dump) and loads source text only, never bytecode. Each file runs in
// its own environment table where reading or writing an unknown global is an error. An allocator
// caps the state's memory and a count hook caps the instructions of every call; either failure is
// kResourceExhausted, any other failure kScriptError, both with a message that starts with
// "file:line:".
//
// Values cross the boundary as JSON: objects are tables with string keys, arrays are sequences,
// JSON null becomes nil (so an array holding nulls does not survive a round trip), integers stay
// integers. Two kinds of tables are tagged on the way out of Lua:
//   - a table passed to a registered constructor, e.g. task { … }, becomes an object with the extra
//     members "$kind" (the constructor's name) and "$line" (the line of the call);
//   - a function (only where allowed) becomes {"$function": ref, "$line": line defined}, where ref
//     is a registry reference that Call() accepts. Refs live as long as the sandbox.
//
// Not thread-safe: a sandbox belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/json.h"
#include "engine/status.h"

struct lua_State;
struct lua_Debug;

namespace souhra {

class LuaSandbox {
 public:
  // kResourceExhausted when the state cannot be created within `memory_bytes`.
  static Result<std::unique_ptr<LuaSandbox>> Create(size_t memory_bytes, int64_t instructions);
  ~LuaSandbox();
  LuaSandbox(const LuaSandbox&) = delete;
  LuaSandbox& operator=(const LuaSandbox&) = delete;

  // Makes `name { … }` available to every script run afterwards. The constructor returns its
  // table unchanged and remembers its name and call line for the conversion to JSON.
  Status AddConstructor(const std::string& name);

  // Makes `name "base" { … }` available: like a constructor's table, with the extra member
  // "$base" holding "base" (a tenant's `extend "intake" { … }`).
  Status AddNamedConstructor(const std::string& name);

  // Makes `name { … }` and `name "text"` available as a statement that records its call: the
  // table (a text or number x becomes { x }), tagged like a constructor's, is appended to a
  // journal in call order. For files that read as a list of steps, such as scenarios.
  Status AddRecorder(const std::string& name);
  // The tables recorded since the last call, in call order, as a JSON array; empties the journal.
  // A function among them is kInvalidArgument.
  Result<Json> TakeRecorded();

  // Runs the text of `file` under the instruction budget and returns its single result as JSON,
  // functions included (as refs). A syntax error is kScriptError "file:line: …".
  Result<Json> RunFile(const std::string& file, std::string_view source);

  // Calls the function behind `ref` with `args` converted to fresh tables, under the instruction
  // budget. Returns exactly `nresults` values (missing ones are null). A function among the results
  // is kInvalidArgument.
  Result<std::vector<Json>> Call(int ref, const std::vector<const Json*>& args, int nresults);

  // The stack traceback of the last failure, for logs.
  const std::string& last_traceback() const { return last_traceback_; }
  size_t memory_used() const { return memory_used_; }

 private:
  LuaSandbox(size_t memory_bytes, int64_t instructions);
  Status Init();
  Status ProtectedCall(int nargs, int nresults);
  Status FailureStatus(int lua_status);

  static void* Allocate(void* ud, void* ptr, size_t old_size, size_t new_size);
  static void CountHook(lua_State* L, lua_Debug* ar);
  static int MessageHandler(lua_State* L);

  lua_State* L_ = nullptr;
  size_t memory_limit_;
  size_t memory_used_ = 0;
  int64_t instructions_;
  bool running_ = false;  // inside ProtectedCall: failures are attributed to a line
  bool budget_exceeded_ = false;
  bool memory_exceeded_ = false;
  std::string memory_where_;  // "file:line:" of the allocation that hit the cap
  std::string last_traceback_;
};

}  // namespace souhra
