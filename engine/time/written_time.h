// A point in time as people and systems write it: ISO-8601 with "Z" or an offset (seconds and
// their fraction optional), or a Prague wall-clock time without an offset. One reading for every
// place a time enters the engine (forms, scripts), so a meeting at 10:00+01:00 is 09:00 UTC
// everywhere.
#pragma once

#include <string>

#include "engine/clock.h"

namespace souhra {

// Reads "2026-05-12T10:00:00.000+01:00", "2026-05-12T10:00+01:00", "2026-05-12T09:00:00Z", or
// "2026-05-12T10:00" / "2026-05-12 10:00:00" as Prague time (in the autumn's repeated hour, the
// earlier one). False for anything else, and for a Prague time the spring change skips.
bool ParseWrittenTime(const std::string& text, Instant* out);

}  // namespace souhra
