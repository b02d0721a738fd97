// Synthetic operations data for the demo workspace (docs/demo.md) and for the benchmarks'
// `generate` command: one seeded generator that streams records, day by day, into a
// RecordSink. The shape follows a real online shop of eleven services: production deploys in
// weekday bursts, incidents that cluster after bad deploys and some fixed by a follow-up
// deploy, pages from a long tail of alert templates (with the ids, hosts and numbers that the
// alert-group normalisation removes), hourly SLO measurements with some SLOs burning budget,
// and a register of operational debt. Same options, same records, byte for byte.
#pragma once

#include "store/records.h"

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace srm {

// The demo's six quarters, 2025Q2 to 2026Q3, with a journey (docs/demo.md); the
// benchmarks' data (`generate`) is the last two quarters of it at the sizes asked for.
struct GeneratorOptions
{
    std::uint64_t seed = 2026;
    Micros start = 1743465600LL * kMicrosPerSecond; // 2025-04-01T00:00:00Z
    Micros end = 1790812800LL * kMicrosPerSecond;   // 2026-10-01T00:00:00Z (exclusive)
    std::int64_t pages = 10800;
    std::int64_t deployments = 2700; // rows, production and staging
    std::int64_t incidents = 180;
    QByteArray timezone = QByteArrayLiteral("Europe/Amsterdam"); // business hours of the shop
    bool slos = true;
    bool debt = true;

    // What `generate` writes by default: the last half year (2026Q2 and 2026Q3) with a third of
    // the demo's records, the shape every benchmark so far was measured on.
    static GeneratorOptions benchmark()
    {
        GeneratorOptions o;
        o.start = 1775001600LL * kMicrosPerSecond; // 2026-04-01T00:00:00Z
        o.pages = 3600;
        o.deployments = 900;
        o.incidents = 60;
        return o;
    }
};

// Streams the records of `options` into `sink`: first the SLO definitions and debt items,
// then day by day deployments (with their changes), incidents and pages, then measurements.
// Every timestamp is before options.end.
void generateOperations(const GeneratorOptions &options, RecordSink &sink);

// The demo's operational debt register (about twenty items with dependencies, a pin, a done
// item and one that cannot fit a quarter).
std::vector<DebtItem> demoDebtItems();

} // namespace srm
