#include "sources/sourcekinds.h"

#include "store/timeutil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace srm::sources {

namespace {

QString option(const SourceDefinition &s, const char *key)
{
    return s.options.value(QLatin1StringView(key)).toString().trimmed();
}

} // namespace

QString kindTitle(const QString &kind)
{
    if (kind == u"pagerduty")
        return QStringLiteral("PagerDuty");
    if (kind == u"prometheus")
        return QStringLiteral("Prometheus");
    if (kind == u"github")
        return QStringLiteral("GitHub");
    if (kind == u"gitlab")
        return QStringLiteral("GitLab");
    return kind;
}

QString defaultUrl(const QString &kind)
{
    if (kind == u"pagerduty")
        return QStringLiteral("https://api.pagerduty.com");
    if (kind == u"github")
        return QStringLiteral("https://api.github.com");
    if (kind == u"gitlab")
        return QStringLiteral("https://gitlab.com");
    return {};
}

QString pagerDutyEuUrl()
{
    return QStringLiteral("https://api.eu.pagerduty.com");
}

bool needsToken(const QString &kind)
{
    return kind != u"prometheus";
}

std::optional<std::int64_t> parseDurationSeconds(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d+)\s*([smhd]?)\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok || n <= 0 || n > 10LL * 365 * 86400)
        return std::nullopt;
    const QString unit = m.captured(2);
    const qint64 factor = unit == u"m" ? 60 : unit == u"h" ? 3600 : unit == u"d" ? 86400 : 1;
    return n * factor;
}

std::optional<Micros> parseSince(const QString &text, Micros now)
{
    static const QRegularExpression days(QStringLiteral(R"(^\s*(\d{1,5})\s*d\s*$)"));
    if (const auto m = days.match(text); m.hasMatch())
        return now - m.captured(1).toLongLong() * kMicrosPerDay;
    return parseAsOf(text.trimmed());
}

Micros defaultSince(const QString &kind, Micros now)
{
    return now - (kind == u"prometheus" ? 28 : 365) * kMicrosPerDay;
}

QString definitionError(const SourceDefinition &s)
{
    if (const QString why = SourceStore::nameError(s.name); !why.isEmpty())
        return why;
    if (!SourceStore::kinds().contains(s.kind))
        return QStringLiteral("unknown source kind '%1'; known kinds: %2").arg(s.kind, SourceStore::kinds().join(u", "));
    const QUrl url(s.url, QUrl::StrictMode);
    if (s.url.trimmed().isEmpty())
        return QStringLiteral("%1 sources need --url (the API's address)").arg(kindTitle(s.kind));
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return QStringLiteral("'%1' is not an http or https URL").arg(s.url);
    if (!url.userInfo().isEmpty())
        return QStringLiteral("the URL must not hold a user name or password: tokens live in the keychain or in "
                              "the variable named by --token-env");
    if (url.hasQuery() || url.hasFragment())
        return QStringLiteral("the URL must be the API's base address, without '?' or '#'");
    static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!s.tokenEnv.isEmpty() && !envName.match(s.tokenEnv).hasMatch())
        return QStringLiteral("'%1' is not an environment variable name").arg(s.tokenEnv);
    const QString since = option(s, "since");
    if (!since.isEmpty() && !parseSince(since, 0))
        return QStringLiteral("--since must be YYYY-MM-DD, an ISO-8601 instant or a number of days like 90d, not "
                              "'%1'")
            .arg(since);

    if (s.kind == u"prometheus") {
        const QString step = option(s, "step");
        if (!step.isEmpty() && !parseDurationSeconds(step))
            return QStringLiteral("--step must be a duration like 300, 5m, 1h or 1d, not '%1'").arg(step);
        const QList<PrometheusSlo> slos = prometheusSlos(s);
        if (slos.isEmpty())
            return QStringLiteral("a Prometheus source needs at least one --slo NAME with --total-query and "
                                  "--good-query or --bad-query");
        QStringList seen;
        for (const PrometheusSlo &slo : slos) {
            if (slo.name.isEmpty())
                return QStringLiteral("every SLO of a Prometheus source needs a name (--slo NAME)");
            if (seen.contains(slo.name))
                return QStringLiteral("SLO '%1' is listed twice").arg(slo.name);
            seen << slo.name;
            if (slo.total.isEmpty())
                return QStringLiteral("SLO '%1' needs --total-query").arg(slo.name);
            if (slo.good.isEmpty() && slo.bad.isEmpty())
                return QStringLiteral("SLO '%1' needs --good-query or --bad-query").arg(slo.name);
        }
    } else if (s.kind == u"github") {
        static const QRegularExpression repo(QStringLiteral(R"(^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$)"));
        if (!repo.match(option(s, "repo")).hasMatch())
            return QStringLiteral("a GitHub source needs --repo OWNER/NAME%1")
                .arg(option(s, "repo").isEmpty() ? QString() : QStringLiteral(", not '%1'").arg(option(s, "repo")));
    } else if (s.kind == u"gitlab") {
        if (option(s, "project").isEmpty())
            return QStringLiteral("a GitLab source needs --project ID (the numeric id or the path group/name)");
    }
    return {};
}

QString describe(const SourceDefinition &s)
{
    const QString environment = option(s, "environment").isEmpty() ? QStringLiteral("production")
                                                                   : option(s, "environment");
    if (s.kind == u"pagerduty")
        return QStringLiteral("incidents as pages");
    if (s.kind == u"prometheus") {
        QStringList names;
        for (const PrometheusSlo &slo : prometheusSlos(s))
            names << slo.name;
        const QString step = option(s, "step").isEmpty() ? QStringLiteral("1h") : option(s, "step");
        return QStringLiteral("SLO measurements of %1 every %2").arg(names.join(u", "), step);
    }
    if (s.kind == u"github")
        return QStringLiteral("deployments and changes of %1 (%2)").arg(option(s, "repo"), environment);
    if (s.kind == u"gitlab")
        return QStringLiteral("deployments and changes of project %1 (%2)").arg(option(s, "project"), environment);
    return {};
}

QList<PrometheusSlo> prometheusSlos(const SourceDefinition &s)
{
    QList<PrometheusSlo> out;
    for (const QJsonValue &v : s.options.value(QLatin1StringView("slos")).toArray()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1StringView("name")).toString().trimmed(),
                    o.value(QLatin1StringView("good")).toString().trimmed(),
                    o.value(QLatin1StringView("bad")).toString().trimmed(),
                    o.value(QLatin1StringView("total")).toString().trimmed()});
    }
    return out;
}

void setPrometheusSlos(SourceDefinition &s, const QList<PrometheusSlo> &slos)
{
    QJsonArray list;
    for (const PrometheusSlo &slo : slos) {
        QJsonObject o{{QStringLiteral("name"), slo.name}, {QStringLiteral("total"), slo.total}};
        if (!slo.good.isEmpty())
            o.insert(QStringLiteral("good"), slo.good);
        if (!slo.bad.isEmpty())
            o.insert(QStringLiteral("bad"), slo.bad);
        list.append(o);
    }
    s.options.insert(QStringLiteral("slos"), list);
}

} // namespace srm::sources
