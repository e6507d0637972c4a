// Which cases a principal may see: coordinators and heads every case of their tenant; social
// workers and case managers the cases where they hold a role in the case's people; nobody
// another tenant's. A case someone may not see does not exist for them (kNotFound, 404), so that
// a guessed id reveals nothing.
#pragma once

#include <string>

#include "web/api.h"

namespace souhra {

bool MaySeeCase(const Principal& principal, const CaseRecord& c);
// The case `id` if the principal may see it, else kNotFound.
Result<CaseRecord> VisibleCase(WebServices& services, const Principal& principal, CaseId id);
// A positive integer id from a path segment; kNotFound naming `what` otherwise.
Result<int64_t> ParseId(const std::string& text, const std::string& what);

}  // namespace souhra
