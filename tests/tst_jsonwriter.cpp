// JsonWriter writes what QJsonDocument::toJson(Compact) writes for the same values: numbers of
// every kind (whole numbers as integers up to 2^53, shortest round trip, non-finite as null),
// strings with every ASCII character and non-ASCII text, nesting and empty containers; and the
// engine's documents keep their shape (alerts --json of a hand-made report, key by key).
#include "engine/analysisjson.h"
#include "engine/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace srm;

namespace {

QByteArray qtText(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
}

template <typename T>
QByteArray ourText(const T &v)
{
    JsonWriter w;
    w.beginArray();
    w.value(v);
    w.endArray();
    return w.take();
}

} // namespace

class TstJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void doubles_data()
    {
        QTest::addColumn<double>("v");
        const double big = double(std::int64_t(1) << 53);
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative zero") << -0.0;
        QTest::newRow("one") << 1.0;
        QTest::newRow("hundred") << 100.0;
        QTest::newRow("minus 14") << -14.0;
        QTest::newRow("1e15") << 1e15;
        QTest::newRow("2^53") << big;
        QTest::newRow("-2^53 - 1 (not exact)") << -(big + 1);
        QTest::newRow("2^53 + 2") << big + 2;
        QTest::newRow("-2^53 - 2") << -(big + 2);
        QTest::newRow("1e16") << 1e16;
        QTest::newRow("1e21") << 1e21;
        QTest::newRow("2^63") << 9223372036854775808.0;
        QTest::newRow("tenth") << 0.1;
        QTest::newRow("third") << 1.0 / 3.0;
        QTest::newRow("1e-4") << 1e-4;
        QTest::newRow("1e-5") << 1e-5;
        QTest::newRow("share") << 0.10166046997048415;
        QTest::newRow("minutes") << 5.34824725;
        QTest::newRow("negative") << -2.5;
        QTest::newRow("large fraction") << 123456789.125;
        QTest::newRow("huge") << 1e300;
        QTest::newRow("denormal") << 5e-324;
        QTest::newRow("nan") << std::nan("");
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
        QTest::newRow("minus infinity") << -std::numeric_limits<double>::infinity();
    }
    void doubles()
    {
        QFETCH(double, v);
        QCOMPARE(ourText(v), qtText(QJsonValue(v)));
    }

    void integers_data()
    {
        QTest::addColumn<qint64>("v");
        QTest::newRow("zero") << qint64(0);
        QTest::newRow("negative") << qint64(-42);
        QTest::newRow("beyond 2^53") << qint64(9007199254740993);
        QTest::newRow("max") << std::numeric_limits<qint64>::max();
        QTest::newRow("min") << std::numeric_limits<qint64>::min();
    }
    void integers()
    {
        QFETCH(qint64, v);
        QCOMPARE(ourText(std::int64_t(v)), qtText(QJsonValue(v)));
    }

    void strings_data()
    {
        QTest::addColumn<QString>("s");
        QString ascii;
        for (int c = 0; c < 128; ++c)
            ascii += QChar(c);
        QTest::newRow("every ASCII character") << ascii;
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ C:\\path\\");
        QTest::newRow("non-ASCII") << QStringLiteral("Zürich café · naïve – 東京 😀 \u2028 \u00a0");
        QTest::newRow("alert key") << QStringLiteral("frontend|High p<n> latency on frontend: <n>ms");
    }
    void strings()
    {
        QFETCH(QString, s);
        // DEL is written as \u007f (Qt writes it raw): the same string, and nothing a terminal acts on.
        const auto ours = [](QByteArray text) { return text.replace("\\u007f", "\x7f"); };
        QCOMPARE(ours(ourText(s)), qtText(QJsonValue(s)));
        const QByteArray utf8 = s.toUtf8();
        QCOMPARE(ours(ourText(std::string_view(utf8.constData(), size_t(utf8.size())))), qtText(QJsonValue(s)));
    }

    void structure()
    {
        JsonWriter w;
        w.beginObject();
        w.key("a");
        w.beginArray();
        w.endArray();
        w.key("b");
        w.beginObject();
        w.endObject();
        w.member("c", true);
        w.member("d", false);
        w.key("e");
        w.null();
        w.member("f", std::optional<double>());
        w.member("g", std::optional<double>(2.5));
        w.key("h");
        w.beginArray();
        w.value(1);
        w.beginArray();
        w.value("x");
        w.endArray();
        w.beginObject();
        w.member("k", std::int64_t(3));
        w.endObject();
        w.endArray();
        w.endObject();
        const QJsonObject expected{
            {QStringLiteral("a"), QJsonArray()},
            {QStringLiteral("b"), QJsonObject()},
            {QStringLiteral("c"), true},
            {QStringLiteral("d"), false},
            {QStringLiteral("e"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("f"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("g"), 2.5},
            {QStringLiteral("h"),
             QJsonArray{1, QJsonArray{QStringLiteral("x")}, QJsonObject{{QStringLiteral("k"), 3}}}}};
        QCOMPARE(w.text(), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    // docs/slos-and-alerts.md's document for a report of two groups, one with no acknowledgement, built here key by
    // key as QJsonObject.
    void alertReport()
    {
        AlertReport r;
        r.window = AnalysisWindow{Micros(1790812800) * 1000000, 90};
        r.totalPages = 4;
        AlertGroup a;
        a.key = QStringLiteral("cart|Redis \"down\" <n>");
        a.service = QStringLiteral("cart");
        a.title = QStringLiteral("Redis \"down\" <n>");
        a.count = 3;
        a.share = 0.75;
        a.cumulativeShare = 0.75;
        a.offHoursRatio = 1.0 / 3.0;
        a.noiseRatio = 0;
        a.ackP50Minutes = 6.5;
        AlertGroup b;
        b.key = QStringLiteral("|Disk <n>%");
        b.title = QStringLiteral("Disk <n>%");
        b.count = 1;
        b.share = 0.25;
        b.cumulativeShare = 1;
        b.offHoursRatio = 1;
        b.noiseRatio = 1;
        r.groups = {a, b};
        r.groupsFor80Percent = 2;

        auto group = [](const AlertGroup &g) {
            return QJsonObject{{QStringLiteral("key"), g.key},
                               {QStringLiteral("service"), g.service},
                               {QStringLiteral("title"), g.title},
                               {QStringLiteral("count"), qint64(g.count)},
                               {QStringLiteral("share"), g.share},
                               {QStringLiteral("cumulative_share"), g.cumulativeShare},
                               {QStringLiteral("off_hours_ratio"), g.offHoursRatio},
                               {QStringLiteral("noise_ratio"), g.noiseRatio},
                               {QStringLiteral("ack_p50_minutes"),
                                g.ackP50Minutes ? QJsonValue(*g.ackP50Minutes) : QJsonValue(QJsonValue::Null)}};
        };
        const QJsonObject window{{QStringLiteral("from"), QStringLiteral("2026-07-03T00:00:00Z")},
                                 {QStringLiteral("to"), QStringLiteral("2026-10-01T00:00:00Z")},
                                 {QStringLiteral("days"), 90}};
        const QJsonObject expected{{QStringLiteral("as_of"), QStringLiteral("2026-10-01T00:00:00Z")},
                                   {QStringLiteral("window"), window},
                                   {QStringLiteral("total_pages"), 4},
                                   {QStringLiteral("groups"), QJsonArray{group(a), group(b)}},
                                   {QStringLiteral("groups_total"), 2},
                                   {QStringLiteral("groups_for_80_percent"), 2}};
        QCOMPARE(toJsonText(r), QJsonDocument(expected).toJson(QJsonDocument::Compact));
        QCOMPARE(toJson(r), expected);

        QJsonObject top1 = expected;
        top1.insert(QStringLiteral("groups"), QJsonArray{group(a)});
        QCOMPARE(toJsonText(r, 1), QJsonDocument(top1).toJson(QJsonDocument::Compact));
    }
};

QTEST_GUILESS_MAIN(TstJsonWriter)
#include "tst_jsonwriter.moc"
