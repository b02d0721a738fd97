// `generate OUTDIR --pages N --deployments N --incidents N [--seed S]` (docs/command-line.md): the demo
// generator's records written as files in our import formats, for benchmarks: the last half
// year of the demo's span (GeneratorOptions::benchmark()), so that benchmark figures compare
// from run to run. Importing the directory into a new workspace gives the records that
// writeDemoWorkspace() writes with the same options.
#include "app/cli.h"
#include "app/commands.h"
#include "app/generatoroptions.h"
#include "demo/generator.h"
#include "importers/formatwriters.h"

namespace srm::cli {

int cmdGenerate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("OUTDIR"),
                                 QStringLiteral("where to write the files (created when missing)"));
    const GeneratorOptionSet generatorOptions(GeneratorOptions::benchmark());
    generatorOptions.addTo(parser);
    if (!parse(parser, QStringLiteral("generate"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected OUTDIR"));
    const GeneratorOptions options = generatorOptions.read(parser);

    importers::GeneratedFiles files(pos[0]);
    generateOperations(options, files);
    files.commit();
    printOut(QStringLiteral("wrote %1: %2\n").arg(pos[0], files.fileNames().join(QStringLiteral(", "))));
    return Ok;
}

} // namespace srm::cli
