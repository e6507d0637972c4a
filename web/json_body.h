// Strict reading of JSON request bodies: malformed JSON, a body too large or nested too deeply
// (engine/json_limits.h), a body that is not an object, unknown fields and wrong types are
// refused (kInvalidArgument) with a message naming the field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/json.h"
#include "engine/status.h"

namespace souhra {

class JsonBody {
 public:
  // Parses `text` as an object whose fields are all in `allowed`. An empty text is {}.
  static Result<JsonBody> Parse(const std::string& text, const std::vector<std::string>& allowed);

  // A required string (non-empty), or an optional one ("" when absent).
  Result<std::string> RequiredString(const std::string& field) const;
  Result<std::string> OptionalString(const std::string& field) const;
  // An optional object ({} when absent).
  Result<Json> OptionalObject(const std::string& field) const;
  Result<std::optional<bool>> OptionalBool(const std::string& field) const;
  bool Has(const std::string& field) const { return json_.contains(field); }
  const Json& json() const { return json_; }

 private:
  explicit JsonBody(Json json) : json_(std::move(json)) {}
  Json json_;
};

}  // namespace souhra
