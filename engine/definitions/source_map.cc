#include "engine/definitions/source_map.h"

#include <cctype>
#include <cstring>

namespace souhra {
namespace {

enum class TokenType { kName, kString, kNumber, kSymbol, kEnd };

struct Token {
  TokenType type;
  std::string text;  // a string token holds its raw contents, without quotes
  int line;
};

// Splits Lua source into tokens. Malformed text never fails: the loader reports syntax errors
// from Lua itself, so this only has to be right for files that parse.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : s_(s) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    while (SkipSpaceAndComments(), i_ < s_.size()) tokens.push_back(Next());
    tokens.push_back({TokenType::kEnd, "", line_});
    return tokens;
  }

 private:
  char At(size_t k) const { return k < s_.size() ? s_[k] : '\0'; }

  void Advance(size_t n) {
    for (size_t end = std::min(s_.size(), i_ + n); i_ < end; ++i_) line_ += s_[i_] == '\n';
  }

  // At "[" of a long bracket "[==[": its level, or -1 when it is not one.
  int LongBracketLevel() const {
    size_t k = i_ + 1;
    while (At(k) == '=') ++k;
    return At(k) == '[' ? static_cast<int>(k - i_ - 1) : -1;
  }

  // Skips a long bracket of `level` starting at i_, returning its contents.
  std::string LongBracket(int level) {
    Advance(level + 2);
    std::string close = "]" + std::string(level, '=') + "]";
    size_t end = s_.find(close, i_);
    if (end == std::string_view::npos) end = s_.size();
    std::string contents(s_.substr(i_, end - i_));
    Advance(end - i_ + close.size());
    return contents;
  }

  void SkipSpaceAndComments() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
        Advance(1);
      } else if (s_.substr(i_, 2) == "--") {
        Advance(2);
        int level = At(i_) == '[' ? LongBracketLevel() : -1;
        if (level >= 0) {
          LongBracket(level);
        } else {
          while (i_ < s_.size() && s_[i_] != '\n') Advance(1);
        }
      } else {
        return;
      }
    }
  }

  Token QuotedString(int line) {
    char quote = s_[i_];
    Advance(1);
    size_t start = i_;
    while (i_ < s_.size() && s_[i_] != quote && s_[i_] != '\n') Advance(s_[i_] == '\\' ? 2 : 1);
    Token token{TokenType::kString, std::string(s_.substr(start, i_ - start)), line};
    Advance(1);
    return token;
  }

  Token Next() {
    int line = line_;
    char c = s_[i_];
    if (c == '"' || c == '\'') return QuotedString(line);
    if (c == '[' && LongBracketLevel() >= 0) {
      return {TokenType::kString, LongBracket(LongBracketLevel()), line};
    }
    size_t start = i_;
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (std::isalnum(static_cast<unsigned char>(At(i_))) || At(i_) == '_') Advance(1);
      return {TokenType::kName, std::string(s_.substr(start, i_ - start)), line};
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(At(i_ + 1))))) {
      while (std::isalnum(static_cast<unsigned char>(At(i_))) || At(i_) == '.' ||
             ((At(i_) == '+' || At(i_) == '-') && std::strchr("eEpP", At(i_ - 1)))) {
        Advance(1);
      }
      return {TokenType::kNumber, std::string(s_.substr(start, i_ - start)), line};
    }
    for (const char* symbol : {"...", "==", "~=", "<=", ">=", "..", "::", "<<", ">>", "//"}) {
      if (s_.substr(i_, std::strlen(symbol)) == symbol) {
        Advance(std::strlen(symbol));
        return {TokenType::kSymbol, symbol, line};
      }
    }
    Advance(1);
    return {TokenType::kSymbol, std::string(1, c), line};
  }

  std::string_view s_;
  size_t i_ = 0;
  int line_ = 1;
};

}  // namespace

// Walks the tokens of the returned table constructor and records the line of every key.
class SourceMapParser {
 public:
  SourceMapParser(std::vector<Token> tokens, SourceMap* map) : t_(std::move(tokens)), map_(map) {}

  void Run() {
    size_t root = 0;
    for (size_t i = 0; t_[i].type != TokenType::kEnd;) {
      if (Is(i, "function")) {
        i = SkipFunction(i);
      } else {
        if (Is(i, "return")) {
          map_->return_line_ = t_[i].line;
          root = 0;
        } else if (Is(i, "{") && map_->return_line_ && !root) {
          root = i;
        }
        ++i;
      }
    }
    if (root) Table(root, {});
  }

 private:
  bool Is(size_t i, const char* text) const {
    return t_[i].type != TokenType::kString && t_[i].text == text;
  }

  // From `function` to just after its matching `end`.
  size_t SkipFunction(size_t i) {
    int depth = 0;
    for (; t_[i].type != TokenType::kEnd; ++i) {
      if (Is(i, "function") || Is(i, "if") || Is(i, "do") || Is(i, "repeat")) ++depth;
      if (Is(i, "end") || Is(i, "until")) --depth;
      if (depth == 0) return i + 1;
    }
    return i;
  }

  // From `{` to just after its `}`.
  size_t Table(size_t i, const KeyPath& path) {
    map_->lines_.emplace(path, t_[i].line);
    ++i;
    int position = 1;
    while (t_[i].type != TokenType::kEnd && !Is(i, "}")) {
      KeyPath key = path;
      if (t_[i].type == TokenType::kName && Is(i + 1, "=")) {
        key.push_back(t_[i].text);
        i += 2;
      } else if (Is(i, "[") && t_[i + 1].type == TokenType::kString && Is(i + 2, "]") &&
                 Is(i + 3, "=")) {
        key.push_back(t_[i + 1].text);
        i += 4;
      } else {
        key.push_back(std::to_string(position++));
      }
      map_->lines_.emplace(key, t_[i].line);
      i = Value(i, key);
      if (Is(i, ",") || Is(i, ";")) ++i;
    }
    return t_[i].type == TokenType::kEnd ? i : i + 1;
  }

  // From the start of an item's value to the `,`, `;` or `}` that ends it.
  size_t Value(size_t i, const KeyPath& path) {
    int nesting = 0;
    while (t_[i].type != TokenType::kEnd) {
      if (Is(i, "{")) {
        i = Table(i, path);
      } else if (Is(i, "function")) {
        i = SkipFunction(i);
      } else if (nesting == 0 && (Is(i, ",") || Is(i, ";") || Is(i, "}"))) {
        return i;
      } else {
        if (Is(i, "(") || Is(i, "[")) ++nesting;
        if (Is(i, ")") || Is(i, "]")) --nesting;
        ++i;
      }
    }
    return i;
  }

  std::vector<Token> t_;
  SourceMap* map_;
};

SourceMap SourceMap::Build(std::string_view source) {
  SourceMap map;
  SourceMapParser(Tokenizer(source).Run(), &map).Run();
  return map;
}

int SourceMap::Line(const KeyPath& path) const {
  for (size_t n = path.size() + 1; n-- > 0;) {
    auto it = lines_.find(KeyPath(path.begin(), path.begin() + n));
    if (it != lines_.end()) return it->second;
  }
  return 0;
}

}  // namespace souhra
