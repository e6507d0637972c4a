// A channel for tests that records every delivery it is given and fails the first N of them
// with kUnavailable, like a mail server that is down for a while (or with another code).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/notifier.h"

namespace souhra::testing {

class RecordingNotifier final : public Notifier {
 public:
  explicit RecordingNotifier(std::string name = "inbox", int fail_first = 0)
      : name_(std::move(name)), fail_left_(fail_first) {}

  const std::string& channel() const override { return name_; }
  Status Deliver(const Delivery& delivery) override {
    attempts_.push_back(delivery);
    if (fail_left_ > 0) {
      --fail_left_;
      if (fail_code_ != StatusCode::kUnavailable) return Status(fail_code_, "refused");
      return Unavailable("channel '" + name_ + "' is down");
    }
    delivered_.push_back(delivery);
    return Status::Ok();
  }

  // Every call of Deliver, failed or not, in order.
  const std::vector<Delivery>& attempts() const { return attempts_; }
  // The calls that succeeded.
  const std::vector<Delivery>& delivered() const { return delivered_; }
  void FailNext(int n, StatusCode code = StatusCode::kUnavailable) {
    fail_left_ = n;
    fail_code_ = code;
  }

 private:
  std::string name_;
  int fail_left_;
  StatusCode fail_code_ = StatusCode::kUnavailable;
  std::vector<Delivery> attempts_;
  std::vector<Delivery> delivered_;
};

}  // namespace souhra::testing
