#include "engine/lua/lua_sandbox.h"

#include <gtest/gtest.h>

namespace souhra {
namespace {

constexpr size_t kMemory = 8u << 20;
constexpr int64_t kInstructions = 100'000;

// Null when the sandbox cannot be created (the test fails): callers ASSERT_NE(sandbox, nullptr).
std::unique_ptr<LuaSandbox> NewSandbox() {
  auto sandbox = LuaSandbox::Create(kMemory, kInstructions);
  EXPECT_TRUE(sandbox.ok()) << sandbox.status().ToString();
  return sandbox.ok() ? std::move(sandbox).value() : nullptr;
}

// Runs `body` as the body of a function defined by a file, then calls it, so that both the load
// phase and the call phase are exercised the way definitions use them.
Status RunInFunction(LuaSandbox& sandbox, const std::string& body) {
  auto fn = sandbox.RunFile("hostile.lua", "return function()\n" + body + "\nend\n");
  if (!fn.ok()) return fn.status();
  auto result = sandbox.Call((*fn)["$function"].get<int>(), {}, 1);
  return result.ok() ? Status::Ok() : result.status();
}

struct Hostile {
  const char* name;
  const char* body;  // on line 2 of hostile.lua
  StatusCode code;
  const char* message;
};

const Hostile kHostile[] = {
    {"io.open", "return io.open('/etc/passwd')", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'io'"},
    {"os.exit", "os.exit(1)", StatusCode::kScriptError, "hostile.lua:2: unknown global 'os'"},
    {"os.time", "return os.time()", StatusCode::kScriptError, "hostile.lua:2: unknown global 'os'"},
    {"require", "return require('io')", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'require'"},
    {"load", "return load('return 1')()", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'load'"},
    {"loadstring", "return loadstring('return 1')", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'loadstring'"},
    {"dofile", "return dofile('/etc/passwd')", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'dofile'"},
    {"loadfile", "return loadfile('/etc/passwd')", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'loadfile'"},
    {"debug.getinfo", "return debug.getinfo(1)", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'debug'"},
    {"collectgarbage", "collectgarbage('stop')", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'collectgarbage'"},
    {"print", "print('x')", StatusCode::kScriptError, "hostile.lua:2: unknown global 'print'"},
    {"string.dump", "return string.dump(function() end)", StatusCode::kScriptError,
     "hostile.lua:2: attempt to call a nil value (field 'dump')"},
    {"dump via string metatable", "return (''):dump()", StatusCode::kScriptError,
     "hostile.lua:2: attempt to call a nil value (method 'dump')"},
    {"setmetatable(_G)", "setmetatable(_G, {})", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'setmetatable'"},
    {"_G", "return _G.io", StatusCode::kScriptError, "hostile.lua:2: unknown global '_G'"},
    {"rawset on _ENV", "rawset(_ENV, 'x', 1)", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'rawset'"},
    {"getmetatable(_ENV)", "getmetatable(_ENV).__index.io = 1", StatusCode::kScriptError,
     "hostile.lua:2: attempt to index a boolean value"},
    {"string metatable", "getmetatable('').__index.upper = nil", StatusCode::kScriptError,
     "hostile.lua:2: attempt to index a boolean value"},
    {"library write", "string.upper = nil", StatusCode::kScriptError,
     "hostile.lua:2: library tables are read-only"},
    {"global read", "return undeclared + 1", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'undeclared'"},
    {"global write", "leaked = 1", StatusCode::kScriptError,
     "hostile.lua:2: unknown global 'leaked'"},
    {"pattern backtracking", "return ('a'):rep(3000):match('.-.-.-.-b')", StatusCode::kScriptError,
     "hostile.lua:2: attempt to call a nil value (method 'match')"},
    {"gsub", "return string.gsub('aaa', 'a*', 'b')", StatusCode::kScriptError,
     "hostile.lua:2: attempt to call a nil value (field 'gsub')"},
    {"math.random", "return math.random()", StatusCode::kScriptError,
     "hostile.lua:2: attempt to call a nil value (field 'random')"},
    {"infinite loop", "while true do end", StatusCode::kResourceExhausted,
     "hostile.lua:2: instruction budget of 100000 exceeded"},
    {"loop that swallows errors", "while true do pcall(function() while true do end end) end",
     StatusCode::kResourceExhausted, "hostile.lua:2: instruction budget of 100000 exceeded"},
    {"string.rep bomb", "return string.rep('x', 1e9)", StatusCode::kResourceExhausted,
     "hostile.lua:2: memory limit of 8 MiB exceeded"},
    {"table growth", "local t = {} for i = 1, 1e8 do t[i] = string.rep('x', 4096, i) end",
     StatusCode::kResourceExhausted, "hostile.lua:2: memory limit of 8 MiB exceeded"},
};

TEST(Sandbox, RefusesEveryHostileSnippetAndStaysUsable) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  for (const Hostile& h : kHostile) {
    Status status = RunInFunction(*sandbox, h.body);
    EXPECT_EQ(status.code(), h.code) << h.name << ": " << status.ToString();
    EXPECT_EQ(status.message().substr(0, status.message().find('\n')), h.message) << h.name;
    EXPECT_TRUE(RunInFunction(*sandbox, "return ('ok'):upper()").ok()) << "after " << h.name;
  }
}

TEST(Sandbox, TimeReadsAndWritesTimesAsTheEngineDoes) {
  std::unique_ptr<LuaSandbox> sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  Result<Json> read = sandbox->RunFile("time.lua", R"(
    return { time.iso(time.epoch("2026-12-10T10:00:00.000+01:00")),
             time.iso(time.epoch("2026-12-10T11:30+01:00")),
             time.iso(time.epoch("2026-06-10T10:00")),
             time.epoch("1970-01-01T00:00:01Z"), time.czech_date("2026-07-01") })");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, Json::parse(R"(["2026-12-10T09:00:00Z", "2026-12-10T10:30:00Z",
                                   "2026-06-10T08:00:00Z", 1, "1. 7. 2026"])"));
  Result<Json> wrong = sandbox->RunFile("wrong.lua", "\nreturn time.epoch('zítra v deset')");
  EXPECT_EQ(wrong.status().code(), StatusCode::kScriptError);
  EXPECT_NE(wrong.status().message().find("wrong.lua:2: time.epoch: 'zítra v deset' is not a time"),
            std::string::npos)
      << wrong.status().ToString();
  EXPECT_EQ(sandbox->RunFile("set.lua", "time.epoch = nil").status().code(),
            StatusCode::kScriptError);  // shared, so read-only
}

TEST(Sandbox, FindSearchesPlainTextOnly) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  Status status = RunInFunction(*sandbox,
                                "assert(string.find('a.b', '.') == 2)"
                                " assert(('a.b.c'):find('.', 3) == 4)"
                                " assert(string.find('abc', 'x') == nil)");
  EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(Sandbox, StopsDeepRecursion) {
  auto created = LuaSandbox::Create(64u << 20, 100'000'000);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  auto sandbox = std::move(created).value();
  Status status =
      RunInFunction(*sandbox, "local function f(n) return f(n + 1) + 1 end return f(1)");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.message().rfind("hostile.lua:2: ", 0), 0u) << status.message();
  EXPECT_NE(status.message().find("stack overflow"), std::string::npos) << status.message();
  EXPECT_TRUE(RunInFunction(*sandbox, "return 1").ok());
}

TEST(Sandbox, ATableNestedTooDeeplyIsAScriptErrorNamingTheFunction) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  Status status = RunInFunction(*sandbox, "local t = {} for i = 1, 10000 do t = {t} end return t");
  EXPECT_EQ(status.code(), StatusCode::kScriptError);
  EXPECT_EQ(status.message(), "hostile.lua:1: a value nested deeper than 100 levels");
  EXPECT_TRUE(RunInFunction(*sandbox, "return 1").ok());
}

TEST(Sandbox, AFileReturningATableNestedTooDeeplyIsAScriptErrorNamingTheFile) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto result =
      sandbox->RunFile("deep.lua", "local t = {} for i = 1, 10000 do t = {t} end return t");
  EXPECT_EQ(result.status().code(), StatusCode::kScriptError);
  EXPECT_EQ(result.status().message(), "deep.lua: a value nested deeper than 100 levels");
}

TEST(Sandbox, RefusesBytecode) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto result = sandbox->RunFile("x.lua", std::string("\x1bLua\x54\x00", 6));
  EXPECT_EQ(result.status().code(), StatusCode::kScriptError);
  EXPECT_EQ(result.status().message(),
            "x.lua:1: precompiled (binary) chunks are refused; load Lua source text");
}

TEST(Sandbox, ReportsSyntaxErrorsWithLine) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto result = sandbox->RunFile("x.lua", "local a = 1\nlocal b = = 2\n");
  EXPECT_EQ(result.status().code(), StatusCode::kScriptError);
  EXPECT_EQ(result.status().message(), "x.lua:2: unexpected symbol near '='");
}

TEST(Sandbox, PrefixesErrorsRaisedWithoutPosition) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto result = sandbox->RunFile("x.lua", "\nerror('plain', 0)\n");
  EXPECT_EQ(result.status().message(), "x.lua:2: plain");
  result = sandbox->RunFile("x.lua", "error({})\n");
  EXPECT_EQ(result.status().message(), "x.lua:1: (error object is a table value)");
  EXPECT_NE(sandbox->last_traceback().find("stack traceback"), std::string::npos);
}

TEST(Sandbox, EachFileHasItsOwnEnvironment) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  ASSERT_TRUE(sandbox->RunFile("a.lua", "local x = 1 return x").ok());
  auto result = sandbox->RunFile("b.lua", "return x");
  EXPECT_EQ(result.status().message(), "b.lua:1: unknown global 'x'");
}

TEST(Sandbox, BudgetIsPerCall) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto fn = sandbox->RunFile("f.lua", "return function() for i = 1, 20000 do end end");
  ASSERT_TRUE(fn.ok());
  for (int i = 0; i < 20; ++i) {
    EXPECT_TRUE(sandbox->Call((*fn)["$function"].get<int>(), {}, 0).ok()) << i;
  }
}

TEST(Sandbox, ConstructorsTagTablesWithKindAndLine) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  ASSERT_TRUE(sandbox->AddConstructor("task").ok());
  auto result = sandbox->RunFile("w.lua", "return {\n  task { key = 'a' },\n}\n");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(*result, Json::parse(R"([{"$kind":"task","$line":2,"key":"a"}])"));
}

TEST(Sandbox, ConstructorRefusesNonTable) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  ASSERT_TRUE(sandbox->AddConstructor("task").ok());
  auto result = sandbox->RunFile("w.lua", "return task 'x'");
  EXPECT_EQ(result.status().message(), "w.lua:1: task expects a table: task { ... }");
}

TEST(Sandbox, JsonRoundTripPreservesTypes) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto fn = sandbox->RunFile("id.lua", "return function(x) return x end");
  ASSERT_TRUE(fn.ok());
  Json value = Json::parse(R"({"int": 3, "float": 2.5, "text": "Žluťoučký", "yes": true,
      "list": [1, "two", {"three": 3}], "nested": {"a": {"b": []}}, "big": -9007199254740993})");
  value["nested"]["a"]["b"] = Json::object();  // an empty table comes back as an object
  auto back = sandbox->Call((*fn)["$function"].get<int>(), {&value}, 1);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->front(), value);
  EXPECT_TRUE(back->front()["int"].is_number_integer());
  EXPECT_TRUE(back->front()["float"].is_number_float());
}

TEST(Sandbox, NullBecomesNil) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto fn = sandbox->RunFile("id.lua", "return function(x) return x.gone == nil end");
  Json value = {{"gone", nullptr}};
  auto back = sandbox->Call((*fn)["$function"].get<int>(), {&value}, 1);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->front(), true);
}

TEST(Sandbox, RefusesValuesThatAreNotJson) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  const std::pair<const char*, const char*> cases[] = {
      {"return function() local t = {} t.self = t return t end",
       "'self': a table that contains itself is not a value"},
      {"return function() return {f = function() end} end", "'f': a function is not a value"},
      {"return function() return {[true] = 1} end", "a boolean key is not allowed"},
      {"return function() return {x = 0/0} end", "'x': a number must be finite"},
  };
  for (const auto& [source, message] : cases) {
    auto fn = sandbox->RunFile("v.lua", source);
    ASSERT_TRUE(fn.ok());
    auto result = sandbox->Call((*fn)["$function"].get<int>(), {}, 1);
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument) << source;
    EXPECT_EQ(result.status().message(), message);
  }
}

TEST(Sandbox, ReturnsRequestedNumberOfResults) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  auto fn = sandbox->RunFile("r.lua", "return function() return true, 'why' end");
  auto result = sandbox->Call((*fn)["$function"].get<int>(), {}, 3);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, (std::vector<Json>{true, "why", nullptr}));
}

TEST(LuaSandboxRecorder, RecordsCallsInOrderWithTheirLines) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  ASSERT_TRUE(sandbox->AddRecorder("step").ok());
  auto ran = sandbox->RunFile("steps.lua", "step { a = 1 }\n\nstep \"text\"\n");
  ASSERT_TRUE(ran.ok()) << ran.status().ToString();
  auto recorded = sandbox->TakeRecorded();
  ASSERT_TRUE(recorded.ok()) << recorded.status().ToString();
  EXPECT_EQ(*recorded, Json::parse(R"([{"a":1,"$kind":"step","$line":1},
                                       {"1":"text","$kind":"step","$line":3}])"));
  EXPECT_EQ(*sandbox->TakeRecorded(), Json::array());
}

TEST(LuaSandboxRecorder, RefusesAFunctionAsItsArgument) {
  auto sandbox = NewSandbox();
  ASSERT_NE(sandbox, nullptr);
  ASSERT_TRUE(sandbox->AddRecorder("step").ok());
  auto ran = sandbox->RunFile("steps.lua", "step(function() end)\n");
  EXPECT_EQ(ran.status().message(),
            "steps.lua:1: step expects a table or a text: step { ... } or step \"...\"");
}

}  // namespace
}  // namespace souhra
