// Settings (docs/settings.md): every key's validation and default, and set/get through the command line.
#include "store/settings.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QTest>

using namespace srm;
using namespace srm::test;

class TstSettings : public QObject
{
    Q_OBJECT

private slots:
    void validate_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("canonical"); // "!" = rejected

        QTest::newRow("name") << "name"
                              << "  ACME Shop "
                              << "ACME Shop";
        QTest::newRow("name too long") << "name" << QString(201, u'x') << "!";
        QTest::newRow("timezone") << "timezone"
                                  << "Europe/Berlin"
                                  << "Europe/Berlin";
        QTest::newRow("timezone utc") << "timezone"
                                      << "UTC"
                                      << "UTC";
        QTest::newRow("timezone bad") << "timezone"
                                      << "Mars/Base"
                                      << "!";
        QTest::newRow("bh start") << "business_hours_start"
                                  << "8:30"
                                  << "08:30";
        QTest::newRow("bh end 24") << "business_hours_end"
                                   << "24:00"
                                   << "24:00";
        QTest::newRow("bh bad minutes") << "business_hours_start"
                                        << "09:60"
                                        << "!";
        QTest::newRow("bh words") << "business_hours_end"
                                  << "five"
                                  << "!";
        QTest::newRow("team size") << "team_size"
                                   << "8"
                                   << "8";
        QTest::newRow("team size zero") << "team_size"
                                        << "0"
                                        << "!";
        QTest::newRow("team size fraction") << "team_size"
                                            << "2.5"
                                            << "!";
        QTest::newRow("capacity") << "capacity_weeks"
                                  << "24.0"
                                  << "24";
        QTest::newRow("capacity negative") << "capacity_weeks"
                                           << "-1"
                                           << "!";
        QTest::newRow("reserved") << "reserved_ratio"
                                  << "0.25"
                                  << "0.25";
        QTest::newRow("reserved one") << "reserved_ratio"
                                      << "1"
                                      << "!";
        QTest::newRow("preset") << "dora_preset"
                                << "dora-2023"
                                << "dora-2023";
        QTest::newRow("preset bad") << "dora_preset"
                                    << "dora-2019"
                                    << "!";
        QTest::newRow("target hours") << "target.lead_time_for_changes"
                                      << "48"
                                      << "48";
        QTest::newRow("target ratio") << "target.change_failure_rate"
                                      << "0.1"
                                      << "0.1";
        QTest::newRow("target ratio above 1") << "target.change_failure_rate"
                                              << "1.5"
                                              << "!";
        QTest::newRow("target nan") << "target.time_to_detect"
                                    << "nan"
                                    << "!";
        QTest::newRow("target text") << "target.time_to_detect"
                                     << "fast"
                                     << "!";
        QTest::newRow("target unknown metric") << "target.mttr"
                                               << "1"
                                               << "!";
        QTest::newRow("weight") << "weight.incident"
                                << "2"
                                << "2";
        QTest::newRow("weight unknown theme") << "weight.security"
                                              << "2"
                                              << "!";
        QTest::newRow("weight negative") << "weight.change"
                                         << "-2"
                                         << "!";
        QTest::newRow("quadrant toil") << "quadrant.toil_hours"
                                       << "6"
                                       << "6";
        QTest::newRow("quadrant cost") << "quadrant.cost_weeks"
                                       << "2.5"
                                       << "2.5";
        QTest::newRow("roadmap start") << "roadmap_start"
                                       << "2027q1"
                                       << "2027Q1";
        QTest::newRow("roadmap start bad") << "roadmap_start"
                                           << "2027-01"
                                           << "!";
        QTest::newRow("unknown key") << "colour"
                                     << "blue"
                                     << "!";
        QTest::newRow("empty resets") << "team_size"
                                      << ""
                                      << "";
    }

    void validate()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, canonical);
        QString error;
        const auto v = SettingsSchema::validate(key, value, &error);
        if (canonical == u"!") {
            QVERIFY(!v);
            QVERIFY(error.contains(key.section(u'.', 0, 0)) || error.contains(u"unknown"));
        } else {
            QVERIFY2(v, qPrintable(error));
            QCOMPARE(*v, canonical);
        }
    }

    void defaults()
    {
        const WorkspaceSettings s = WorkspaceSettings::fromStored({});
        QCOMPARE(s.timezone, QByteArray("UTC"));
        QCOMPARE(s.businessHoursStart, 9 * 60);
        QCOMPARE(s.businessHoursEnd, 17 * 60);
        QVERIFY(!s.teamSize);
        QVERIFY(!s.quarterCapacity());
        QCOMPARE(s.reservedRatio, 0.5);
        QCOMPARE(s.target(u"deployment_frequency"), 1.0);
        QCOMPARE(s.target(u"lead_time_for_changes"), 24.0);
        QCOMPARE(s.target(u"change_failure_rate"), 0.05);
        QCOMPARE(s.target(u"failed_deployment_recovery_time"), 1.0);
        QCOMPARE(s.target(u"time_to_restore"), 1.0);
        QCOMPARE(s.target(u"time_to_detect"), 5.0);
        QCOMPARE(s.target(u"customer_detected_ratio"), 0.10);
        QCOMPARE(s.target(u"slo_compliance"), 1.0);
        QCOMPARE(s.target(u"time_to_acknowledge"), 5.0);
        QCOMPARE(s.target(u"pages_per_week"), 14.0);
        QCOMPARE(s.target(u"off_hours_page_ratio"), 0.25);
        QCOMPARE(s.target(u"alert_noise_ratio"), 0.20);
        QCOMPARE(s.target(u"postmortem_completion_ratio"), 1.0);
        QCOMPARE(s.target(u"repeat_page_ratio"), 0.30);
        QCOMPARE(s.target(u"toil_ratio"), 0.50);
        QCOMPARE(s.weight(u"change"), 1.0);
        QCOMPARE(s.weight(u""), 1.0);
        QCOMPARE(s.quadrantToilHours, 4.0);
        QCOMPARE(s.quadrantCostWeeks, 4.0);
        QVERIFY(!s.roadmapStart);
    }

    void capacity()
    {
        WorkspaceSettings s = WorkspaceSettings::fromStored({{QStringLiteral("team_size"), QStringLiteral("6")}});
        QCOMPARE(*s.quarterCapacity(), 36.0); // 6 × 12 × (1 − 0.5)
        s = WorkspaceSettings::fromStored({{QStringLiteral("team_size"), QStringLiteral("6")},
                                           {QStringLiteral("reserved_ratio"), QStringLiteral("0.25")}});
        QCOMPARE(*s.quarterCapacity(), 54.0);
        s = WorkspaceSettings::fromStored({{QStringLiteral("team_size"), QStringLiteral("6")},
                                           {QStringLiteral("capacity_weeks"), QStringLiteral("20")}});
        QCOMPARE(*s.quarterCapacity(), 20.0);
    }

    void commandLine()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws.srmap"));
        // A rejected value creates nothing.
        CliResult r = runCli({QStringLiteral("set"), ws, QStringLiteral("team_size"), QStringLiteral("many")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.errText().contains(QStringLiteral("team_size")));
        QVERIFY(r.errText().contains(QStringLiteral("whole number")));
        QVERIFY(!QFile::exists(ws));

        QCOMPARE(runCli({QStringLiteral("set"), ws, QStringLiteral("team_size"), QStringLiteral("8")}).exitCode, 0);
        r = runCli({QStringLiteral("get"), ws, QStringLiteral("team_size")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("8\n"));
        r = runCli({QStringLiteral("get"), ws, QStringLiteral("target.pages_per_week")});
        QCOMPARE(r.out, QByteArray("14\n"));

        r = runCli({QStringLiteral("set"), ws, QStringLiteral("colour"), QStringLiteral("blue")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.errText().contains(QStringLiteral("unknown setting 'colour'")));
        QVERIFY(r.errText().contains(QStringLiteral("business_hours_start")));
        QVERIFY(r.errText().contains(QStringLiteral("target.<metric>")));

        r = runCli({QStringLiteral("get"), ws, QStringLiteral("colour")});
        QCOMPARE(r.exitCode, 2);

        // Business hours stay an interval.
        r = runCli({QStringLiteral("set"), ws, QStringLiteral("business_hours_start"), QStringLiteral("18:00")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.errText().contains(QStringLiteral("before business_hours_end")));

        r = runCli({QStringLiteral("get"), ws});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.outText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), SettingsSchema::all().size());
        QVERIFY(lines.contains(QStringLiteral("team_size=8")));
        QVERIFY(lines.contains(QStringLiteral("timezone=UTC")));
        QVERIFY(lines.contains(QStringLiteral("target.change_failure_rate=0.05")));
        QVERIFY(lines.contains(QStringLiteral("weight.improvement=1")));

        // Usage errors.
        QCOMPARE(runCli({QStringLiteral("set"), ws, QStringLiteral("team_size")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("get")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
        r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().startsWith(QStringLiteral("sre-roadmap ")));
        r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("demo WORKSPACE")));
        r = runCli({QStringLiteral("set"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("WORKSPACE")));

        // An empty value resets to the default.
        QCOMPARE(runCli({QStringLiteral("set"), ws, QStringLiteral("team_size"), QString()}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("get"), ws, QStringLiteral("team_size")}).out, QByteArray("\n"));
    }
};

QTEST_GUILESS_MAIN(TstSettings)
#include "tst_settings.moc"
