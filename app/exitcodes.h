// The one mapping from an exception (srm::Error and its kinds) to the command line's exit code
// (docs/hostile-input.md#exit-codes): 1 a failure (network, disk, cancelled), 2 bad input or a
// refused request, 3 a workspace problem. Commands that catch an Error to report it return
// exitCodeFor(it); cli::run catches what escapes a command the same way.
#pragma once

#include "store/error.h"

namespace srm::cli {

enum ExitCode { Ok = 0, Failure = 1, BadInput = 2, WorkspaceProblem = 3 };

int exitCodeFor(const Error &e);

} // namespace srm::cli
