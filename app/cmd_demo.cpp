// `demo WORKSPACE`: writes the demo workspace of docs/demo.md.
#include "app/cli.h"
#include "app/commands.h"
#include "app/generatoroptions.h"
#include "demo/demo.h"
#include "store/workspace.h"

#include <QSqlQuery>

namespace srm::cli {

int cmdDemo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QStringLiteral("where to write it (an existing workspace there is replaced)"));
    const GeneratorOptionSet generatorOptions;
    generatorOptions.addTo(parser);
    if (!parse(parser, QStringLiteral("demo"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    const GeneratorOptions options = generatorOptions.read(parser);
    writeDemoWorkspace(pos[0], options);

    auto ws = openWorkspace(pos[0]);
    QStringList counts;
    for (const char *table :
         {"deployments", "changes", "incidents", "pages", "slos", "slo_measurements", "debt_items"}) {
        QSqlQuery q(ws->database());
        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table)));
        q.next();
        counts
            << QStringLiteral("%1 %2").arg(q.value(0).toLongLong()).arg(QString::fromLatin1(table).replace(u'_', u' '));
    }
    printOut(QStringLiteral("wrote %1: %2\n").arg(pos[0], counts.join(QStringLiteral(", "))));
    return Ok;
}

} // namespace srm::cli
