// A fresh directory under $TMPDIR (or /tmp) for one test, removed with its contents when the
// object is destroyed.
#pragma once

#include <string>

namespace souhra::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace souhra::testing
