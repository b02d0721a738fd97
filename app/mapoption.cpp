#include "app/mapoption.h"

#include "app/cli.h"

namespace srm::cli {

QCommandLineOption mapOption()
{
    return QCommandLineOption(QStringLiteral("map"),
                              QStringLiteral("with --format F (a CSV format): read the format's field FIELD from the "
                                             "file's column COLUMN (header matched case-insensitively; repeatable)"),
                              QStringLiteral("FIELD=COLUMN"));
}

importers::ColumnMap columnMapOption(const QStringList &values, const std::optional<importers::Format> &format)
{
    importers::ColumnMap map;
    if (values.isEmpty())
        return map;
    if (!format)
        throw UsageError(QStringLiteral("--map needs --format (the CSV format the columns are mapped to)"));
    for (const QString &v : values) {
        const qsizetype eq = v.indexOf(u'=');
        if (eq <= 0 || v.left(eq).trimmed().isEmpty() || v.mid(eq + 1).trimmed().isEmpty())
            throw UsageError(QStringLiteral("--map takes FIELD=COLUMN, not '%1'").arg(v));
        map.emplace_back(v.left(eq).trimmed().toStdString(), v.mid(eq + 1).trimmed().toStdString());
    }
    if (const auto problem = importers::checkColumnMap(*format, map))
        throw UsageError(QStringLiteral("--map: %1").arg(QString::fromStdString(problem->reason)));
    return map;
}

} // namespace srm::cli
