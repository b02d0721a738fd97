#include "sources/fetcher.h"

#include "sources/sourcekinds.h"
#include "store/timeutil.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace srm::sources {

QString isoSeconds(Micros t)
{
    return formatIso(t - ((t % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond);
}

Micros syncStart(const FetchContext &c, const QString &cursorInstant)
{
    if (!c.full && !cursorInstant.isEmpty()) {
        if (const auto t = parseAsOf(cursorInstant))
            return *t;
    }
    const QString since = c.source.options.value(QLatin1StringView("since")).toString();
    if (!since.isEmpty()) {
        if (const auto t = parseSince(since, c.now))
            return *t;
    }
    return defaultSince(c.source.kind, c.now);
}

QByteArray jsonOrThrow(const HttpClient &http, const HttpResponse &response, const QString &what)
{
    QJsonParseError error;
    QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError)
        throw SyncError(SyncError::Kind::BadPayload,
                        http.scrub(QStringLiteral("%1's answer to %2 is not valid JSON: %3 at byte %4")
                                       .arg(http.service(), what, error.errorString())
                                       .arg(error.offset)));
    return response.body;
}

void addQueryItem(QUrlQuery &query, const QString &key, const QString &value)
{
    query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

QUrl apiUrl(const SourceDefinition &source, const QString &path)
{
    // `path` is already encoded where it must be (a GitLab project path's %2F).
    QUrl url(source.url);
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    return url;
}

} // namespace srm::sources
