// Prometheus (docs/sources.md#prometheus): per SLO, its good or bad query and its total query
// through GET /api/v1/query_range, from the step after the last point fetched (first sync: 28
// days ago) to now, both ends on multiples of the step so every point counts one whole step.
// A range longer than 10,000 steps is asked in pieces (Prometheus refuses more than 11,000
// points a series). Each answer is imported by the Prometheus query_range parser as the
// SLO's good, bad or total series.
#include "sources/fetcher.h"

#include "sources/sourcekinds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace srm::sources {

namespace {

constexpr qint64 kMaxPoints = 10000;

struct Query
{
    const char *series;
    importers::Series value;
    QString PrometheusSlo::*text;
};

} // namespace

FetchResult fetchPrometheus(const FetchContext &c)
{
    FetchResult result;
    const QString stepText = c.source.options.value(QLatin1StringView("step")).toString();
    const qint64 step = parseDurationSeconds(stepText.isEmpty() ? QStringLiteral("1h") : stepText).value_or(3600);
    const Micros stepUs = step * kMicrosPerSecond;
    const auto floorToStep = [stepUs](Micros t) { return t - ((t % stepUs) + stepUs) % stepUs; };
    const Micros end = floorToStep(c.now);
    Micros start = floorToStep(syncStart(c, QString()));
    if (!c.full && !c.source.lastCursor.isEmpty()) {
        if (const auto last = parseSince(c.source.lastCursor, c.now))
            start = floorToStep(*last) + stepUs;
    }
    result.cursor = c.full || c.source.lastCursor.isEmpty() ? isoSeconds(start - stepUs) : c.source.lastCursor;
    result.label
        = QStringLiteral("Prometheus query_range %1 to %2, step %3 s").arg(isoSeconds(start), isoSeconds(end)).arg(step);
    if (start > end)
        return result; // not one whole step since the last sync

    HttpHeaders headers;
    if (!c.token.isEmpty())
        headers << qMakePair(QByteArray("Authorization"), "Bearer " + c.token.toUtf8());
    headers << qMakePair(QByteArray("Accept"), QByteArray("application/json"));
    const QUrl base = apiUrl(c.source, QStringLiteral("/api/v1/query_range"));
    const Query queries[] = {{"good", importers::Series::Good, &PrometheusSlo::good},
                             {"bad", importers::Series::Bad, &PrometheusSlo::bad},
                             {"total", importers::Series::Total, &PrometheusSlo::total}};
    for (const PrometheusSlo &slo : prometheusSlos(c.source)) {
        for (const Query &q : queries) {
            const QString expression = slo.*q.text;
            if (expression.isEmpty())
                continue;
            for (Micros from = start; from <= end; from += kMaxPoints * stepUs) {
                const Micros to = std::min<Micros>(end, from + (kMaxPoints - 1) * stepUs);
                QUrl url = base;
                QUrlQuery query;
                addQueryItem(query, QStringLiteral("query"), expression);
                addQueryItem(query, QStringLiteral("start"), QString::number(from / kMicrosPerSecond));
                addQueryItem(query, QStringLiteral("end"), QString::number(to / kMicrosPerSecond));
                addQueryItem(query, QStringLiteral("step"), QString::number(step));
                url.setQuery(query);
                const QString what = QStringLiteral("SLO %1, %2 query, %3 to %4")
                                         .arg(slo.name, QLatin1StringView(q.series), isoSeconds(from), isoSeconds(to));
                c.tell(QStringLiteral("Prometheus: %1").arg(what));
                const HttpResponse response = c.http.get(url, headers);
                const QJsonObject answer = QJsonDocument::fromJson(jsonOrThrow(c.http, response, what)).object();
                if (answer.value(QLatin1StringView("status")).toString() == u"error")
                    throw SyncError(SyncError::Kind::BadPayload,
                                    c.http.scrub(QStringLiteral("prometheus error %1: %2 (%3)")
                                                     .arg(answer.value(QLatin1StringView("errorType")).toString(),
                                                          answer.value(QLatin1StringView("error")).toString(), what)));
                for (const QJsonValue &series :
                     answer.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("result")).toArray())
                    result.items += series.toObject().value(QLatin1StringView("values")).toArray().size();
                FetchedPart part;
                part.name = what;
                part.slice = c.spool.append(response.body);
                part.options.format = importers::Format::Prometheus;
                part.options.sloName = slo.name.toStdString();
                part.options.series = q.value;
                result.parts.push_back(std::move(part));
            }
        }
    }
    result.cursor = isoSeconds(end);
    return result;
}

} // namespace srm::sources
