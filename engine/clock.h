// The clock seam. Everything in Souhra reads the time through a Clock: the system clock in
// production (adapters/clock/system_clock.h), a virtual clock in tests and simulations, so that
// runs are deterministic and can be replayed. No other code calls the system time.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace souhra {

// A point in time, UTC, millisecond precision. Stored as milliseconds since the Unix epoch.
using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

inline int64_t ToMillis(Instant t) { return t.time_since_epoch().count(); }
inline Instant FromMillis(int64_t ms) { return Instant(std::chrono::milliseconds(ms)); }
// ISO-8601 in UTC with a Z suffix and milliseconds, e.g. "2026-04-02T08:00:00.000Z".
std::string FormatUtc(Instant t);
// Parses ISO-8601 with an offset or Z: "2026-04-02T10:00:00+02:00", "2026-04-02T08:00:00.000Z".
// Returns false on anything else.
bool ParseIsoInstant(const std::string& text, Instant* out);

class Clock {
 public:
  virtual ~Clock() = default;
  // The current time. Thread-safe.
  virtual Instant Now() const = 0;
};

}  // namespace souhra
