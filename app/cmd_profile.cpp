// `profile list WORKSPACE`, `profile save WORKSPACE NAME FILE --format F [--map FIELD=COLUMN]...`,
// `profile remove WORKSPACE NAME` (docs/formats.md#profiles): the saved column mappings that
// `import` and the window's import dialog apply to CSV files no format recognises. `save` takes
// the header from FILE and checks the mapping against it exactly as an import would, so a
// profile that is saved also reads its files; cron jobs get the mapping the window saved.
#include "app/cli.h"
#include "app/commands.h"
#include "app/mapoption.h"
#include "importers/importformat.h"
#include "store/importprofiles.h"
#include "store/timeutil.h"
#include "store/workspace.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace srm::cli {

namespace {

QString describe(const ImportProfile &p)
{
    QStringList mapping;
    for (const auto &[field, column] : p.mapping)
        mapping << field + u'=' + column;
    return QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
        .arg(p.name, p.format, mapping.isEmpty() ? QStringLiteral("-") : mapping.join(QStringLiteral(", ")),
             p.headerKey, formatIso(p.createdAt));
}

int list(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    if (!parse(parser, QStringLiteral("profile"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected profile list WORKSPACE"));
    auto ws = openWorkspace(pos[0]);
    QString out;
    for (const ImportProfile &p : ImportProfileStore(*ws).profiles())
        out += describe(p);
    printOut(out);
    return Ok;
}

int save(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QStringLiteral("the workspace file (.srmap); created if missing"));
    parser.addPositionalArgument(QStringLiteral("NAME"),
                                 QStringLiteral("the profile's name (replaces one of that name)"));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("a CSV file with the header the profile is for"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("the CSV format the file is: %1").arg(importers::knownFormatIds()),
                                    QStringLiteral("F"));
    const QCommandLineOption map = mapOption();
    parser.addOptions({format, map});
    if (!parse(parser, QStringLiteral("profile"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3)
        throw UsageError(
            QStringLiteral("expected profile save WORKSPACE NAME FILE --format F [--map FIELD=COLUMN]..."));
    if (!parser.isSet(format))
        throw UsageError(QStringLiteral("--format is required"));
    const auto f = importers::formatFromId(parser.value(format).toStdString());
    if (!f || !importers::isCsvFormat(*f))
        throw UsageError(QStringLiteral("--format must be a CSV format, not '%1'").arg(parser.value(format)));
    const importers::ColumnMap columnMap = columnMapOption(parser.values(map), f);
    const QString name = pos[1].trimmed();

    // Everything about the file first: nothing is created when it does not fit.
    QFile file(pos[2]);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(QStringLiteral("%1: cannot open: %2").arg(pos[2], file.errorString()));
    const auto header = importers::csvHeader(file.read(importers::kSniffBytes));
    if (!header)
        throw InputError(QStringLiteral("%1: not a CSV file with a header of at least two columns").arg(pos[2]));
    const importers::ColumnResolution r = importers::resolveColumns(*f, *header, columnMap);
    if (r.error)
        throw InputError(pos[2] + QStringLiteral(":") + QString::fromStdString(r.error->text()));

    ImportProfile p;
    p.name = name;
    p.format = QString::fromLatin1(importers::formatId(*f));
    QStringList names;
    for (const std::string &h : *header)
        names << QString::fromStdString(h);
    p.headerKey = ImportProfileStore::headerKey(names);
    for (const auto &[field, column] : columnMap)
        p.mapping.append({QString::fromStdString(importers::fieldName(*f, field)), QString::fromStdString(column)});
    std::sort(p.mapping.begin(), p.mapping.end());
    auto ws = openWorkspace(pos[0], true);
    ImportProfileStore(*ws).save(p);
    printOut(describe(*ImportProfileStore(*ws).find(p.name)));
    return Ok;
}

int remove(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("the profile to remove"));
    if (!parse(parser, QStringLiteral("profile"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        throw UsageError(QStringLiteral("expected profile remove WORKSPACE NAME"));
    auto ws = openWorkspace(pos[0]);
    ImportProfileStore(*ws).remove(pos[1]);
    return Ok;
}

} // namespace

int cmdProfile(const QStringList &args)
{
    const QString action = args.value(0);
    if (action == u"list")
        return list(args.mid(1));
    if (action == u"save")
        return save(args.mid(1));
    if (action == u"remove")
        return remove(args.mid(1));
    if (action == u"--help" || action == u"-h") {
        printOut(
            QStringLiteral("Usage: sre-roadmap profile list WORKSPACE\n"
                           "       sre-roadmap profile save WORKSPACE NAME FILE --format F [--map FIELD=COLUMN]...\n"
                           "       sre-roadmap profile remove WORKSPACE NAME\n\n"
                           "Saved column mappings: 'import' reads a CSV that no format recognises with the\n"
                           "newest profile saved for its header (the window's import dialog saves them too).\n"));
        return Ok;
    }
    throw UsageError(QStringLiteral("expected list, save or remove, not '%1'").arg(action));
}

} // namespace srm::cli
