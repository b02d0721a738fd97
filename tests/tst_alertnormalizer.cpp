// Alert-group normalisation (docs/slos-and-alerts.md#alert-groups): each rule, their order, and a
// differential test against the docs' regular expressions on random titles.
#include "demo/random.h"
#include "store/alertnormalizer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace srm;

namespace {

QString byRegex(const QString &title)
{
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
    static const QRegularExpression ip(QStringLiteral("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b"));
    static const QRegularExpression hex(QStringLiteral("\\b(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,}\\b"));
    static const QRegularExpression num(QStringLiteral("\\d+(\\.\\d+)?"));
    static const QRegularExpression space(QStringLiteral("[ \\t\\n\\x0B\\f\\r]+"));
    QString s = title;
    s.replace(uuid, QStringLiteral("<uuid>"));
    s.replace(ip, QStringLiteral("<ip>"));
    s.replace(hex, QStringLiteral("<hex>"));
    s.replace(num, QStringLiteral("<n>"));
    s.replace(space, QStringLiteral(" "));
    return s.trimmed();
}

QString normalized(const QString &title)
{
    const QByteArray u = title.toUtf8();
    return QString::fromStdString(AlertNormalizer::normalize(std::string_view(u.constData(), size_t(u.size()))));
}

} // namespace

class TstAlertNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("expected");
        QTest::newRow("uuid") << "Job 123e4567-e89b-12d3-a456-426614174000 failed"
                              << "Job <uuid> failed";
        QTest::newRow("uuid upper, glued") << "x123E4567-E89B-12D3-A456-426614174000y"
                                           << "x<uuid>y";
        QTest::newRow("ipv4") << "Node 10.0.12.7 NotReady"
                              << "Node <ip> NotReady";
        QTest::newRow("ipv4 with port") << "dial 10.0.0.1:6379 refused"
                                        << "dial <ip>:<n> refused";
        QTest::newRow("ipv4 too long group") << "v 1.2.3.4567"
                                             << "v <n>.<n>";
        QTest::newRow("ipv4 five groups") << "1.2.3.4.5"
                                          << "<ip>.<n>";
        QTest::newRow("ipv4 glued to word") << "a1.2.3.4"
                                            << "a<n>.<n>";
        QTest::newRow("hex") << "Order 9f8e7d6c5b4a stuck"
                             << "Order <hex> stuck";
        QTest::newRow("hex needs a digit") << "deadbeefcafe here"
                                           << "deadbeefcafe here";
        QTest::newRow("hex too short") << "id 1234abc"
                                       << "id <n>abc";
        QTest::newRow("hex inside word") << "pod-7d9f8b6c5d-x2k4q"
                                         << "pod-<hex>-x<n>k<n>q";
        QTest::newRow("hex followed by word char") << "ab12cd34ef56g"
                                                   << "ab<n>cd<n>ef<n>g";
        QTest::newRow("hex all digits") << "ts 1790812800 ok"
                                        << "ts <hex> ok";
        QTest::newRow("numbers") << "Error rate above 5.25% for svc"
                                 << "Error rate above <n>% for svc";
        QTest::newRow("number then dot") << "retry 3. again"
                                         << "retry <n>. again";
        QTest::newRow("version") << "v1.2.3 rollout"
                                 << "v<n>.<n> rollout";
        QTest::newRow("spaces") << "  High \t latency\n\non   frontend  "
                                << "High latency on frontend";
        QTest::newRow("order matters: uuid before hex") << "a0000000-0000-0000-0000-000000000000"
                                                        << "<uuid>";
        QTest::newRow("order matters: ip before numbers") << "8.8.8.8"
                                                          << "<ip>";
        QTest::newRow("non-ascii untouched") << "Störung 42 in Zürich"
                                             << "Störung <n> in Zürich";
        QTest::newRow("empty") << ""
                               << "";
    }

    void rules()
    {
        QFETCH(QString, title);
        QFETCH(QString, expected);
        QCOMPARE(normalized(title), expected);
        QCOMPARE(byRegex(title), expected); // the expectations follow the docs' regexes
    }

    void matchesRegexesOnRandomTitles()
    {
        Random r(7);
        const char alphabet[] = "0123456789abcdefABCDEF.-_: xyzXYZ\t<>%/gq";
        for (int i = 0; i < 20000; ++i) {
            std::string s;
            const int n = int(r.between(0, 60));
            for (int k = 0; k < n; ++k) {
                if (r.chance(0.03)) {
                    s += "123e4567-e89b-12d3-a456-426614174000";
                } else if (r.chance(0.03)) {
                    s += std::to_string(r.between(0, 300)) + "." + std::to_string(r.between(0, 300)) + "."
                        + std::to_string(r.between(0, 300)) + "." + std::to_string(r.between(0, 300));
                } else {
                    s += alphabet[r.next() % (sizeof alphabet - 1)];
                }
            }
            const QString title = QString::fromStdString(s);
            QCOMPARE(normalized(title), byRegex(title));
        }
    }

    void groupKey()
    {
        QCOMPARE(QString::fromStdString(AlertNormalizer::groupKey("checkoutservice", "Error rate above <n>%")),
                 QStringLiteral("checkoutservice|Error rate above <n>%"));
    }

    void speedAgainstRegex()
    {
        // Not a timed assertion: records the measured gain quoted in alertnormalizer.h.
        std::vector<std::string> titles;
        Random r(3);
        for (int i = 0; i < 20000; ++i)
            titles.push_back("Disk usage " + std::to_string(r.between(50, 99)) + "% on node 10.0."
                             + std::to_string(r.between(0, 255)) + "." + std::to_string(r.between(0, 255))
                             + " pod web-7d9f8b6c5d-x2k4q");
        QElapsedTimer t;
        t.start();
        size_t total = 0;
        for (const auto &s : titles)
            total += AlertNormalizer::normalize(s).size();
        const qint64 fast = t.nsecsElapsed();
        t.restart();
        for (const auto &s : titles)
            total += size_t(byRegex(QString::fromStdString(s)).size());
        const qint64 slow = t.nsecsElapsed();
        qInfo("20k titles: scanner %.1f ms, QRegularExpression %.1f ms (%zu)", double(fast) / 1e6, double(slow) / 1e6,
              total);
    }
};

QTEST_GUILESS_MAIN(TstAlertNormalizer)
#include "tst_alertnormalizer.moc"
