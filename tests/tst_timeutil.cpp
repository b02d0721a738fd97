// Timestamps of docs/formats.md, time zones across DST, ISO weeks, quarters and durations.
#include "store/timeutil.h"

#include <QTest>

#include <limits>

using namespace srm;

class TstTimeUtil : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("expected"); // formatIso, or "" for a parse error

        QTest::newRow("Z") << "2026-03-01T10:20:30Z"
                           << "UTC"
                           << "2026-03-01T10:20:30Z";
        QTest::newRow("lower z") << "2026-03-01t10:20:30z"
                                 << "UTC"
                                 << "2026-03-01T10:20:30Z";
        QTest::newRow("offset colon") << "2026-03-01T10:20:30+02:00"
                                      << "UTC"
                                      << "2026-03-01T08:20:30Z";
        QTest::newRow("offset no colon") << "2026-03-01T10:20:30-0530"
                                         << "UTC"
                                         << "2026-03-01T15:50:30Z";
        QTest::newRow("offset hours only") << "2026-03-01T10:20:30+01"
                                           << "UTC"
                                           << "2026-03-01T09:20:30Z";
        QTest::newRow("space separator") << "2026-03-01 10:20:30+00:00"
                                         << "UTC"
                                         << "2026-03-01T10:20:30Z";
        QTest::newRow("space before offset") << "2026-03-01 10:20:30 +0100"
                                             << "UTC"
                                             << "2026-03-01T09:20:30Z";
        QTest::newRow("fraction ms") << "2026-03-01T10:20:30.125Z"
                                     << "UTC"
                                     << "2026-03-01T10:20:30.125Z";
        QTest::newRow("fraction us") << "2026-03-01T10:20:30.000001Z"
                                     << "UTC"
                                     << "2026-03-01T10:20:30.000001Z";
        QTest::newRow("fraction ns truncated") << "2026-03-01T10:20:30.123456789Z"
                                               << "UTC"
                                               << "2026-03-01T10:20:30.123456Z";
        QTest::newRow("no seconds") << "2026-03-01T10:20Z"
                                    << "UTC"
                                    << "2026-03-01T10:20:00Z";
        QTest::newRow("date only") << "2026-03-01"
                                   << "UTC"
                                   << "2026-03-01T00:00:00Z";
        QTest::newRow("naive in UTC") << "2026-03-01 10:00:00"
                                      << "UTC"
                                      << "2026-03-01T10:00:00Z";
        QTest::newRow("naive Berlin winter") << "2026-01-15T10:00:00"
                                             << "Europe/Berlin"
                                             << "2026-01-15T09:00:00Z";
        QTest::newRow("naive Berlin summer") << "2026-07-15T10:00:00"
                                             << "Europe/Berlin"
                                             << "2026-07-15T08:00:00Z";
        QTest::newRow("naive New York") << "2026-07-15T10:00:00"
                                        << "America/New_York"
                                        << "2026-07-15T14:00:00Z";
        // 2026-03-29 02:30 does not exist in Berlin: the offset before the change (+01) applies.
        QTest::newRow("Berlin spring gap") << "2026-03-29T02:30:00"
                                           << "Europe/Berlin"
                                           << "2026-03-29T01:30:00Z";
        // 2026-10-25 02:30 happens twice in Berlin: the earlier instant (+02).
        QTest::newRow("Berlin autumn overlap") << "2026-10-25T02:30:00"
                                               << "Europe/Berlin"
                                               << "2026-10-25T00:30:00Z";
        QTest::newRow("offset wins over zone") << "2026-07-15T10:00:00Z"
                                               << "Europe/Berlin"
                                               << "2026-07-15T10:00:00Z";
        QTest::newRow("epoch seconds") << "1790812800"
                                       << "UTC"
                                       << "2026-10-01T00:00:00Z";
        QTest::newRow("epoch seconds fraction") << "1790812800.5"
                                                << "UTC"
                                                << "2026-10-01T00:00:00.500Z";
        QTest::newRow("epoch ms") << "1790812800123"
                                  << "UTC"
                                  << "2026-10-01T00:00:00.123Z";
        QTest::newRow("epoch us") << "1790812800123456"
                                  << "UTC"
                                  << "2026-10-01T00:00:00.123456Z";
        QTest::newRow("epoch ns") << "1790812800123456789"
                                  << "UTC"
                                  << "2026-10-01T00:00:00.123456Z";
        QTest::newRow("epoch below 1e11 is seconds") << "99999999999"
                                                     << "UTC"
                                                     << "5138-11-16T09:46:39Z";
        QTest::newRow("epoch 1e11 is ms") << "100000000000"
                                          << "UTC"
                                          << "1973-03-03T09:46:40Z";
        QTest::newRow("surrounding spaces") << "  2026-03-01T10:20:30Z "
                                            << "UTC"
                                            << "2026-03-01T10:20:30Z";
        QTest::newRow("bad month") << "2026-13-01T10:00:00Z"
                                   << "UTC"
                                   << "";
        QTest::newRow("bad day") << "2026-02-29T10:00:00Z"
                                 << "UTC"
                                 << "";
        QTest::newRow("leap day") << "2028-02-29T10:00:00Z"
                                  << "UTC"
                                  << "2028-02-29T10:00:00Z";
        QTest::newRow("bad hour") << "2026-02-01T24:00:00Z"
                                  << "UTC"
                                  << "";
        QTest::newRow("trailing junk") << "2026-02-01T10:00:00Zx"
                                       << "UTC"
                                       << "";
        QTest::newRow("words") << "yesterday"
                               << "UTC"
                               << "";
        QTest::newRow("empty") << ""
                               << "UTC"
                               << "";
        QTest::newRow("negative epoch") << "-5"
                                        << "UTC"
                                        << "";
        QTest::newRow("epoch junk") << "12ab"
                                    << "UTC"
                                    << "";
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, zone);
        QFETCH(QString, expected);
        const ZoneOffsets z(zone.toUtf8());
        QVERIFY(z.isValid());
        const QByteArray utf8 = text.toUtf8();
        const auto t = parseTimestamp(std::string_view(utf8.constData(), size_t(utf8.size())), z);
        if (expected.isEmpty()) {
            QVERIFY2(!t, qPrintable(t ? formatIso(*t) : QString()));
        } else {
            QVERIFY(t);
            QCOMPARE(formatIso(*t), expected);
        }
    }

    // Texts in the exports' form take a shorter path in parseTimestamp; the same text with a
    // space before it takes the general one. Both give the same instant, or both refuse: every
    // field at and around its limits, fractions of one to nine digits, a wrong character in each
    // position.
    void canonicalFastPath()
    {
        const ZoneOffsets berlin(QByteArrayLiteral("Europe/Berlin"));
        std::vector<std::string> texts;
        for (const char *date : {"2026-01-01", "2028-02-29", "2026-02-29", "2026-02-28", "2026-12-31", "2026-00-10",
                                 "2026-13-10", "2026-04-31", "2026-04-00", "1970-01-01", "0001-01-01", "9999-12-31"})
            for (const char *time : {"00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "09:05:07"})
                for (const char *fraction : {"", ".", ".1", ".123456", ".000001", ".123456789", ".9999999"})
                    texts.push_back(std::string(date) + 'T' + time + fraction + 'Z');
        const std::string good = "2026-03-01T10:20:30.125Z";
        for (std::size_t i = 0; i < good.size(); ++i)
            for (const char c : {'x', ' ', '-', ':', 'T', 'Z', '/', ';'})
                texts.push_back(good.substr(0, i) + c + good.substr(i + 1));
        texts.push_back("2026-03-01t10:20:30Z");
        texts.push_back("2026-03-01T10:20:30z");
        texts.push_back("2026-03-01T10:20:30,5Z");
        int accepted = 0;
        for (const std::string &t : texts) {
            const auto fast = parseTimestamp(t, berlin);
            const auto general = parseTimestamp(" " + t, berlin);
            QVERIFY2(fast == general, t.c_str());
            accepted += fast.has_value();
        }
        // 7 valid dates × 3 valid times × 6 valid fractions; of the variants, the six that replace a
        // character with itself, a space for the T, before the Z or for it (a local time), and the
        // last three
        QCOMPARE(accepted, 7 * 3 * 6 + 6 + 3 + 3);
        QCOMPARE(parseTimestamp("2026-03-01T10:20:30.9999999Z", berlin),
                 parseTimestamp("2026-03-01T10:20:30.999999Z", berlin));
    }

    void offsets()
    {
        const ZoneOffsets berlin(QByteArrayLiteral("Europe/Berlin"));
        const auto at = [](const char *iso) { return *parseTimestamp(iso, ZoneOffsets()); };
        QCOMPARE(berlin.offsetAt(at("2026-03-29T00:59:59Z")), 3600);
        QCOMPARE(berlin.offsetAt(at("2026-03-29T01:00:00Z")), 7200);
        QCOMPARE(berlin.offsetAt(at("2026-10-25T00:59:59Z")), 7200);
        QCOMPARE(berlin.offsetAt(at("2026-10-25T01:00:00Z")), 3600);
        QVERIFY(!ZoneOffsets(QByteArrayLiteral("Mars/Olympus")).isValid());
        QVERIFY(ZoneOffsets().isUtc());
    }

    // spanAt() bounds the offset's time exactly at the transitions, and a cursor gives what
    // offsetAt() gives for times back and forth across them, as pages of a block come.
    void zoneCursor()
    {
        const ZoneOffsets berlin(QByteArrayLiteral("Europe/Berlin"));
        const auto at = [](const char *iso) { return *parseTimestamp(iso, ZoneOffsets()); };
        const ZoneOffsets::Span summer = berlin.spanAt(at("2026-07-01T00:00:00Z"));
        QCOMPARE(summer.from, at("2026-03-29T01:00:00Z"));
        QCOMPARE(summer.to, at("2026-10-25T01:00:00Z"));
        QCOMPARE(summer.offset, 7200);
        QCOMPARE(berlin.spanAt(at("2026-10-25T01:00:00Z")).offset, 3600);
        QCOMPARE(berlin.spanAt(at("2026-10-25T00:59:59Z")).offset, 7200);
        const ZoneOffsets::Span utc = ZoneOffsets().spanAt(0);
        QCOMPARE(utc.from, std::numeric_limits<Micros>::min());
        QCOMPARE(utc.to, std::numeric_limits<Micros>::max());
        QCOMPARE(utc.offset, 0);
        // Before the first transition and after the last.
        QCOMPARE(berlin.spanAt(std::numeric_limits<Micros>::min()).from, std::numeric_limits<Micros>::min());
        QCOMPARE(berlin.spanAt(std::numeric_limits<Micros>::max()).to, std::numeric_limits<Micros>::max());
        ZoneCursor cursor(berlin);
        const Micros edge = at("2026-10-25T01:00:00Z");
        for (const Micros t : {edge - 1, edge, edge - 1, edge + 1, Micros(0), edge, at("2026-03-29T00:59:59Z"),
                               at("2026-03-29T01:00:00Z"), std::numeric_limits<Micros>::min() / 2})
            QCOMPARE(cursor.toLocal(t), berlin.toLocal(t));
    }

    void asOf()
    {
        QCOMPARE(formatIso(*parseAsOf(QStringLiteral("2026-10-01"))), QStringLiteral("2026-10-01T00:00:00Z"));
        QCOMPARE(formatIso(*parseAsOf(QStringLiteral("2026-10-01T12:00:00+02:00"))),
                 QStringLiteral("2026-10-01T10:00:00Z"));
        QVERIFY(!parseAsOf(QStringLiteral("1790812800")));
        QVERIFY(!parseAsOf(QStringLiteral("2026-1-1")));
    }

    void weeks_data()
    {
        QTest::addColumn<QString>("instant");
        QTest::addColumn<QString>("week");
        QTest::addColumn<QString>("monday");
        QTest::newRow("thursday") << "2026-10-01T12:00:00Z"
                                  << "2026-W40"
                                  << "2026-09-28T00:00:00Z";
        QTest::newRow("monday midnight") << "2026-09-28T00:00:00Z"
                                         << "2026-W40"
                                         << "2026-09-28T00:00:00Z";
        QTest::newRow("sunday last second") << "2026-09-27T23:59:59Z"
                                            << "2026-W39"
                                            << "2026-09-21T00:00:00Z";
        QTest::newRow("year boundary W53") << "2027-01-01T00:00:00Z"
                                           << "2026-W53"
                                           << "2026-12-28T00:00:00Z";
        QTest::newRow("week 1 in december") << "2025-12-29T00:00:00Z"
                                            << "2026-W01"
                                            << "2025-12-29T00:00:00Z";
    }

    void weeks()
    {
        QFETCH(QString, instant);
        QFETCH(QString, week);
        QFETCH(QString, monday);
        const Micros t = *parseAsOf(instant);
        QCOMPARE(isoWeekName(t), week);
        QCOMPARE(formatIso(isoWeekStart(t)), monday);
    }

    void quarters()
    {
        QCOMPARE(formatQuarter(quarterOf(*parseAsOf(QStringLiteral("2026-10-01")))), QStringLiteral("2026Q4"));
        QCOMPARE(formatQuarter(quarterOf(*parseAsOf(QStringLiteral("2026-09-30T23:59:59Z")))),
                 QStringLiteral("2026Q3"));
        QCOMPARE(formatQuarter(Quarter{2026, 4}.next()), QStringLiteral("2027Q1"));
        QCOMPARE(formatQuarter(*parseQuarter(u"2027q2")), QStringLiteral("2027Q2"));
        QVERIFY(!parseQuarter(u"2027Q5"));
        QVERIFY(!parseQuarter(u"27Q1"));
        QVERIFY((Quarter{2026, 4} < Quarter{2027, 1}));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("days") << "28d" << qint64(28 * 86400);
        QTest::newRow("weeks") << "2w" << qint64(14 * 86400);
        QTest::newRow("month") << "1M" << qint64(30 * 86400);
        QTest::newRow("quarter") << "1Q" << qint64(90 * 86400);
        QTest::newRow("year") << "1Y" << qint64(365 * 86400);
        QTest::newRow("hours") << "12h" << qint64(12 * 3600);
        QTest::newRow("minutes") << "1m" << qint64(60);
        QTest::newRow("seconds") << "30s" << qint64(30);
        QTest::newRow("bad unit") << "3x" << qint64(-1);
        QTest::newRow("no number") << "d" << qint64(-1);
        QTest::newRow("zero") << "0d" << qint64(-1);
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const QByteArray u = text.toUtf8();
        const auto d = parseDurationSeconds(std::string_view(u.constData(), size_t(u.size())));
        QCOMPARE(d.value_or(-1), seconds);
    }
};

QTEST_GUILESS_MAIN(TstTimeUtil)
#include "tst_timeutil.moc"
