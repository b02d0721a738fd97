// --pages, --deployments, --incidents and --seed: the options `demo` and `generate` share to
// size the seeded generator (demo/generator.h).
#pragma once

#include "demo/generator.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace srm::cli {

class GeneratorOptionSet
{
public:
    // Defaults and help texts from `defaults` (the demo's, or GeneratorOptions::benchmark()).
    explicit GeneratorOptionSet(const GeneratorOptions &defaults = {});
    void addTo(QCommandLineParser &parser) const;
    // The options given on the command line over the defaults; throws UsageError on a bad count.
    GeneratorOptions read(const QCommandLineParser &parser) const;

private:
    GeneratorOptions m_defaults;
    QCommandLineOption m_pages;
    QCommandLineOption m_deployments;
    QCommandLineOption m_incidents;
    QCommandLineOption m_seed;
};

} // namespace srm::cli
