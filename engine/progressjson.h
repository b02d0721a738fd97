// The JSON document of `progress --json` (docs/intervals-and-progress.md#progress---json): the
// quarters, every metric's quarterly figures with their intervals and verdicts, its pace and
// projected quarter, the SLOs quarter by quarter and the successes. Pure formatting of
// progress.h's ProgressReport, written by JsonWriter (keys in byte order, times ISO-8601 UTC).
#pragma once

#include "engine/progress.h"

#include <QByteArray>

namespace srm {

QByteArray toJsonText(const ProgressReport &report);

} // namespace srm
