// `generate OUTDIR --pages N --deployments N --incidents N [--seed S]` (SPEC 2): the demo
// generator's records written as files in our import formats, for benchmarks. Importing the
// directory into a new workspace gives the records of `demo` with the same options.
#include "cli.h"
#include "commands.h"
#include "formatwriters.h"
#include "generator.h"

namespace srm::cli {

int cmdGenerate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("OUTDIR"), QStringLiteral("where to write the files (created when missing)"));
    GeneratorOptions options;
    const QCommandLineOption pages(QStringLiteral("pages"), QStringLiteral("pages to generate (default %1)").arg(options.pages), QStringLiteral("N"));
    const QCommandLineOption deployments(QStringLiteral("deployments"), QStringLiteral("deployments to generate (default %1)").arg(options.deployments), QStringLiteral("N"));
    const QCommandLineOption incidents(QStringLiteral("incidents"), QStringLiteral("incidents to generate (default %1)").arg(options.incidents), QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed (default %1)").arg(options.seed), QStringLiteral("S"));
    parser.addOptions({pages, deployments, incidents, seed});
    if (!parse(parser, QStringLiteral("generate"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected OUTDIR"));
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

    importers::GeneratedFiles files(pos[0]);
    generateOperations(options, files);
    files.commit();
    printOut(QStringLiteral("wrote %1: %2\n").arg(pos[0], files.fileNames().join(QStringLiteral(", "))));
    return Ok;
}

} // namespace srm::cli
