// Reads back the rows the engine wrote for one finished bench case, as the template the
// store-only baseline copies (adapters/sqlite/baseline_writer.h).
#pragma once

#include "adapters/sqlite/baseline_writer.h"
#include "engine/store.h"

namespace souhra {

// `case_id` must have gone through all steps of the bench workflow; `created_data` is the data
// it was created with. kInternal when its rows do not have the bench workflow's shape.
Result<BaselineCase> ReadBaselineCase(CaseFiles& files, DefinitionVersions& versions,
                                      CaseId case_id, const Json& created_data);

}  // namespace souhra
