// Alert groups (docs/slos-and-alerts.md#alert-groups): the built-in normalisation as the engine
// sees it, the user's rules (in order, after the built-ins) and merges, the per-group Pareto
// figures and their order, business hours in a zone with daylight-saving changes, and the
// rule/merge store the GUI writes through.
#include "tests/enginefixture.h"

#include "engine/analysis.h"
#include "engine/analysisjson.h"
#include "store/alertrules.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

const Micros kAsOf = at("2026-10-01T00:00:00Z");
constexpr int kDays = 14;

// The pages of tst_metrics' pageMetrics: window [Thu 09-17, Thu 10-01), UTC.
void writePages(EngineFixture &f)
{
    f.write(page("H0", "Disk 99% full on host 10.0.0.9", "2026-09-16T23:59:59Z"),
            page("H1", "Queue lag 90s", "2026-09-10T16:59:59Z"),
            page("P1", "Disk 91% full on host 10.0.0.1", "2026-09-17T00:00:00Z", 120, 600),
            page("P2", "Disk 95% full on  host 10.0.0.2", "2026-09-17T09:00:00Z", std::nullopt, 300, true),
            page("P3", "Queue lag 120s", "2026-09-17T16:59:59Z", 240),
            page("P4", "Cert expires in 2 days", "2026-09-18T17:00:00Z", std::nullopt, 1800, false),
            page("P5", "Disk 97.5% full on host 10.0.0.3", "2026-09-19T12:00:00Z", 360),
            page("P6", "api 5xx burst", "2026-09-21T10:00:00Z", 60, std::nullopt, true),
            page("P7", "api 5xx burst", "2026-09-21T10:00:00Z", 180),
            page("P8", "Queue lag 30s", "2026-09-30T23:59:59Z", 480),
            page("P9", "Queue lag 31s", "2026-10-01T00:00:00Z", 60));
}

AlertReport alerts(EngineFixture &f, int parts = Dataset::Pages)
{
    return computeAlerts(f.load(kAsOf, kDays, parts));
}

QStringList keys(const AlertReport &r)
{
    QStringList out;
    for (const AlertGroup &g : r.groups)
        out << g.key;
    return out;
}

} // namespace

class TstAlertGroups : public QObject
{
    Q_OBJECT

private slots:
    void pareto()
    {
        EngineFixture f;
        writePages(f);
        const AlertReport r = alerts(f);
        QCOMPARE(r.totalPages, 8);
        QCOMPARE(r.groupsTotal(), 4);
        // A 3 pages; B and D 2 each, tie broken by key in byte order ('Q' 0x51 < 'a' 0x61); C 1.
        QCOMPARE(keys(r),
                 QStringList({QStringLiteral("svc|Disk <n>% full on host <ip>"), QStringLiteral("svc|Queue lag <n>s"),
                              QStringLiteral("svc|api <n>xx burst"), QStringLiteral("svc|Cert expires in <n> days")}));
        const AlertGroup &a = r.groups[0];
        QCOMPARE(a.service, QStringLiteral("svc"));
        QCOMPARE(a.title, QStringLiteral("Disk <n>% full on host <ip>"));
        QCOMPARE(a.count, 3);
        QCOMPARE(a.share, 0.375);
        QCOMPARE(a.cumulativeShare, 0.375);
        SRM_COMPARE_OPT(a.offHoursRatio, 2.0 / 3.0); // P1 00:00 Thu, P5 Saturday
        SRM_COMPARE_OPT(a.noiseRatio, 1.0 / 3.0);    // P2 auto-resolved
        SRM_COMPARE_OPT(a.ackP50Minutes, 4.0);       // [2, 6]
        const AlertGroup &b = r.groups[1];
        QCOMPARE(b.count, 2);
        QCOMPARE(b.share, 0.25);
        QCOMPARE(b.cumulativeShare, 0.625);
        QCOMPARE(b.offHoursRatio, 0.5); // P3 16:59:59 Thu in, P8 23:59:59 out
        QCOMPARE(b.noiseRatio, 0.0);
        SRM_COMPARE_OPT(b.ackP50Minutes, 6.0); // [4, 8]
        const AlertGroup &d = r.groups[2];
        QCOMPARE(d.cumulativeShare, 0.875);
        QCOMPARE(d.offHoursRatio, 0.0);
        QCOMPARE(d.noiseRatio, 0.5); // P6 auto-resolved though acknowledged
        SRM_COMPARE_OPT(d.ackP50Minutes, 2.0);
        const AlertGroup &c = r.groups[3];
        QCOMPARE(c.count, 1);
        QCOMPARE(c.cumulativeShare, 1.0);
        QCOMPARE(c.offHoursRatio, 1.0); // Friday 17:00 is after hours
        QCOMPARE(c.noiseRatio, 1.0);    // resolved, never acknowledged
        QVERIFY(!c.ackP50Minutes);
        // 0.375, 0.625, 0.875: three groups reach 80 %.
        QCOMPARE(r.groupsFor80Percent, 3);
        // The history pages loaded for repeat pages do not count here.
        QCOMPARE(alerts(f, Dataset::Pages | Dataset::PageHistory).totalPages, 8);
    }

    void eightyPercentExactly()
    {
        EngineFixture f;
        // 4 of 5 pages in two groups: 0.6, then 0.8 -> k = 2; the single page of group z is not needed.
        f.write(page("1", "x", "2026-09-20T00:00:00Z"), page("2", "x", "2026-09-20T01:00:00Z"),
                page("3", "x", "2026-09-20T02:00:00Z"), page("4", "y", "2026-09-20T03:00:00Z"),
                page("5", "z", "2026-09-20T04:00:00Z"));
        const AlertReport r = alerts(f);
        QCOMPARE(r.groups[1].cumulativeShare, 0.8);
        QCOMPARE(r.groupsFor80Percent, 2);
    }

    void emptyWindow()
    {
        EngineFixture f;
        f.write(page("old", "x", "2026-01-01T00:00:00Z"));
        const AlertReport r = alerts(f);
        QCOMPARE(r.totalPages, 0);
        QVERIFY(r.groups.empty());
        QVERIFY(!r.groupsFor80Percent);
        const QJsonObject json = toJson(r);
        QCOMPARE(json.value(u"groups_total").toInt(), 0);
        QVERIFY(json.value(u"groups_for_80_percent").isNull());
        QCOMPARE(json.value(u"groups").toArray().size(), 0);
    }

    void builtInNormalisation_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("key");
        // In order: UUIDs, IPv4, hex runs with a digit, numbers, then white space.
        QTest::newRow("uuid first") << "Job 123e4567-e89b-12d3-a456-426614174000 failed"
                                    << "svc|Job <uuid> failed";
        QTest::newRow("uuid in a word") << "Req a1b2c3d4-0000-1111-2222-333344445555x"
                                        << "svc|Req <uuid>x";
        QTest::newRow("ipv4") << "Host 192.168.10.254 down"
                              << "svc|Host <ip> down";
        QTest::newRow("ipv4 then port") << "Error 500 on 10.0.0.1:8080"
                                        << "svc|Error <n> on <ip>:<n>";
        QTest::newRow("five parts") << "Version 1.2.3.4.5"
                                    << "svc|Version <ip>.<n>";
        QTest::newRow("not an ip") << "Node 1234.56.78.90 lost"
                                   << "svc|Node <n>.<n> lost";
        QTest::newRow("hex") << "Checksum deadbeef01 mismatch"
                             << "svc|Checksum <hex> mismatch";
        QTest::newRow("hex after =") << "id=abc123def456"
                                     << "svc|id=<hex>";
        QTest::newRow("hex needs a digit") << "Commit abcdefab stalled"
                                           << "svc|Commit abcdefab stalled";
        QTest::newRow("hex needs a boundary") << "deadbeef1234x"
                                              << "svc|deadbeef<n>x";
        QTest::newRow("decimals") << "Latency 12.5ms over 300ms"
                                  << "svc|Latency <n>ms over <n>ms";
        QTest::newRow("white space") << "  Disk   full \t on  db-1  "
                                     << "svc|Disk full on db-<n>";
    }
    void builtInNormalisation()
    {
        QFETCH(QString, title);
        QFETCH(QString, key);
        EngineFixture f;
        f.write(page("p", title.toUtf8().constData(), "2026-09-20T00:00:00Z"));
        QCOMPARE(keys(alerts(f)), QStringList{key});
    }

    void userRulesApplyInOrderAfterTheBuiltIns()
    {
        EngineFixture f;
        f.write(page("1", "Disk 91% full on host 10.0.0.1", "2026-09-20T00:00:00Z"),
                page("2", "Disk 93% full on db 10.0.0.2", "2026-09-20T01:00:00Z"),
                page("3", "Pod cart-7f9c8d6b5-x2x1 crashed", "2026-09-20T02:00:00Z"));
        QCOMPARE(alerts(f).groupsTotal(), 3);
        AlertRuleStore store(f.ws());
        // The rules see the normalised title ("<n>", "<ip>", "<hex>"); \1 names a capture.
        const qint64 first = store.addRule(QStringLiteral("on (host|db) <ip>"), QStringLiteral("on <\\1>"));
        const qint64 second = store.addRule(QStringLiteral("^Disk <n>% full on <\\w+>$"), QStringLiteral("Disk full"));
        store.addRule(QStringLiteral("Pod (\\S+?)-<hex>-\\S+"), QStringLiteral("Pod \\1-<pod>"));
        AlertReport r = alerts(f);
        QCOMPARE(keys(r), QStringList({QStringLiteral("svc|Disk full"), QStringLiteral("svc|Pod cart-<pod> crashed")}));
        QCOMPARE(r.groups[0].count, 2);
        QCOMPARE(r.groups[0].title, QStringLiteral("Disk full"));
        // In the other order the second rule sees "<ip>" and matches nothing.
        store.moveRule(second, 1);
        QCOMPARE(store.rules().first().id, second);
        r = alerts(f);
        QCOMPARE(
            keys(r),
            QStringList({QStringLiteral("svc|Disk <n>% full on <db>"), QStringLiteral("svc|Disk <n>% full on <host>"),
                         QStringLiteral("svc|Pod cart-<pod> crashed")}));
        store.removeRule(first);
        QCOMPARE(alerts(f).groupsTotal(), 3);
        // A pattern written into the file by hand that does not compile is ignored.
        f.ws().exec(QStringLiteral("INSERT INTO alert_rules(position, pattern, replacement) VALUES(9, '([', 'x')"));
        QCOMPARE(alerts(f).groupsTotal(), 3);
    }

    // Without rules or merges the groups are taken as they are, which must give what the
    // rules' path gives with a rule that changes nothing; and two built-in groups with one key
    // (the store's index forbids it; a Dataset built otherwise may have them) still make one group.
    void groupsWithoutRules()
    {
        EngineFixture f;
        writePages(f);
        const AlertReport plain = alerts(f);
        QCOMPARE(plain.groupsTotal(), 4); // disk full, queue lag, the certificate, api 5xx
        AlertRuleStore(f.ws()).addRule(QStringLiteral("^no such title$"), QStringLiteral("x"));
        const AlertReport ruled = alerts(f);
        QCOMPARE(keys(plain), keys(ruled));
        for (std::size_t i = 0; i < plain.groups.size(); ++i) {
            QCOMPARE(plain.groups[i].service, ruled.groups[i].service);
            QCOMPARE(plain.groups[i].title, ruled.groups[i].title);
            QCOMPARE(plain.groups[i].count, ruled.groups[i].count);
            QCOMPARE(plain.groups[i].offHoursRatio, ruled.groups[i].offHoursRatio);
            QCOMPARE(plain.groups[i].noiseRatio, ruled.groups[i].noiseRatio);
            QCOMPARE(plain.groups[i].ackP50Minutes, ruled.groups[i].ackP50Minutes);
        }

        EngineFixture g;
        writePages(g);
        Dataset d = g.load(kAsOf, kDays, Dataset::Pages);
        QVERIFY(d.groupsDistinct); // read by id from the store's unique (service, title) rows
        const AlertReport before = computeAlerts(d);
        // The first page's group, twice: that page now points at the copy. Whatever changes the
        // groups clears the load's word that they are distinct; the engine then checks.
        const std::int32_t top = d.pages.front().group;
        d.groups.push_back(d.groups[std::size_t(top)]);
        d.groupsDistinct = false;
        for (PageFact &p : d.pages)
            if (p.group == top) {
                p.group = std::int32_t(d.groups.size() - 1);
                break;
            }
        const AlertReport after = computeAlerts(d);
        QCOMPARE(keys(after), keys(before));
        QCOMPARE(after.groups.front().count, before.groups.front().count);
    }

    void merges()
    {
        EngineFixture f;
        f.write(
            page("1", "Redis evicted keys 120 in 5m", "2026-09-20T00:00:00Z", 60, std::nullopt, std::nullopt, "redis"),
            page("2", "Redis memory fragmentation 1.8", "2026-09-20T01:00:00Z", 180, std::nullopt, std::nullopt,
                 "redis"),
            page("3", "Redis memory fragmentation 1.9", "2026-09-20T02:00:00Z", std::nullopt, 60, std::nullopt,
                 "redis"),
            page("4", "Redis latency spike", "2026-09-20T03:00:00Z", std::nullopt, std::nullopt, std::nullopt, "redis"),
            page("5", "Cart errors", "2026-09-20T04:00:00Z", std::nullopt, std::nullopt, std::nullopt, "cart"));
        AlertRuleStore store(f.ws());
        // evicted -> fragmentation, and latency -> evicted: a chain ends in fragmentation.
        store.addMerge(QStringLiteral("redis|Redis evicted keys <n> in <n>m"),
                       QStringLiteral("redis|Redis memory fragmentation <n>"));
        store.addMerge(QStringLiteral("redis|Redis latency spike"),
                       QStringLiteral("redis|Redis evicted keys <n> in <n>m"));
        AlertReport r = alerts(f);
        QCOMPARE(
            keys(r),
            QStringList({QStringLiteral("redis|Redis memory fragmentation <n>"), QStringLiteral("cart|Cart errors")}));
        const AlertGroup &g = r.groups[0];
        QCOMPARE(g.count, 4);
        QCOMPARE(g.service, QStringLiteral("redis"));
        QCOMPARE(g.title, QStringLiteral("Redis memory fragmentation <n>"));
        QCOMPARE(g.noiseRatio, 0.25);          // page 3
        SRM_COMPARE_OPT(g.ackP50Minutes, 2.0); // [1, 3]
        QCOMPARE(g.mergedKeys,
                 QStringList({QStringLiteral("redis|Redis evicted keys <n> in <n>m"),
                              QStringLiteral("redis|Redis latency spike")}));
        // Into a key no page has: service and title come from the key.
        store.addMerge(QStringLiteral("cart|Cart errors"), QStringLiteral("checkout|Checkout | cart"));
        r = alerts(f);
        QCOMPARE(r.groups[1].key, QStringLiteral("checkout|Checkout | cart"));
        QCOMPARE(r.groups[1].service, QStringLiteral("checkout"));
        QCOMPARE(r.groups[1].title, QStringLiteral("Checkout | cart"));
        // A cycle written by hand does not hang: each key stops before it repeats.
        f.ws().exec(QStringLiteral("INSERT OR REPLACE INTO alert_merges VALUES('redis|Redis memory fragmentation <n>', "
                                   "'redis|Redis latency spike')"));
        QCOMPARE(alerts(f).totalPages, 5);
        store.removeMerge(QStringLiteral("redis|Redis latency spike"));
        store.removeMerge(QStringLiteral("redis|Redis memory fragmentation <n>"));
        store.removeMerge(QStringLiteral("redis|Redis evicted keys <n> in <n>m"));
        store.removeMerge(QStringLiteral("cart|Cart errors"));
        QCOMPARE(alerts(f).groupsTotal(), 4);
    }

    void ruleStore()
    {
        EngineFixture f;
        AlertRuleStore store(f.ws());
        QVERIFY(store.rules().isEmpty());
        const qint64 a = store.addRule(QStringLiteral("a"), QStringLiteral("A"));
        const qint64 b = store.addRule(QStringLiteral("b"), QString());
        const qint64 c = store.addRule(QStringLiteral("c"), QStringLiteral("C"), 1); // inserted first
        auto order = [&] {
            QList<qint64> ids;
            int expected = 0;
            for (const AlertRule &r : store.rules()) {
                ids << r.id;
                if (r.position != ++expected)
                    return QList<qint64>{-1};
            }
            return ids;
        };
        QCOMPARE(order(), (QList<qint64>{c, a, b}));
        store.moveRule(c, 3);
        QCOMPARE(order(), (QList<qint64>{a, b, c}));
        store.moveRule(b, 99); // clamped to the end
        QCOMPARE(order(), (QList<qint64>{a, c, b}));
        store.updateRule(a, QStringLiteral("a+"), QStringLiteral("AA"));
        QCOMPARE(store.rules().first().pattern, QStringLiteral("a+"));
        QCOMPARE(store.rules().first().replacement, QStringLiteral("AA"));
        store.removeRule(c);
        QCOMPARE(order(), (QList<qint64>{a, b}));
        QVERIFY_THROWS_EXCEPTION(InputError, store.addRule(QStringLiteral("(unclosed"), QString()));
        QVERIFY_THROWS_EXCEPTION(InputError, store.addRule(QString(), QString()));
        QVERIFY_THROWS_EXCEPTION(InputError, store.updateRule(a, QStringLiteral("[z-a]"), QString()));
        QVERIFY_THROWS_EXCEPTION(InputError, store.updateRule(12345, QStringLiteral("x"), QString()));
        QVERIFY_THROWS_EXCEPTION(InputError, store.removeRule(12345));
        QVERIFY_THROWS_EXCEPTION(InputError, store.moveRule(12345, 1));
        QCOMPARE(order(), (QList<qint64>{a, b}));
        // Putting a removed rule back as it was (undo): its own id and position.
        const QList<AlertRule> kept = store.rules();
        store.removeRule(a);
        QCOMPARE(order(), (QList<qint64>{b}));
        QCOMPARE(store.addRule(kept[0].pattern, kept[0].replacement, kept[0].position, a), a);
        QCOMPARE(store.rules(), kept);
        QVERIFY(!AlertRuleStore::patternError(QStringLiteral("(")).isEmpty());
        QVERIFY(AlertRuleStore::patternError(QStringLiteral("x(y)")).isEmpty());

        store.addMerge(QStringLiteral("s|b"), QStringLiteral("s|a"));
        store.addMerge(QStringLiteral("s|c"), QStringLiteral("s|b"));
        store.addMerge(QStringLiteral("s|c"), QStringLiteral("s|a")); // replaces
        QCOMPARE(store.merges(),
                 (QList<AlertMerge>{{QStringLiteral("s|b"), QStringLiteral("s|a")},
                                    {QStringLiteral("s|c"), QStringLiteral("s|a")}}));
        QVERIFY_THROWS_EXCEPTION(InputError, store.addMerge(QStringLiteral("s|a"), QStringLiteral("s|a")));
        QVERIFY_THROWS_EXCEPTION(InputError, store.addMerge(QStringLiteral("s|a"), QStringLiteral("s|c"))); // a->c->a
        QVERIFY_THROWS_EXCEPTION(InputError, store.addMerge(QString(), QStringLiteral("s|c")));
        store.removeMerge(QStringLiteral("s|b"));
        QCOMPARE(store.merges().size(), 1);
        // Each write is its own transaction: nothing is left open.
        QSqlQuery q(f.ws().database());
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
    }

    void businessHours_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QByteArray>("instant");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<bool>("business");
        const QByteArray ams("Europe/Amsterdam"), ny("America/New_York"), utc("UTC");
        // Summer time (UTC+2) until 2026-10-25 01:00 UTC, then UTC+1.
        QTest::newRow("Fri 09:00 CEST") << ams << QByteArray("2026-10-23T07:00:00Z") << 540 << 1020 << true;
        QTest::newRow("Fri 08:59:59 CEST") << ams << QByteArray("2026-10-23T06:59:59Z") << 540 << 1020 << false;
        QTest::newRow("Fri 16:59:59 CEST") << ams << QByteArray("2026-10-23T14:59:59Z") << 540 << 1020 << true;
        QTest::newRow("Fri 17:00 CEST") << ams << QByteArray("2026-10-23T15:00:00Z") << 540 << 1020 << false;
        QTest::newRow("Sat 12:00") << ams << QByteArray("2026-10-24T10:00:00Z") << 540 << 1020 << false;
        QTest::newRow("Mon 09:00 CET") << ams << QByteArray("2026-10-26T08:00:00Z") << 540 << 1020 << true;
        QTest::newRow("Mon 08:59:59 CET") << ams << QByteArray("2026-10-26T07:59:59Z") << 540 << 1020 << false;
        QTest::newRow("Mon 16:59:59 CET") << ams << QByteArray("2026-10-26T15:59:59Z") << 540 << 1020 << true;
        QTest::newRow("Mon 17:00 CET") << ams << QByteArray("2026-10-26T16:00:00Z") << 540 << 1020 << false;
        QTest::newRow("Fri 08:30 CET before spring")
            << ams << QByteArray("2026-03-27T07:30:00Z") << 540 << 1020 << false;
        QTest::newRow("Mon 09:00 CEST after spring")
            << ams << QByteArray("2026-03-30T07:00:00Z") << 540 << 1020 << true;
        QTest::newRow("NY Fri 09:00 EDT") << ny << QByteArray("2026-10-30T13:00:00Z") << 540 << 1020 << true;
        QTest::newRow("NY Mon 09:00 EST") << ny << QByteArray("2026-11-02T14:00:00Z") << 540 << 1020 << true;
        QTest::newRow("NY Mon 08:59:59 EST") << ny << QByteArray("2026-11-02T13:59:59Z") << 540 << 1020 << false;
        // The local day decides the weekday: Sunday 23:30 UTC is Monday 00:30 in Amsterdam, and
        // Friday 22:30 UTC is already Saturday there.
        QTest::newRow("local Monday") << ams << QByteArray("2026-10-25T23:30:00Z") << 0 << 1440 << true;
        QTest::newRow("local Saturday") << ams << QByteArray("2026-10-23T22:30:00Z") << 0 << 1440 << false;
        QTest::newRow("UTC last microsecond")
            << utc << QByteArray("2026-10-23T16:59:59.999999Z") << 540 << 1020 << true;
        QTest::newRow("UTC 08:00 with 08:00 start") << utc << QByteArray("2026-10-23T08:00:00Z") << 480 << 1020 << true;
    }
    void businessHours()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QByteArray, instant);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(bool, business);
        QCOMPARE(isBusinessHours(at(instant.constData()), ZoneOffsets(zone), start, end), business);
    }

    // The cursor the figures use answers as isBusinessHours for times in order, out of order,
    // across both changes of summer time and across local midnight, in zones a whole hour and
    // a half hour from UTC, and for hours that are empty or the whole day.
    void businessHoursCursorAgreesWithTheDefinition_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::newRow("Amsterdam 09-17") << QByteArray("Europe/Amsterdam") << 540 << 1020;
        QTest::newRow("Kolkata 08:30-17") << QByteArray("Asia/Kolkata") << 510 << 1020;
        QTest::newRow("New York whole day") << QByteArray("America/New_York") << 0 << 1440;
        QTest::newRow("UTC empty") << QByteArray("UTC") << 480 << 480;
        QTest::newRow("UTC reversed") << QByteArray("UTC") << 1020 << 540;
    }
    void businessHoursCursorAgreesWithTheDefinition()
    {
        QFETCH(QByteArray, zone);
        QFETCH(int, start);
        QFETCH(int, end);
        const ZoneOffsets offsets(zone);
        BusinessHoursCursor cursor(offsets, start, end);
        // 2026-03-20 to 2026-11-10 by steps of 7 min 13.000001 s, every 50th step (six hours)
        // going back three; then around each local midnight, opening and closing time of two weeks
        // (both sides of the end of summer time).
        Micros t = at("2026-03-20T00:00:00Z");
        const Micros last = at("2026-11-10T00:00:00Z");
        int checked = 0, inside = 0;
        for (int step = 0; t < last; ++step) {
            const bool expected = isBusinessHours(t, offsets, start, end);
            QCOMPARE(cursor.contains(t), expected);
            inside += expected;
            ++checked;
            t += step % 50 == 49 ? -3 * kMicrosPerHour : 433 * kMicrosPerSecond + 1;
        }
        for (Micros local = at("2026-10-22T00:00:00Z"); local < at("2026-11-04T00:00:00Z"); local += kMicrosPerDay)
            for (const int minutes : {0, start, end})
                for (const Micros d : {Micros(-1), Micros(0), Micros(1)}) {
                    const Micros utc = offsets.fromLocal(local + Micros(minutes) * kMicrosPerMinute) + d;
                    QCOMPARE(cursor.contains(utc), isBusinessHours(utc, offsets, start, end));
                    ++checked;
                }
        QVERIFY(checked > 50000);
        // The rows test something: hours that hold times hold some, and empty ones none.
        if (start < end)
            QVERIFY(inside > 0);
        else
            QCOMPARE(inside, 0);
    }

    // The workspace's zone and hours reach both the metric and the groups.
    void offHoursAcrossDstChange()
    {
        EngineFixture f;
        f.ws().setSettings({{QStringLiteral("timezone"), QStringLiteral("Europe/Amsterdam")},
                            {QStringLiteral("business_hours_start"), QStringLiteral("08:30")},
                            {QStringLiteral("business_hours_end"), QStringLiteral("17:00")}});
        // Fri 10-23 06:30Z = 08:30 CEST (in); Mon 10-26 07:15Z = 08:15 CET (out, though 09:15 in
        // summer time); Mon 10-26 15:30Z = 16:30 CET (in); Mon 10-26 16:00Z = 17:00 CET (out).
        f.write(page("1", "x", "2026-10-23T06:30:00Z"), page("2", "x", "2026-10-26T07:15:00Z"),
                page("3", "x", "2026-10-26T15:30:00Z"), page("4", "y", "2026-10-26T16:00:00Z"));
        const Dataset d = f.load(at("2026-10-28T00:00:00Z"), 7);
        const Analysis a = analyze(d);
        SRM_COMPARE_OPT(a.metrics.at(MetricId::OffHoursPageRatio).value, 0.5);
        QCOMPARE(a.alerts.groups[0].key, QStringLiteral("svc|x"));
        SRM_COMPARE_OPT(a.alerts.groups[0].offHoursRatio, 1.0 / 3.0);
        QCOMPARE(a.alerts.groups[1].offHoursRatio, 1.0);
    }

    void topLimitsTheListNotTheTotals()
    {
        EngineFixture f;
        writePages(f);
        const QJsonObject json = toJson(alerts(f), 1);
        QCOMPARE(json.value(u"groups").toArray().size(), 1);
        QCOMPARE(json.value(u"groups_total").toInt(), 4);
        QCOMPARE(json.value(u"total_pages").toInt(), 8);
        QCOMPARE(json.value(u"groups_for_80_percent").toInt(), 3);
        QCOMPARE(toJson(alerts(f), 0).value(u"groups").toArray().size(), 0);
        QCOMPARE(toJson(alerts(f)).value(u"groups").toArray().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TstAlertGroups)
#include "tst_alertgroups.moc"
