#include "engine/json_limits.h"

#include <vector>

namespace souhra {
namespace {

// Builds the value from nlohmann's SAX events, as its own DOM parser does, and stops the parser
// at the first container that would open deeper than the limit: nothing deeper is ever built.
class BoundedBuilder : public nlohmann::json_sax<Json> {
 public:
  explicit BoundedBuilder(int max_depth) : max_depth_(max_depth) {}

  bool null() override { return Add(nullptr); }
  bool boolean(bool value) override { return Add(value); }
  bool number_integer(number_integer_t value) override { return Add(value); }
  bool number_unsigned(number_unsigned_t value) override { return Add(value); }
  bool number_float(number_float_t value, const string_t&) override { return Add(value); }
  bool string(string_t& value) override { return Add(std::move(value)); }
  bool binary(binary_t& value) override { return Add(Json::binary(std::move(value))); }
  bool start_object(std::size_t) override { return Open(Json::object()); }
  bool start_array(std::size_t) override { return Open(Json::array()); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (open_.size() == 1) outer_member_ = name;
    key_ = std::move(name);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const Json::exception&) override {
    error_position_ = position;
    return false;
  }

  Json& root() { return root_; }
  bool too_deep() const { return too_deep_; }
  const std::string& outer_member() const { return outer_member_; }
  size_t error_position() const { return error_position_; }

 private:
  // Puts `value` where the parser is: the root, the next item of an array, or the member named
  // by the last key. Pointers to open containers stay valid: nothing is added beside a container
  // while it is open, and object members are map nodes.
  Json* Place(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    Json& member = parent[key_];
    member = std::move(value);
    return &member;
  }
  bool Add(Json value) {
    Place(std::move(value));
    return true;
  }
  bool Open(Json container) {
    if (static_cast<int>(open_.size()) >= max_depth_) {
      too_deep_ = true;
      return false;
    }
    open_.push_back(Place(std::move(container)));
    return true;
  }
  bool Close() {
    open_.pop_back();
    return true;
  }

  const int max_depth_;
  Json root_;
  std::vector<Json*> open_;
  std::string key_;
  std::string outer_member_;
  bool too_deep_ = false;
  size_t error_position_ = 0;
};

Status TooDeep(const JsonLimits& limits, const std::string& outer_member) {
  const std::string message = "Data jsou vnořena příliš hluboko (nejvýše " +
                              std::to_string(limits.max_depth) +
                              " úrovní); zjednodušte jejich strukturu.";
  if (outer_member.empty()) return InvalidArgument(message);
  return Status::InvalidForm(message, {FieldError{outer_member, message}});
}

}  // namespace

Result<Json> ParseJson(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return InvalidArgument("Data jsou příliš velká (nejvýše " +
                           std::to_string(limits.max_bytes / 1024) + " kB); zmenšete je.");
  }
  BoundedBuilder builder(limits.max_depth);
  if (Json::sax_parse(text, &builder)) return std::move(builder.root());
  if (builder.too_deep()) return TooDeep(limits, builder.outer_member());
  return InvalidArgument("Data nejsou platný JSON (chyba u znaku " +
                         std::to_string(builder.error_position()) + "); opravte jejich zápis.");
}

}  // namespace souhra
