// The fetchers, one per kind of source (docs/sources.md): each pulls what is new since the
// source's cursor through an HttpClient, keeps the bytes in a Spool, and describes them as
// parts in one of the import formats, for ImportRunner::importParts. PagerDuty pages and
// Prometheus query_range answers are imported as the API sent them (the parsers read those
// formats already); GitHub and GitLab answers, which are no import format, are converted here
// into the deployments and changes CSV formats, so that the same parser checks them as a file
// would be checked. A fetcher writes nothing to the workspace and throws SyncError.
#pragma once

#include "importers/importrunner.h"
#include "sources/httpclient.h"
#include "sources/spool.h"
#include "store/sourcestore.h"

#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <vector>

namespace srm::sources {

struct FetchContext
{
    const SourceDefinition &source;
    QString token; // empty: send no credentials
    HttpClient &http;
    Spool &spool;
    Micros now = 0;                              // the sync's "now": the end of what it fetches
    bool full = false;                           // ignore the cursor: start again from the source's since
    std::function<void(const QString &)> status; // progress text ("412 incidents, window 2 of 3")

    void tell(const QString &text) const
    {
        if (status)
            status(text);
    }
};

struct FetchedPart
{
    QString name; // for messages: what was fetched ("GET /incidents since=… offset=200")
    Spool::Slice slice;
    importers::ImportOptions options;
};

struct FetchResult
{
    std::vector<FetchedPart> parts;
    QString label;     // the import log's file name for this sync
    QString cursor;    // where the next sync starts
    qint64 items = 0;  // incidents, deployments or samples fetched
    QStringList notes; // what was left out on purpose, for the user
};

FetchResult fetchPagerDuty(const FetchContext &context);
FetchResult fetchPrometheus(const FetchContext &context);
FetchResult fetchGitHub(const FetchContext &context);
FetchResult fetchGitLab(const FetchContext &context);

// The start of this sync: the cursor's instant (unless `full`), else the source's since, else
// the kind's default.
Micros syncStart(const FetchContext &context, const QString &cursorInstant);

// Helpers for the fetchers.
QString isoSeconds(Micros t); // "2026-12-06T06:56:19Z" (whole seconds, as APIs expect)
QByteArray jsonOrThrow(const HttpClient &http, const HttpResponse &response, const QString &what);
// Adds key=value to `query` fully percent-encoded ('+' too, which servers would read as a space).
void addQueryItem(QUrlQuery &query, const QString &key, const QString &value);
// The source's URL with `path` appended to its own path.
QUrl apiUrl(const SourceDefinition &source, const QString &path);

} // namespace srm::sources
