// `sre-roadmap metrics` and `sre-roadmap alerts` through the real binary: the JSON documents of
// docs/metrics.md and docs/slos-and-alerts.md field for field, the default as-of, the text tables,
// and exit code 2 for bad options (3 for workspace problems).
#include "tests/enginefixture.h"

#include "tests/common/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList k = o.keys();
    return QSet<QString>(k.begin(), k.end());
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

QSet<QString> set(std::initializer_list<const char *> names)
{
    QSet<QString> out;
    for (const char *n : names)
        out.insert(QString::fromLatin1(n));
    return out;
}

QJsonObject parse(const CliResult &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not one JSON object: %s\n%s", qPrintable(error.errorString()), r.out.left(500).constData());
    return doc.object();
}

} // namespace

class TstAnalysisCli : public QObject
{
    Q_OBJECT

    EngineFixture m_fixture;
    QString m_ws;

private slots:
    void initTestCase()
    {
        EngineFixture &f = m_fixture;
        m_ws = f.path();
        // Window [09-17, 10-01): D1 (fine), D2 (rolled back), D3 (fixed by F1 after 2 h); F1 is
        // staging. Changes: c1 24 h, c2 2 h.
        f.write(deployment("D1", "2026-09-17T00:00:00Z"),
                deployment("D2", "2026-09-18T12:00:00Z", DeployResult::RolledBack),
                deployment("D3", "2026-09-22T10:00:00Z"),
                deployment("F1", "2026-09-22T12:00:00Z", DeployResult::Success, "staging", "D3"),
                change("c1", "D1", "2026-09-16T00:00:00Z"), change("c2", "D3", "2026-09-22T08:00:00Z"));
        // Pages: two groups; the latest event is p3's resolution on 10-03.
        f.write(page("p1", "Disk 91% full", "2026-09-21T10:00:00Z", 120),
                page("p2", "Disk 95% full", "2026-09-22T03:00:00Z", 240, 600, true),
                page("p3", "Cert expires in 3 days", "2026-09-30T12:00:00Z", std::nullopt, 3 * 86400 - 3600));
        Slo s;
        s.name = "checkout-availability";
        s.measurementSlo = "checkout";
        s.service = "checkoutservice";
        s.objective = 0.99;
        s.windowSeconds = 28 * 86400;
        Slo empty = s;
        empty.name = "empty";
        empty.measurementSlo = "nothing";
        SloMeasurement m;
        m.slo = "checkout";
        m.timestamp = at("2026-09-30T00:00:00Z");
        m.good = 995;
        m.total = 1000;
        f.write(s, empty, m);
    }

    // The previous period of a window is exactly what `metrics --as-of FROM --window-days DAYS`
    // gives, its SLOs ending at FROM (docs/intervals-and-progress.md#the-previous-period).
    void previousIsTheWindowBefore()
    {
        const auto run = [&](const char *asOf, const char *days) {
            const CliResult r = runCli({QStringLiteral("metrics"), m_ws, QStringLiteral("--as-of"),
                                        QLatin1StringView(asOf), QStringLiteral("--window-days"),
                                        QLatin1StringView(days), QStringLiteral("--json")});
            return parse(r);
        };
        // [09-24, 10-01) against [09-17, 09-24): D1 D2 D3, p1 p2 and the SLO measurement fall in
        // the previous week or around it.
        const QJsonArray now = run("2026-10-01", "7").value(u"metrics").toArray();
        const QJsonArray before = run("2026-09-24", "7").value(u"metrics").toArray();
        QCOMPARE(now.size(), before.size());
        int compared = 0;
        for (qsizetype i = 0; i < now.size(); ++i) {
            const QJsonObject m = now[i].toObject();
            const QJsonObject p = m.value(u"previous").toObject();
            const QJsonObject b = before[i].toObject();
            if (m.value(u"id").toString() == u"toil_ratio") {
                QVERIFY(p.value(u"value").isNull());
                continue;
            }
            QCOMPARE(p.value(u"value"), b.value(u"value"));
            QCOMPARE(p.value(u"n"), b.value(u"n"));
            QCOMPARE(p.value(u"ci"), b.value(u"ci"));
            compared += b.value(u"value").isNull() ? 0 : 1;
        }
        QVERIFY(compared >= 4); // deployments, failures, lead time, pages...
    }

    void metricsJson()
    {
        const CliResult r = runCli({QStringLiteral("metrics"), m_ws, QStringLiteral("--as-of"),
                                    QStringLiteral("2026-10-01"), QStringLiteral("--window-days"), QStringLiteral("14"),
                                    QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.endsWith('\n'));
        QCOMPARE(r.out.count('\n'), 1); // one document
        const QJsonObject doc = parse(r);
        QCOMPARE(keysOf(doc), set({"as_of", "dora", "window", "metrics", "slos", "themes"}));
        QCOMPARE(doc.value(u"as_of").toString(), QStringLiteral("2026-10-01T00:00:00Z"));
        const QJsonObject window = doc.value(u"window").toObject();
        QCOMPARE(keysOf(window), set({"from", "to", "days"}));
        QCOMPARE(window.value(u"from").toString(), QStringLiteral("2026-09-17T00:00:00Z"));
        QCOMPARE(window.value(u"to").toString(), QStringLiteral("2026-10-01T00:00:00Z"));
        QCOMPARE(window.value(u"days").toInteger(), 14);

        const QJsonArray metrics = doc.value(u"metrics").toArray();
        QCOMPARE(metrics.size(), qsizetype(MetricCatalogue::all().size()));
        QHash<QString, QJsonObject> byId;
        for (qsizetype i = 0; i < metrics.size(); ++i) {
            const QJsonObject m = metrics[i].toObject();
            QSet<QString> keys = set({"id", "theme", "value", "p90", "unit", "n", "target", "better", "gap", "status",
                                      "tier", "weekly", "ci", "previous", "verdict"});
            if (m.value(u"id").toString() == u"deployment_rework_rate")
                keys << QStringLiteral("rework_rules");
            QCOMPARE(keysOf(m), keys);
            QCOMPARE(m.value(u"id").toString(), QLatin1StringView(MetricCatalogue::all()[size_t(i)].id));
            const QJsonArray weekly = m.value(u"weekly").toArray();
            QCOMPARE(weekly.size(), 3);
            for (const QJsonValue &w : weekly)
                QCOMPARE(keysOf(w.toObject()), set({"week", "value", "n"}));
            byId.insert(m.value(u"id").toString(), m);
        }
        // 3 production deployments in 14 days; D2 and D3 failed.
        const QJsonObject freq = byId.value(QStringLiteral("deployment_frequency"));
        QCOMPARE(freq.value(u"theme").toString(), QStringLiteral("change"));
        QCOMPARE(freq.value(u"value").toDouble(), 3.0 / 14.0);
        QVERIFY(freq.value(u"p90").isNull());
        QCOMPARE(freq.value(u"unit").toString(), QStringLiteral("per_day"));
        QCOMPARE(freq.value(u"n").toInteger(), 3);
        QCOMPARE(freq.value(u"target").toDouble(), 1.0);
        QCOMPARE(freq.value(u"better").toString(), QStringLiteral("higher"));
        QCOMPARE(freq.value(u"gap").toDouble(), 1.0 - 3.0 / 14.0);
        QCOMPARE(freq.value(u"status").toString(), QStringLiteral("gap"));
        QCOMPARE(freq.value(u"tier").toString(), QStringLiteral("high"));
        // Byar of 3 deployments over 14 days: 3 × (1 − 1/27 − 1.959964/(3√3))³ = 3 × 0.5856786³ = 0.6029726
        // and 4 × (1 − 1/36 + 1.959964/6)³ = 4 × 1.2988829³ = 8.7653644, ÷ 14 days.
        const QJsonArray ci = freq.value(u"ci").toArray();
        QCOMPARE(ci.size(), 2);
        QVERIFY(qAbs(ci[0].toDouble() - 0.6029725617822616 / 14) < 1e-12);
        QVERIFY(qAbs(ci[1].toDouble() - 8.765364448911185 / 14) < 1e-12);
        // Nothing was deployed in the 14 days before: no interval there, so no verdict.
        const QJsonObject before = freq.value(u"previous").toObject();
        QCOMPARE(keysOf(before), set({"value", "n", "ci"}));
        QVERIFY(before.value(u"value").isNull());
        QCOMPARE(before.value(u"n").toInteger(), 0);
        QVERIFY(before.value(u"ci").isNull());
        QCOMPARE(freq.value(u"verdict").toString(), QStringLiteral("insufficient_data"));
        // change_failure_rate 2 of 3: Wilson [0.2076596, 0.9385081].
        const QJsonArray cfrCi = byId.value(QStringLiteral("change_failure_rate")).value(u"ci").toArray();
        QVERIFY(qAbs(cfrCi[0].toDouble() - 0.2076595988078242) < 1e-12);
        QVERIFY(qAbs(cfrCi[1].toDouble() - 0.9385080559790691) < 1e-12);
        // toil_ratio never has an interval (nor, without history, a previous value).
        QVERIFY(byId.value(QStringLiteral("toil_ratio")).value(u"ci").isNull());
        const QJsonArray weeks = freq.value(u"weekly").toArray();
        QCOMPARE(weeks[0].toObject().value(u"week").toString(), QStringLiteral("2026-W38"));
        QCOMPARE(weeks[0].toObject().value(u"value").toDouble(), 0.5); // D1 D2 in 4 days
        QCOMPARE(weeks[0].toObject().value(u"n").toInteger(), 2);
        QVERIFY(weeks[2].toObject().value(u"value").isNull());
        QCOMPARE(weeks[2].toObject().value(u"n").toInteger(), 0);
        const QJsonObject cfr = byId.value(QStringLiteral("change_failure_rate"));
        QCOMPARE(cfr.value(u"value").toDouble(), 2.0 / 3.0);
        QCOMPARE(cfr.value(u"tier").toString(), QStringLiteral("low"));
        const QJsonObject lead = byId.value(QStringLiteral("lead_time_for_changes"));
        QCOMPARE(lead.value(u"value").toDouble(), 13.0); // [2, 24]
        QCOMPARE(lead.value(u"p90").toDouble(), 21.8);   // 2 + 0.9 × 22
        QCOMPARE(lead.value(u"unit").toString(), QStringLiteral("hours"));
        const QJsonObject ttd = byId.value(QStringLiteral("time_to_detect"));
        QVERIFY(ttd.value(u"value").isNull());
        QVERIFY(ttd.value(u"p90").isNull());
        QVERIFY(ttd.value(u"gap").isNull());
        QVERIFY(ttd.value(u"tier").isNull());
        QCOMPARE(ttd.value(u"status").toString(), QStringLiteral("not_measured"));
        QCOMPARE(ttd.value(u"n").toInteger(), 0);
        QCOMPARE(ttd.value(u"target").toDouble(), 5.0);
        const QJsonObject tta = byId.value(QStringLiteral("time_to_acknowledge"));
        QCOMPARE(tta.value(u"value").toDouble(), 3.0); // [2, 4] minutes
        QCOMPARE(tta.value(u"p90").toDouble(), 3.8);
        QCOMPARE(tta.value(u"status").toString(), QStringLiteral("met"));
        QCOMPARE(tta.value(u"gap").toDouble(), 0.0);
        QVERIFY(tta.value(u"tier").isNull());
        QCOMPARE(byId.value(QStringLiteral("pages_per_week")).value(u"value").toDouble(), 1.5);
        QCOMPARE(byId.value(QStringLiteral("slo_compliance")).value(u"value").toDouble(), 1.0);

        const QJsonArray slos = doc.value(u"slos").toArray();
        QCOMPARE(slos.size(), 2);
        const QJsonObject s = slos[0].toObject();
        QCOMPARE(keysOf(s),
                 set({"name", "service", "objective", "attainment", "error_budget_remaining", "burn_rate_24h", "met",
                      "window_days"}));
        QCOMPARE(s.value(u"name").toString(), QStringLiteral("checkout-availability"));
        QCOMPARE(s.value(u"service").toString(), QStringLiteral("checkoutservice"));
        QCOMPARE(s.value(u"objective").toDouble(), 0.99);
        QCOMPARE(s.value(u"attainment").toDouble(), 0.995);
        QVERIFY(qAbs(s.value(u"error_budget_remaining").toDouble() - 0.5) < 1e-12);
        QVERIFY(qAbs(s.value(u"burn_rate_24h").toDouble() - 0.5) < 1e-12);
        QCOMPARE(s.value(u"met").toBool(), true);
        QCOMPARE(s.value(u"window_days").toDouble(), 28.0);
        const QJsonObject e = slos[1].toObject();
        QCOMPARE(e.value(u"name").toString(), QStringLiteral("empty"));
        for (const char *k : {"attainment", "error_budget_remaining", "burn_rate_24h", "met"})
            QVERIFY2(e.value(QLatin1StringView(k)).isNull(), k);

        const QJsonArray themes = doc.value(u"themes").toArray();
        QCOMPARE(themes.size(), 4);
        const QJsonObject change = themes[0].toObject();
        QCOMPARE(keysOf(change), set({"id", "metrics", "met", "gaps", "not_measured"}));
        QCOMPARE(change.value(u"id").toString(), QStringLiteral("change"));
        QCOMPARE(change.value(u"metrics").toInt(), 5);
        // frequency gap, lead time met (13 h), CFR gap, recovery gap (2 h), rework gap (D3 follows
        // the rollback D2: 1 of the 2 successful deployments D1 D3).
        QCOMPARE(change.value(u"met").toInt(), 1);
        QCOMPARE(change.value(u"gaps").toInt(), 4);
        const QJsonObject rework = metrics[4].toObject();
        QCOMPARE(rework.value(u"id").toString(), QStringLiteral("deployment_rework_rate"));
        QCOMPARE(rework.value(u"value").toDouble(), 0.5);
        QCOMPARE(rework.value(u"n").toInt(), 2);
        const QJsonObject rules = rework.value(u"rework_rules").toObject();
        QCOMPARE(rules.value(u"fix").toInt(), 0);
        QCOMPARE(rules.value(u"after_failure").toInt(), 1);
        QCOMPARE(rules.value(u"during_incident").toInt(), 0);
        QCOMPARE(change.value(u"not_measured").toInt(), 0);
        QCOMPARE(themes[3].toObject().value(u"id").toString(), QStringLiteral("improvement"));
    }

    // The DORA Quick Check block (docs/metrics.md#dora-quick-check) of the 14-day window:
    //   lead time p50 13 h -> level 5 -> score 8; frequency 3/14 per day (>= 1/7) -> 4 -> 6;
    //   recovery p50 2 h (D3 fixed by F1) -> 5 -> 8; change failure rate 2/3 -> 10 × 1/3;
    //   rework 1/2 -> 5. throughput (8 + 6 + 8) / 3 = 22/3; stability (10/3 + 5) / 2 = 25/6;
    //   overall (8 + 6 + 8 + 10/3 + 5) / 5 = (91/3) / 5 = 91/15.
    void metricsJsonDora()
    {
        const CliResult r = runCli({QStringLiteral("metrics"), m_ws, QStringLiteral("--as-of"),
                                    QStringLiteral("2026-10-01"), QStringLiteral("--window-days"), QStringLiteral("14"),
                                    QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject dora = parse(r).value(u"dora").toObject();
        QCOMPARE(keysOf(dora),
                 set({"benchmark", "scores", "levels", "throughput", "stability", "overall", "industry"}));
        QCOMPARE(dora.value(u"benchmark").toString(), QStringLiteral("quick-check-2025"));
        const auto five = set({"lead_time_for_changes", "deployment_frequency", "failed_deployment_recovery_time",
                               "change_failure_rate", "deployment_rework_rate"});
        const QJsonObject levels = dora.value(u"levels").toObject();
        QCOMPARE(keysOf(levels), five);
        QCOMPARE(levels.value(u"lead_time_for_changes").toInt(), 5);
        QCOMPARE(levels.value(u"deployment_frequency").toInt(), 4);
        QCOMPARE(levels.value(u"failed_deployment_recovery_time").toInt(), 5);
        QVERIFY(levels.value(u"change_failure_rate").isNull()); // the ratios have no levels
        QVERIFY(levels.value(u"deployment_rework_rate").isNull());
        const QJsonObject scores = dora.value(u"scores").toObject();
        QCOMPARE(keysOf(scores), five);
        QCOMPARE(scores.value(u"lead_time_for_changes").toDouble(), 8.0);
        QCOMPARE(scores.value(u"deployment_frequency").toDouble(), 6.0);
        QCOMPARE(scores.value(u"failed_deployment_recovery_time").toDouble(), 8.0);
        QVERIFY(qAbs(scores.value(u"change_failure_rate").toDouble() - 10.0 / 3.0) < 1e-12);
        QCOMPARE(scores.value(u"deployment_rework_rate").toDouble(), 5.0);
        QVERIFY(qAbs(dora.value(u"throughput").toDouble() - 22.0 / 3.0) < 1e-12);
        QVERIFY(qAbs(dora.value(u"stability").toDouble() - 25.0 / 6.0) < 1e-12);
        QVERIFY(qAbs(dora.value(u"overall").toDouble() - 91.0 / 15.0) < 1e-12);
        const QJsonObject industry = dora.value(u"industry").toObject();
        QSet<QString> names = five;
        names << QStringLiteral("throughput") << QStringLiteral("stability") << QStringLiteral("overall");
        QCOMPARE(keysOf(industry), names);
        for (const QString &name : names)
            QCOMPARE(keysOf(industry.value(name).toObject()), set({"mean", "sd"}));
        QCOMPARE(industry.value(u"lead_time_for_changes").toObject().value(u"mean").toDouble(), 5.5);
        QCOMPARE(industry.value(u"lead_time_for_changes").toObject().value(u"sd").toDouble(), 2.4);
        QCOMPARE(industry.value(u"deployment_rework_rate").toObject().value(u"mean").toDouble(), 7.8);
        QCOMPARE(industry.value(u"stability").toObject().value(u"sd").toDouble(), 2.0);
        QCOMPARE(industry.value(u"overall").toObject().value(u"mean").toDouble(), 6.7);
        QVERIFY(industry.value(u"overall").toObject().value(u"sd").isNull());

        // A window without any delivery data: every score, level and mean is null.
        const CliResult empty = runCli({QStringLiteral("metrics"), m_ws, QStringLiteral("--as-of"),
                                        QStringLiteral("2026-09-01"), QStringLiteral("--window-days"),
                                        QStringLiteral("14"), QStringLiteral("--json")});
        QCOMPARE(empty.exitCode, 0);
        const QJsonObject none = parse(empty).value(u"dora").toObject();
        for (const char *k : {"throughput", "stability", "overall"})
            QVERIFY2(none.value(QLatin1StringView(k)).isNull(), k);
        for (const char *block : {"levels", "scores"}) {
            const QJsonObject o = none.value(QLatin1StringView(block)).toObject();
            QCOMPARE(keysOf(o), five);
            for (const QJsonValue &v : o)
                QVERIFY2(v.isNull(), block);
        }
    }

    void defaultAsOfIsMidnightAfterTheLatestEvent()
    {
        // p3 resolved 10-03T11:00 -> 10-04T00:00.
        for (const char *command : {"metrics", "alerts"}) {
            const CliResult r = runCli({QLatin1StringView(command), m_ws, QStringLiteral("--json")});
            QCOMPARE(r.exitCode, 0);
            const QJsonObject doc = parse(r);
            QCOMPARE(doc.value(u"as_of").toString(), QStringLiteral("2026-10-04T00:00:00Z"));
            QCOMPARE(doc.value(u"window").toObject().value(u"from").toString(), QStringLiteral("2026-07-06T00:00:00Z"));
            QCOMPARE(doc.value(u"window").toObject().value(u"days").toInt(), 90);
        }
    }

    void asOfInstant()
    {
        const CliResult r = runCli({QStringLiteral("alerts"), m_ws, QStringLiteral("--as-of"),
                                    QStringLiteral("2026-09-22T03:00:00+02:00"), QStringLiteral("--window-days"),
                                    QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = parse(r);
        QCOMPARE(doc.value(u"as_of").toString(), QStringLiteral("2026-09-22T01:00:00Z"));
        QCOMPARE(doc.value(u"total_pages").toInt(), 1); // p1 at 09-21T10:00; p2 at 03:00Z is after
    }

    void alertsJson()
    {
        const CliResult r = runCli({QStringLiteral("alerts"), m_ws, QStringLiteral("--as-of"),
                                    QStringLiteral("2026-10-01"), QStringLiteral("--window-days"), QStringLiteral("14"),
                                    QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject doc = parse(r);
        QCOMPARE(keysOf(doc),
                 set({"as_of", "window", "total_pages", "groups", "groups_total", "groups_for_80_percent"}));
        QCOMPARE(doc.value(u"total_pages").toInt(), 3);
        QCOMPARE(doc.value(u"groups_total").toInt(), 2);
        QCOMPARE(doc.value(u"groups_for_80_percent").toInt(), 2); // 2/3, then 1
        const QJsonArray groups = doc.value(u"groups").toArray();
        QCOMPARE(groups.size(), 1);
        const QJsonObject g = groups[0].toObject();
        QCOMPARE(keysOf(g),
                 set({"key", "service", "title", "count", "share", "cumulative_share", "off_hours_ratio", "noise_ratio",
                      "ack_p50_minutes"}));
        QCOMPARE(g.value(u"key").toString(), QStringLiteral("svc|Disk <n>% full"));
        QCOMPARE(g.value(u"service").toString(), QStringLiteral("svc"));
        QCOMPARE(g.value(u"title").toString(), QStringLiteral("Disk <n>% full"));
        QCOMPARE(g.value(u"count").toInt(), 2);
        QCOMPARE(g.value(u"share").toDouble(), 2.0 / 3.0);
        QCOMPARE(g.value(u"cumulative_share").toDouble(), 2.0 / 3.0);
        QCOMPARE(g.value(u"off_hours_ratio").toDouble(), 0.5); // Mon 10:00 in, Tue 03:00 out
        QCOMPARE(g.value(u"noise_ratio").toDouble(), 0.5);
        QCOMPARE(g.value(u"ack_p50_minutes").toDouble(), 3.0);
    }

    void textTables()
    {
        const CliResult m = runCli({QStringLiteral("metrics"), m_ws, QStringLiteral("--as-of"),
                                    QStringLiteral("2026-10-01"), QStringLiteral("--window-days"),
                                    QStringLiteral("14")});
        QCOMPARE(m.exitCode, 0);
        const QString text = m.outText();
        QVERIFY(text.contains(u"Change management: 1 met, 4 with a gap, 0 not measured"));
        QVERIFY(text.contains(u"Continuous improvement"));
        const QStringList lines = text.split(u'\n');
        // Columns line up: "status" sits at the same column as every row's status.
        qsizetype header = -1;
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (lines[i].contains(u"Deployment frequency")) {
                header = i - 1;
                break;
            }
        QVERIFY(header >= 0);
        const qsizetype statusColumn = lines[header].indexOf(u"status");
        QVERIFY(statusColumn > 0);
        QCOMPARE(lines[header + 1].mid(statusColumn, 3), QStringLiteral("gap"));
        QVERIFY(lines[header + 1].contains(u"0.21/day"));
        QVERIFY(lines[header + 1].contains(u"high"));
        QVERIFY(lines[header].contains(u"2023 cluster*"));
        QCOMPARE(lines[header + 2].mid(statusColumn, 3), QStringLiteral("met"));
        QVERIFY(text.contains(u"* DORA 2023 clusters (historical): DORA has published no tiers since 2025"));
        // The Quick Check: levels in words beside the value, scores, industry; the three means.
        QVERIFY(text.contains(u"DORA Quick Check (benchmark quick-check-2025"));
        const qsizetype freq = lines.indexOf(
            QRegularExpression(QStringLiteral(" +Deployment frequency +once per day to once per week .*")));
        QVERIFY2(freq > 0, qPrintable(text));
        QVERIFY(lines[freq].contains(u"0.21/day"));
        QVERIFY(lines[freq].contains(QRegularExpression(QStringLiteral(" 6\\.0 +4\\.8 ± 2\\.8$"))));
        QVERIFY(text.contains(u"throughput 7.3 (industry 6.0 ± 2.1) · stability 4.2 (industry 7.9 ± 2.0) · overall 6.1 "
                              u"(industry 6.7)"));
        QVERIFY(text.contains(u"not measured"));
        QVERIFY(text.contains(u"checkout-availability"));

        const CliResult a = runCli({QStringLiteral("alerts"), m_ws, QStringLiteral("--as-of"),
                                    QStringLiteral("2026-10-01"), QStringLiteral("--window-days"),
                                    QStringLiteral("14")});
        QCOMPARE(a.exitCode, 0);
        QVERIFY(a.outText().contains(u"3 pages in 2 groups; the top 2 groups cause 80% of the pages"));
        QVERIFY(a.outText().contains(u"66.7%"));
        QVERIFY(a.outText().contains(u"svc|Disk <n>% full"));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const char *ws = "@ws";
        QTest::newRow("window 0") << list({"metrics", ws, "--window-days", "0"}) << 2;
        QTest::newRow("window negative") << list({"metrics", ws, "--window-days", "-3"}) << 2;
        QTest::newRow("window fraction") << list({"alerts", ws, "--window-days", "1.5"}) << 2;
        QTest::newRow("window words") << list({"alerts", ws, "--window-days", "ninety"}) << 2;
        QTest::newRow("window huge") << list({"metrics", ws, "--window-days", "99999999999"}) << 2;
        QTest::newRow("as-of words") << list({"metrics", ws, "--as-of", "yesterday"}) << 2;
        QTest::newRow("as-of bad date") << list({"alerts", ws, "--as-of", "2026-02-30"}) << 2;
        QTest::newRow("top negative") << list({"alerts", ws, "--top", "-1"}) << 2;
        QTest::newRow("top words") << list({"alerts", ws, "--top", "ten"}) << 2;
        QTest::newRow("unknown option") << list({"metrics", ws, "--top", "3"}) << 2;
        QTest::newRow("no workspace") << list({"metrics"}) << 2;
        QTest::newRow("two workspaces") << list({"alerts", ws, ws}) << 2;
        QTest::newRow("missing workspace") << list({"metrics", "@missing"}) << 3;
        QTest::newRow("not a workspace") << list({"alerts", "@text", "--json"}) << 3;
        QTest::newRow("bad option before a missing workspace")
            << list({"metrics", "@missing", "--window-days", "x"}) << 2;
    }
    void badOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("notes.srmap"));
        writeFile(text, "just some text\n");
        for (QString &a : args) {
            if (a == u"@ws")
                a = m_ws;
            else if (a == u"@missing")
                a = dir.filePath(QStringLiteral("missing.srmap"));
            else if (a == u"@text")
                a = text;
        }
        const CliResult r = runCli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing.srmap"))));
    }

    void help()
    {
        for (const char *command : {"metrics", "alerts"}) {
            const CliResult r = runCli({QLatin1StringView(command), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.outText().contains(u"--window-days"));
        }
    }
};

QTEST_GUILESS_MAIN(TstAnalysisCli)
#include "tst_analysiscli.moc"
