// `demo WORKSPACE`: writes the demo workspace of SPEC 11.
#include "cli.h"
#include "commands.h"
#include "demo.h"
#include "workspace.h"

#include <QSqlQuery>

namespace srm::cli {

int cmdDemo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QStringLiteral("where to write it (an existing workspace there is replaced)"));
    GeneratorOptions options;
    const QCommandLineOption pages(QStringLiteral("pages"), QStringLiteral("pages to generate (default %1)").arg(options.pages), QStringLiteral("N"));
    const QCommandLineOption deployments(QStringLiteral("deployments"), QStringLiteral("deployments to generate (default %1)").arg(options.deployments), QStringLiteral("N"));
    const QCommandLineOption incidents(QStringLiteral("incidents"), QStringLiteral("incidents to generate (default %1)").arg(options.incidents), QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed (default %1)").arg(options.seed), QStringLiteral("S"));
    parser.addOptions({pages, deployments, incidents, seed});
    if (!parse(parser, QStringLiteral("demo"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    auto count = [&](const QCommandLineOption &o, std::int64_t fallback) -> std::int64_t {
        if (!parser.isSet(o))
            return fallback;
        bool ok = false;
        const qint64 v = parser.value(o).toLongLong(&ok);
        if (!ok || v < 0 || v > 100000000)
            throw UsageError(QStringLiteral("--%1 needs a whole number from 0 to 100000000").arg(o.names().constFirst()));
        return v;
    };
    options.pages = count(pages, options.pages);
    options.deployments = count(deployments, options.deployments);
    options.incidents = count(incidents, options.incidents);
    options.seed = std::uint64_t(count(seed, std::int64_t(options.seed)));
    writeDemoWorkspace(pos[0], options);

    auto ws = openWorkspace(pos[0]);
    QStringList counts;
    for (const char *table : {"deployments", "changes", "incidents", "pages", "slos", "slo_measurements", "debt_items"}) {
        QSqlQuery q(ws->database());
        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table)));
        q.next();
        counts << QStringLiteral("%1 %2").arg(q.value(0).toLongLong()).arg(QString::fromLatin1(table).replace(u'_', u' '));
    }
    printOut(QStringLiteral("wrote %1: %2\n").arg(pos[0], counts.join(QStringLiteral(", "))));
    return Ok;
}

} // namespace srm::cli
