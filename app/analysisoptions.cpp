#include "app/analysisoptions.h"

#include "app/cli.h"
#include "store/texthygiene.h"
#include "store/workspace.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace srm::cli {

void printJsonText(const QByteArray &compact)
{
    std::fwrite(compact.constData(), 1, size_t(compact.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString formatNumber(double v)
{
    const double a = std::abs(v);
    return QString::number(v, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

QString formatValue(const std::optional<double> &v, Unit unit)
{
    if (!v)
        return QStringLiteral("-");
    switch (unit) {
    case Unit::Ratio: return QString::number(*v * 100, 'f', 1) + u'%';
    case Unit::PerDay: return formatNumber(*v) + QStringLiteral("/day");
    case Unit::PerWeek: return formatNumber(*v) + QStringLiteral("/week");
    case Unit::Hours: return formatNumber(*v) + QStringLiteral(" h");
    case Unit::Minutes: return formatNumber(*v) + QStringLiteral(" min");
    }
    return formatNumber(*v);
}

QString formatGap(const std::optional<double> &v, Unit unit)
{
    if (v && unit == Unit::Ratio)
        return QString::number(*v * 100, 'f', 1) + QStringLiteral(" pts");
    return formatValue(v, unit);
}

QString formatRange(const std::optional<Interval> &ci, Unit unit)
{
    if (!ci)
        return QStringLiteral("-");
    return formatValue(ci->lo, unit) + QStringLiteral(" – ") + formatValue(ci->hi, unit);
}

QString verdictWords(Verdict v)
{
    switch (v) {
    case Verdict::Improved: return QStringLiteral("improved");
    case Verdict::Worse: return QStringLiteral("worse");
    case Verdict::NoClearChange: return QStringLiteral("no clear change");
    case Verdict::InsufficientData: return QStringLiteral("not enough data");
    }
    return {};
}

int intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max)
{
    bool ok = false;
    const qlonglong v = parser.value(option).trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw UsageError(QStringLiteral("--%1 needs a whole number from %2 to %3, not '%4'")
                             .arg(option.names().constFirst())
                             .arg(min)
                             .arg(max)
                             .arg(parser.value(option)));
    return int(v);
}

void WindowOptions::validate(const QCommandLineParser &parser) const
{
    if (parser.isSet(asOf)) {
        const auto t = parseAsOf(parser.value(asOf));
        if (!t)
            throw UsageError(
                QStringLiteral("--as-of needs YYYY-MM-DD or an ISO-8601 instant, not '%1'").arg(parser.value(asOf)));
        if (*t <= kEarliestTime || *t > kLatestTime) // docs/hostile-input.md#limits
            throw UsageError(QStringLiteral("--as-of must be after 1970-01-01 and at most 2200-01-01, not '%1'")
                                 .arg(parser.value(asOf)));
    }
    if (parser.isSet(windowDays))
        intOption(parser, windowDays, 1, AnalysisWindow::kMaxDays);
}

std::optional<Micros> WindowOptions::asOfValue(const QCommandLineParser &parser) const
{
    validate(parser);
    return parser.isSet(asOf) ? parseAsOf(parser.value(asOf)) : std::nullopt;
}

int WindowOptions::days(const QCommandLineParser &parser) const
{
    return parser.isSet(windowDays) ? intOption(parser, windowDays, 1, AnalysisWindow::kMaxDays)
                                    : AnalysisWindow::kDefaultDays;
}

void ScopeOptions::validate(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption *o : {&service, &team})
        for (const QString &v : parser.values(*o))
            if (v.trimmed().isEmpty())
                throw UsageError(QStringLiteral("--%1 needs a name, not an empty value").arg(o->names().constFirst()));
}

Scope ScopeOptions::value(const QCommandLineParser &parser, Workspace &ws) const
{
    validate(parser);
    const Scope scope = Scope::of(parser.values(service), parser.values(team));
    if (scope.isEmpty())
        return scope;
    const ScopeNames known = ScopeNames::read(ws);
    const auto check = [](const char *option, const std::vector<std::string> &asked,
                          const std::vector<std::string> &names) {
        for (const std::string &name : asked)
            if (!std::binary_search(names.begin(), names.end(), name)) {
                QStringList list;
                for (const std::string &n : names)
                    if (!n.empty())
                        list.append(QString::fromStdString(n));
                throw UsageError(QStringLiteral("--%1 '%2': no record or owner in the workspace names it (known: %3)")
                                     .arg(QLatin1StringView(option), QString::fromStdString(name),
                                          list.isEmpty() ? QStringLiteral("none") : list.join(QStringLiteral(", "))));
            }
    };
    check("service", scope.services, known.services);
    check("team", scope.teams, known.teams);
    return scope;
}

TextTable::TextTable(QStringList header, QList<bool> rightAligned) : m_right(std::move(rightAligned))
{
    m_rows.append(std::move(header));
}

void TextTable::addRow(QStringList cells)
{
    // A cell is one line of the table, whatever the workspace holds.
    for (QString &cell : cells)
        cell = hygiene::escapeControls(cell);
    m_rows.append(std::move(cells));
}

QString TextTable::render(const QString &indent) const
{
    QList<qsizetype> widths;
    for (const QStringList &row : m_rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], row[c].size());
        }
    QString out;
    for (const QStringList &row : m_rows) {
        QString line = indent;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QStringLiteral("  ");
            const bool right = c < m_right.size() && m_right[c];
            const bool last = c + 1 == row.size();
            line += right ? row[c].rightJustified(widths[c]) : (last ? row[c] : row[c].leftJustified(widths[c]));
        }
        out += line + u'\n';
    }
    return out;
}

} // namespace srm::cli
