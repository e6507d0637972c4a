#include "engine/definitions/rule_set_reader.h"

#include <map>

namespace souhra {
namespace {

void ReadCriterion(const Checker& at, Criterion* out) {
  at.Keys({"id", "title", "mandatory", "weight", "check"});
  out->pos = at.sink->Pos(at.path, at.line);
  if (const std::string* id = at.String("id", true)) out->id = *id;
  if (const std::string* title = at.String("title", false)) out->title = *title;
  out->mandatory = at.Boolean("mandatory", false);
  out->weight = at.Number("weight", 0);
  auto check = at.obj.find("check");
  if (check == at.obj.end()) {
    at.Report("", "missing 'check'");
  } else if (!IsFunction(*check)) {
    at.Report("check", "'check' must be a function, not a " + LuaTypeName(*check));
  } else {
    out->check = {(*check)["$function"].get<int>(), at.sink->Pos(at.At("check"), at.line)};
  }
}

}  // namespace

void ReadRuleSet(const Json& value, Diagnostics* sink, RuleSet* out) {
  Checker at{sink, value, {}, LineOf(value, 1), "rules"};
  at.Keys({"name", "title", "params", "min_score", "decide", "criteria"});
  if (const std::string* name = at.String("name", true)) out->name = *name;
  if (const std::string* title = at.String("title", false)) out->title = *title;
  if (const Json* params = at.Table("params", false)) out->params = *params;
  out->min_score = at.Number("min_score", 0);
  if (const std::string* decide = at.String("decide", false)) {
    if (*decide == "any") {
      out->decide_any = true;
    } else if (*decide != "all") {
      at.Report("decide", "must be \"all\" or \"any\", not '" + *decide + "'");
    }
  }
  auto criteria = value.find("criteria");
  if (criteria == value.end()) {
    at.Report("", "missing 'criteria'");
    return;
  }
  if (!criteria->is_array()) {
    at.Report("criteria", "'criteria' must be a list of criterion { ... }");
    return;
  }
  std::map<std::string, int> first_line;
  for (size_t i = 0; i < criteria->size(); ++i) {
    const Json& item = (*criteria)[i];
    bool named = item.is_object() && item.contains("id") && item["id"].is_string();
    std::string label = named ? "'" + item["id"].get<std::string>() + "'" : std::to_string(i + 1);
    Checker c{sink,
              item,
              {"criteria", std::to_string(i + 1)},
              LineOf(item, at.line),
              "criterion " + label};
    if (!item.is_object() || IsFunction(item)) {
      c.Report("", "expected criterion { id = ..., check = function(case, params) ... end }");
      continue;
    }
    Criterion criterion;
    ReadCriterion(c, &criterion);
    if (!criterion.id.empty()) {
      auto [it, fresh] = first_line.emplace(criterion.id, criterion.pos.line);
      if (!fresh) c.Report("id", "duplicate id (first on line " + std::to_string(it->second) + ")");
    }
    out->criteria.push_back(std::move(criterion));
  }
}

}  // namespace souhra
