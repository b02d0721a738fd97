// The streaming RFC 4180 reader: quoting, embedded delimiters and line breaks, line ends, the
// byte-order mark, blank lines, physical line numbers, records across chunk boundaries, and
// the errors (unterminated quote, over-long record).
#include "importers/csvreader.h"
#include "importers/inputstream.h"
#include "importers/parser.h"

#include <QBuffer>
#include <QTest>

using namespace srm::importers;

namespace {

// A row as its fields joined by \x1f, so that rows compare as byte arrays.
struct Read
{
    QByteArrayList rows;
    QList<qint64> lines;
    QString error;
    qint64 errorLine = 0;
};

Read readAll(const QByteArray &bytes)
{
    Read r;
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    InputStream in(buffer);
    CsvReader reader(in);
    try {
        while (reader.next()) {
            QByteArray row;
            for (std::size_t i = 0; i < reader.size(); ++i) {
                const std::string_view f = reader.field(i);
                if (i > 0)
                    row += '\x1f';
                row.append(f.data(), qsizetype(f.size()));
            }
            r.rows << row;
            r.lines << reader.line();
        }
    } catch (const FileError &e) {
        r.error = QString::fromStdString(e.error.reason);
        r.errorLine = e.error.line;
    }
    return r;
}

QByteArrayList rows(std::initializer_list<std::initializer_list<const char *>> list)
{
    QByteArrayList out;
    for (const auto &fields : list) {
        QByteArray row;
        bool first = true;
        for (const char *f : fields) {
            if (!first)
                row += '\x1f';
            row += f;
            first = false;
        }
        out << row;
    }
    return out;
}

} // namespace

class TstCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void records_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::addColumn<QList<qint64>>("lines");

        QTest::newRow("plain") << QByteArray("a,b,c\n1,2,3\n") << rows({{"a", "b", "c"}, {"1", "2", "3"}})
                               << QList<qint64>{1, 2};
        QTest::newRow("no final line break")
            << QByteArray("a,b\n1,2") << rows({{"a", "b"}, {"1", "2"}}) << QList<qint64>{1, 2};
        QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << rows({{"a", "b"}, {"1", "2"}}) << QList<qint64>{1, 2};
        QTest::newRow("CR alone") << QByteArray("a,b\r1,2\r") << rows({{"a", "b"}, {"1", "2"}}) << QList<qint64>{1, 2};
        QTest::newRow("quoted comma") << QByteArray("\"x,y\",z\n") << rows({{"x,y", "z"}}) << QList<qint64>{1};
        QTest::newRow("doubled quotes") << QByteArray("\"he said \"\"hi\"\"\",b\n") << rows({{"he said \"hi\"", "b"}})
                                        << QList<qint64>{1};
        QTest::newRow("embedded LF") << QByteArray("h\n\"line1\nline2\",b\nnext,row\n")
                                     << rows({{"h"}, {"line1\nline2", "b"}, {"next", "row"}}) << QList<qint64>{1, 2, 4};
        QTest::newRow("embedded CRLF") << QByteArray("\"a\r\nb\",c\r\nd,e\r\n") << rows({{"a\r\nb", "c"}, {"d", "e"}})
                                       << QList<qint64>{1, 3};
        QTest::newRow("empty fields") << QByteArray("a,,c\n,,\nx,y,\n")
                                      << rows({{"a", "", "c"}, {"", "", ""}, {"x", "y", ""}}) << QList<qint64>{1, 2, 3};
        QTest::newRow("quoted empty") << QByteArray("\"\",b\n") << rows({{"", "b"}}) << QList<qint64>{1};
        QTest::newRow("blank lines skipped")
            << QByteArray("a\n\n\r\nb\n\n") << rows({{"a"}, {"b"}}) << QList<qint64>{1, 4};
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                           "a,b\n1,2\n")
                             << rows({{"a", "b"}, {"1", "2"}}) << QList<qint64>{1, 2};
        QTest::newRow("text after the closing quote")
            << QByteArray("\"ab\"c,d\n") << rows({{"abc", "d"}}) << QList<qint64>{1};
        QTest::newRow("quote inside an unquoted field")
            << QByteArray("ab\"c,d\n") << rows({{"ab\"c", "d"}}) << QList<qint64>{1};
        QTest::newRow("UTF-8") << QByteArray("caf\xC3\xA9,\"na\xC3\xAFve, \xE2\x9C\x93\"\n")
                               << rows({{"caf\xC3\xA9", "na\xC3\xAFve, \xE2\x9C\x93"}}) << QList<qint64>{1};
        QTest::newRow("empty input") << QByteArray() << QByteArrayList() << QList<qint64>();
    }

    void records()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArrayList, expected);
        QFETCH(QList<qint64>, lines);
        const Read r = readAll(input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rows, expected);
        QCOMPARE(r.lines, lines);
    }

    void unterminatedQuote_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qint64>("line");
        QTest::newRow("last record") << QByteArray("a,b\n1,2\n\"open,3\n4,5\n") << qint64(3);
        QTest::newRow("first field") << QByteArray("\"") << qint64(1);
        QTest::newRow("after embedded breaks") << QByteArray("a\n\"x\ny\",1\n\"never closed\n\n") << qint64(4);
    }

    void unterminatedQuote()
    {
        QFETCH(QByteArray, input);
        QFETCH(qint64, line);
        const Read r = readAll(input);
        QVERIFY2(r.error.contains(QStringLiteral("unterminated")), qPrintable(r.error));
        QCOMPARE(r.errorLine, line);
    }

    // Records that straddle the 1 MB read chunks come out whole, with the right lines.
    void chunkBoundaries()
    {
        constexpr int kRows = 120000;
        QByteArray input("id,text\n");
        qint64 line = 2;
        QList<qint64> expectedLines;
        for (int i = 0; i < kRows; ++i) {
            expectedLines << line;
            if (i % 7 == 0) {
                input += QByteArray::number(i) + ",\"multi\nline, \"\"quoted\"\" text " + QByteArray::number(i)
                    + "\"\n";
                line += 2;
            } else {
                input += QByteArray::number(i) + ",plain text number " + QByteArray::number(i) + "\r\n";
                line += 1;
            }
        }
        QVERIFY(input.size() > 2 * 1024 * 1024);
        const Read r = readAll(input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), kRows + 1);
        for (int i = 0; i < kRows; ++i) {
            const QByteArrayList row = r.rows[i + 1].split('\x1f');
            QCOMPARE(row.size(), 2);
            QCOMPARE(row[0], QByteArray::number(i));
            if (i % 7 == 0)
                QCOMPARE(row[1], "multi\nline, \"quoted\" text " + QByteArray::number(i));
            else
                QCOMPARE(row[1], "plain text number " + QByteArray::number(i));
            QCOMPARE(r.lines[i + 1], expectedLines[i]);
        }
    }

    void overLongRecord()
    {
        QByteArray input("a,b\n1,");
        input += QByteArray(int(CsvReader::kMaxRecordBytes) + 10, 'x');
        input += "\n2,3\n";
        const Read r = readAll(input);
        QVERIFY2(r.error.contains(QStringLiteral("longer than 16 MB")), qPrintable(r.error));
        QCOMPARE(r.errorLine, qint64(2));
    }
};

QTEST_GUILESS_MAIN(TstCsvReader)
#include "tst_csvreader.moc"
