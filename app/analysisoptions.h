// What `metrics` and `alerts` share: the window options of docs/command-line.md#the-window-options
// (--as-of, --window-days; bad values are usage errors, exit 2) and aligned plain-text tables for
// their human output.
#pragma once

#include "engine/dataset.h"
#include "engine/intervals.h"
#include "engine/scope.h"
#include "store/metriccatalogue.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

namespace srm::cli {

struct WindowOptions
{
    QCommandLineOption asOf{QStringLiteral("as-of"),
                            QStringLiteral("end of the window: YYYY-MM-DD (UTC midnight) or an ISO-8601 instant "
                                           "(default: UTC midnight after the latest event)"),
                            QStringLiteral("T")};
    QCommandLineOption windowDays{QStringLiteral("window-days"),
                                  QStringLiteral("length of the window in days (default 90)"), QStringLiteral("N")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("print one JSON document")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({asOf, windowDays, json}); }
    // Checks the option values (UsageError) before anything is opened.
    void validate(const QCommandLineParser &parser) const;
    // --as-of, or nullopt for docs/command-line.md's default (found while loading, see Dataset::load).
    std::optional<Micros> asOfValue(const QCommandLineParser &parser) const;
    int days(const QCommandLineParser &parser) const;
};

// SCOPE of docs/command-line.md: --service S and --team T, each repeatable (docs/scope.md#command-line).
struct ScopeOptions
{
    QCommandLineOption service{QStringLiteral("service"),
                               QStringLiteral("count only the records of service S (repeatable: any of them)"),
                               QStringLiteral("S")};
    QCommandLineOption team{QStringLiteral("team"),
                            QStringLiteral("count only the records of team T (repeatable: any of them; with "
                                           "--service: both must hold)"),
                            QStringLiteral("T")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({service, team}); }
    // Checks the values before anything is opened: an empty name is a UsageError.
    void validate(const QCommandLineParser &parser) const;
    // The scope; a name that no record and no owner of `ws` carries is a UsageError (a typo
    // would otherwise print an empty report).
    Scope value(const QCommandLineParser &parser, Workspace &ws) const;
};

// Prints a compact JSON document (JsonWriter's text) and a newline on stdout.
void printJsonText(const QByteArray &compact);

// Figures as the text tables show them: "3.41/day", "19.9 h", "6.2%", "-" for none.
QString formatNumber(double v);
QString formatValue(const std::optional<double> &v, Unit unit);
// A gap to target: a ratio's gap in percentage points ("1.2 pts"), others as formatValue.
QString formatGap(const std::optional<double> &v, Unit unit);
// A 95% interval: "5.0% – 7.8%", "-" for none.
QString formatRange(const std::optional<Interval> &ci, Unit unit);
// "improved", "worse", "no clear change", "not enough data".
QString verdictWords(Verdict v);

// Parses a whole number option in [min, max]; UsageError names the option otherwise.
int intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max);

// Columns padded to their widest cell; `rightAligned` marks numeric columns.
class TextTable
{
public:
    explicit TextTable(QStringList header, QList<bool> rightAligned);
    void addRow(QStringList cells);
    QString render(const QString &indent = QStringLiteral("  ")) const;

private:
    QList<QStringList> m_rows;
    QList<bool> m_right;
};

} // namespace srm::cli
