// What `import` and `profile save` share: --map FIELD=COLUMN (repeatable) read into the
// importers' ColumnMap and checked against the format's fields before anything is opened (an
// unknown FIELD, a FIELD given twice, a format without columns: UsageError, exit 2).
// docs/formats.md#column-mapping
#pragma once

#include "importers/parser.h"

#include <QCommandLineOption>
#include <QStringList>

#include <optional>

namespace srm::cli {

QCommandLineOption mapOption();
importers::ColumnMap columnMapOption(const QStringList &values, const std::optional<importers::Format> &format);

} // namespace srm::cli
