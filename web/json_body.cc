#include "web/json_body.h"

#include <algorithm>

#include "engine/json_limits.h"

namespace souhra {

Result<JsonBody> JsonBody::Parse(const std::string& text, const std::vector<std::string>& allowed) {
  if (text.empty()) return JsonBody(Json::object());
  SOUHRA_ASSIGN_OR_RETURN(Json json, ParseJson(text));
  if (!json.is_object()) return InvalidArgument("the request body must be a JSON object");
  for (const auto& [field, value] : json.items()) {
    if (std::find(allowed.begin(), allowed.end(), field) == allowed.end()) {
      std::string known;
      for (const std::string& a : allowed) known += (known.empty() ? "" : ", ") + a;
      return InvalidArgument("unknown field '" + field + "' (expected: " + known + ")");
    }
  }
  return JsonBody(std::move(json));
}

Result<std::string> JsonBody::RequiredString(const std::string& field) const {
  if (!json_.contains(field)) return InvalidArgument("Chybí povinná položka „" + field + "“.");
  SOUHRA_ASSIGN_OR_RETURN(std::string value, OptionalString(field));
  if (value.empty()) return InvalidArgument("Položka „" + field + "“ nesmí být prázdná.");
  return value;
}

Result<std::string> JsonBody::OptionalString(const std::string& field) const {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return std::string();
  if (!it->is_string()) return InvalidArgument("Položka „" + field + "“ má být text.");
  return it->get<std::string>();
}

Result<Json> JsonBody::OptionalObject(const std::string& field) const {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return Json::object();
  if (!it->is_object()) return InvalidArgument("Položka „" + field + "“ má být skupina údajů.");
  return *it;
}

Result<std::optional<bool>> JsonBody::OptionalBool(const std::string& field) const {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return InvalidArgument("Položka „" + field + "“ má být ano, nebo ne.");
  return std::optional<bool>(it->get<bool>());
}

}  // namespace souhra
