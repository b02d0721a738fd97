#include "app/generatoroptions.h"

#include "app/cli.h"

namespace srm::cli {

namespace {

std::int64_t count(const QCommandLineParser &parser, const QCommandLineOption &o, std::int64_t fallback)
{
    if (!parser.isSet(o))
        return fallback;
    bool ok = false;
    const qint64 v = parser.value(o).toLongLong(&ok);
    if (!ok || v < 0 || v > 100000000)
        throw UsageError(QStringLiteral("--%1 needs a whole number from 0 to 100000000").arg(o.names().constFirst()));
    return v;
}

} // namespace

GeneratorOptionSet::GeneratorOptionSet(const GeneratorOptions &defaults)
    : m_defaults(defaults),
      m_pages(QStringLiteral("pages"), QStringLiteral("pages to generate (default %1)").arg(defaults.pages),
              QStringLiteral("N")),
      m_deployments(QStringLiteral("deployments"),
                    QStringLiteral("deployments to generate (default %1)").arg(defaults.deployments),
                    QStringLiteral("N")),
      m_incidents(QStringLiteral("incidents"),
                  QStringLiteral("incidents to generate (default %1)").arg(defaults.incidents), QStringLiteral("N")),
      m_seed(QStringLiteral("seed"), QStringLiteral("random seed (default %1)").arg(defaults.seed), QStringLiteral("S"))
{
}

void GeneratorOptionSet::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_pages, m_deployments, m_incidents, m_seed});
}

GeneratorOptions GeneratorOptionSet::read(const QCommandLineParser &parser) const
{
    GeneratorOptions options = m_defaults;
    options.pages = count(parser, m_pages, options.pages);
    options.deployments = count(parser, m_deployments, options.deployments);
    options.incidents = count(parser, m_incidents, options.incidents);
    options.seed = std::uint64_t(count(parser, m_seed, std::int64_t(options.seed)));
    return options;
}

} // namespace srm::cli
