// PagerDuty (docs/sources.md#pagerduty): GET /incidents in windows of at most 180 days from the
// cursor to now, `offset` paging while `more` is true, a window whose incidents would need an
// offset past 10,000 split in halves until each half fits. Every page is kept as PagerDuty sent
// it and imported by the PagerDuty REST parser, one part per page. The next sync starts where
// this one ended, or earlier to read again the incidents still open now (within a week), so
// that their acknowledgement and resolution arrive.
#include "sources/fetcher.h"

#include "store/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrlQuery>

namespace srm::sources {

namespace {

constexpr int kLimit = 100;
constexpr int kMaxOffset = 10000; // PagerDuty's classic paging ends there
constexpr Micros kMaxWindow = 180 * kMicrosPerDay;
constexpr Micros kOpenLookback = 7 * kMicrosPerDay;

struct WindowPages
{
    std::vector<FetchedPart> parts;
    qint64 incidents = 0;
    std::optional<Micros> earliestOpen;
};

class PagerDutyFetch
{
public:
    explicit PagerDutyFetch(const FetchContext &c) : m_c(c)
    {
        if (!c.token.isEmpty())
            m_headers << qMakePair(QByteArray("Authorization"), "Token token=" + c.token.toUtf8());
        m_headers << qMakePair(QByteArray("Accept"), QByteArray("application/vnd.pagerduty+json;version=2"));
        m_base = apiUrl(c.source, QStringLiteral("/incidents"));
    }

    FetchResult run()
    {
        FetchResult result;
        const Micros until = m_c.now - ((m_c.now % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond;
        const Micros since = std::min(syncStart(m_c, m_c.source.lastCursor), until);
        std::vector<std::pair<Micros, Micros>> windows;
        for (Micros from = since; from < until; from += kMaxWindow)
            windows.emplace_back(from, std::min(until, from + kMaxWindow));
        std::optional<Micros> earliestOpen;
        for (std::size_t i = 0; i < windows.size(); ++i) {
            m_window = QStringLiteral("window %1 of %2").arg(i + 1).arg(windows.size());
            WindowPages pages;
            fetchWindow(windows[i].first, windows[i].second, pages);
            for (FetchedPart &p : pages.parts)
                result.parts.push_back(std::move(p));
            result.items += pages.incidents;
            if (pages.earliestOpen && (!earliestOpen || *pages.earliestOpen < *earliestOpen))
                earliestOpen = pages.earliestOpen;
        }
        result.label = QStringLiteral("PagerDuty incidents %1 to %2").arg(isoSeconds(since), isoSeconds(until));
        Micros next = until;
        if (earliestOpen)
            next = std::clamp(*earliestOpen, until - kOpenLookback, until);
        result.cursor = isoSeconds(next);
        return result;
    }

private:
    // Fetches [from, to) into `out`, splitting it when it holds more than the offset cap allows.
    void fetchWindow(Micros from, Micros to, WindowPages &out)
    {
        WindowPages pages;
        for (int offset = 0;;) {
            if (offset + kLimit > kMaxOffset) { // `more` was true: this window cannot be paged to its end
                split(from, to, out);
                return;
            }
            QUrl url = m_base;
            QUrlQuery query;
            addQueryItem(query, QStringLiteral("since"), isoSeconds(from));
            addQueryItem(query, QStringLiteral("until"), isoSeconds(to));
            addQueryItem(query, QStringLiteral("time_zone"), QStringLiteral("UTC"));
            addQueryItem(query, QStringLiteral("limit"), QString::number(kLimit));
            addQueryItem(query, QStringLiteral("offset"), QString::number(offset));
            if (offset == 0)
                addQueryItem(query, QStringLiteral("total"), QStringLiteral("true"));
            url.setQuery(query);
            const QString what = QStringLiteral("GET /incidents since=%1 until=%2 offset=%3")
                                     .arg(isoSeconds(from), isoSeconds(to))
                                     .arg(offset);
            m_c.tell(QStringLiteral("PagerDuty: %1 incidents so far (%2, offset %3)")
                         .arg(QLocale::c().toString(m_incidents + pages.incidents), m_window)
                         .arg(offset));
            const HttpResponse response = m_c.http.get(url, m_headers);
            const QJsonObject page = QJsonDocument::fromJson(jsonOrThrow(m_c.http, response, what)).object();
            const QJsonValue list = page.value(QLatin1StringView("incidents"));
            if (!list.isArray())
                throw SyncError(SyncError::Kind::BadPayload,
                                QStringLiteral("PagerDuty's answer to %1 has no 'incidents' array").arg(what));
            const QJsonArray incidents = list.toArray();
            const QJsonValue total = page.value(QLatin1StringView("total"));
            if (offset == 0 && total.isDouble() && total.toDouble() > kMaxOffset) {
                split(from, to, out); // known before paging: do not fetch what would be thrown away
                return;
            }
            FetchedPart part;
            part.name = what;
            part.slice = m_c.spool.append(response.body);
            part.options.format = importers::Format::PagerDutyRest;
            pages.parts.push_back(std::move(part));
            pages.incidents += incidents.size();
            for (const QJsonValue &v : incidents) {
                const QJsonObject incident = v.toObject();
                if (incident.value(QLatin1StringView("status")).toString() == u"resolved")
                    continue;
                const auto created = parseTimestamp(
                    incident.value(QLatin1StringView("created_at")).toString().toStdString(), ZoneOffsets());
                if (created && (!pages.earliestOpen || *created < *pages.earliestOpen))
                    pages.earliestOpen = created;
            }
            if (!page.value(QLatin1StringView("more")).toBool())
                break;
            if (incidents.isEmpty())
                throw SyncError(
                    SyncError::Kind::BadPayload,
                    QStringLiteral("PagerDuty's answer to %1 says there is more but holds no incident").arg(what));
            offset += int(incidents.size());
        }
        m_incidents += pages.incidents;
        for (FetchedPart &p : pages.parts)
            out.parts.push_back(std::move(p));
        out.incidents += pages.incidents;
        if (pages.earliestOpen && (!out.earliestOpen || *pages.earliestOpen < *out.earliestOpen))
            out.earliestOpen = pages.earliestOpen;
    }

    void split(Micros from, Micros to, WindowPages &out)
    {
        const Micros middle = from + (to - from) / 2 / kMicrosPerSecond * kMicrosPerSecond;
        if (middle <= from || middle >= to)
            throw SyncError(SyncError::Kind::BadPayload,
                            QStringLiteral("PagerDuty holds more than %1 incidents created between %2 and %3, more "
                                           "than its offset paging can reach")
                                .arg(kMaxOffset)
                                .arg(isoSeconds(from), isoSeconds(to)));
        fetchWindow(from, middle, out);
        fetchWindow(middle, to, out);
    }

    const FetchContext &m_c;
    HttpHeaders m_headers;
    QUrl m_base;
    QString m_window;
    qint64 m_incidents = 0; // in windows already done
};

} // namespace

FetchResult fetchPagerDuty(const FetchContext &context)
{
    return PagerDutyFetch(context).run();
}

} // namespace srm::sources
