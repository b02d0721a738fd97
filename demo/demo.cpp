#include "demo/demo.h"

#include "demo/generator.h"
#include "planning/scenarios.h"
#include "store/recordwriter.h"
#include "store/workspace.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace srm {

namespace {

class DemoSink : public RecordSink
{
public:
    DemoSink(Workspace &ws, const qint64 ids[5])
        : m_delivery(ws, ids[0]), m_incidents(ws, ids[1]), m_pages(ws, ids[2]), m_slos(ws, ids[3]), m_debt(ws, ids[4])
    {
        // A new workspace: pages go in as a bulk load, and every table as a bulk load of its
        // latest event time (RecordWriter::setBulkPages).
        for (RecordWriter *w : {&m_delivery, &m_incidents, &m_pages, &m_slos, &m_debt})
            w->setBulkPages(true);
    }
    void finish()
    {
        for (RecordWriter *w : {&m_delivery, &m_incidents, &m_pages, &m_slos, &m_debt})
            w->finish();
    }
    void deployment(const Deployment &d) override { m_delivery.add(d); }
    void change(const Change &c) override { m_delivery.add(c); }
    void incident(const Incident &i) override { m_incidents.add(i); }
    void page(const Page &p) override { m_pages.add(p); }
    void slo(const Slo &s) override { m_slos.add(s); }
    void measurement(const SloMeasurement &m) override { m_slos.add(m); }
    void debtItem(const DebtItem &item) override { m_debt.add(item); }
    void ownership(const Ownership &o) override { m_delivery.add(o); }

    const RecordWriter &writer(int i) const
    {
        const RecordWriter *w[] = {&m_delivery, &m_incidents, &m_pages, &m_slos, &m_debt};
        return *w[i];
    }

private:
    RecordWriter m_delivery, m_incidents, m_pages, m_slos, m_debt;
};

void removeWithSidecars(const QString &path)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

void writeDemoWorkspace(const QString &path, const GeneratorOptions &options)
{
    if (QFileInfo::exists(path)) {
        // Only ever replace a workspace; opening checks that (and that no one holds it).
        Workspace::open(path);
    }
    const QString tmp = QStringLiteral("%1.demo-%2").arg(path).arg(::getpid());
    removeWithSidecars(tmp);
    {
        auto ws = Workspace::create(tmp);
        ws->setSettings({{QStringLiteral("name"), QStringLiteral("Online Boutique")},
                         {QStringLiteral("timezone"), QString::fromLatin1(options.timezone)},
                         {QStringLiteral("team_size"), QStringLiteral("4")}});
        Workspace::Transaction tx(*ws);

        static const char *const sources[5][2] = {
            {"generated/deployments.csv + changes.csv", "deployments"},
            {"generated/incidents.csv", "incidents"},
            {"generated/pages.csv", "pages"},
            {"generated/slos.yaml + slo_measurements.csv", "openslo"},
            {"generated/debt.csv", "debt"},
        };
        qint64 ids[5];
        ImportLogEntry entries[5];
        for (int i = 0; i < 5; ++i) {
            entries[i].fileName = QString::fromLatin1(sources[i][0]);
            entries[i].format = QString::fromLatin1(sources[i][1]);
            entries[i].sha256 = QStringLiteral("demo seed %1").arg(options.seed);
            entries[i].importedAt = options.end;
            entries[i].notes = QStringLiteral("demo data written by sre-roadmap demo");
            ids[i] = entries[i].id = ws->addImportLog(entries[i]);
        }
        DemoSink sink(*ws, ids);
        generateOperations(options, sink);
        sink.finish();
        for (int i = 0; i < 5; ++i) {
            entries[i].added = sink.writer(i).counts().added;
            ws->updateImportLog(entries[i]);
        }
        // A user rule that folds pod names into one group, and a merge of two redis alerts.
        ws->exec(QStringLiteral("INSERT INTO alert_rules(position, pattern, replacement) VALUES(1, ?, ?)"),
                 {QStringLiteral("Pod (\\S+)-<hex>-\\S+"), QStringLiteral("Pod \\1-<pod>")});
        ws->exec(QStringLiteral("INSERT INTO alert_merges(from_key, into_key) VALUES(?, ?)"),
                 {QStringLiteral("redis-cart|redis-cart evicted keys <n> in <n>m"),
                  QStringLiteral("redis-cart|redis-cart memory fragmentation ratio <n>")});
        tx.commit();
        // A what-if to compare with the baseline: one more engineer (team_size 4 → 5).
        ScenarioStore(*ws).save(QStringLiteral("+1 engineer"), {{QStringLiteral("team_size"), QStringLiteral("5")}});
        ws->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    removeWithSidecars(path);
    if (std::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) != 0) {
        removeWithSidecars(tmp);
        throw WorkspaceError(WorkspaceError::Kind::Io, QStringLiteral("%1: cannot write the demo workspace").arg(path));
    }
}

} // namespace srm
