// HTTP for the live sources (docs/sources.md#requests-retries-and-waits): GET requests through
// QtNetwork, one at a time, on the thread that made the client (a worker thread in the window,
// the main thread of the command line), each waited for in a local event loop that also
// watches for Cancel. The client owns the rules every source shares: HTTP 429 and 5xx answers
// are retried after Retry-After or an exponential back-off (1, 2, 4 … 60 s) up to 8 tries in
// all; an exhausted rate limit (x-ratelimit-remaining: 0) waits for x-ratelimit-reset; 401/403
// mean the token was refused; redirects and `Link` pages are only followed on the same origin,
// so a token is never sent to another host. Every message it makes is scrubbed: no token, no
// query string, no user:password@ of a URL. Failures are thrown as SyncError.
#pragma once

#include "store/error.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <stdexcept>

class QNetworkAccessManager;

namespace srm::sources {

// Why a sync failed; it decides the exit code (docs/sources.md#exit-codes-and-messages).
class SyncError : public Error
{
public:
    enum class Kind {
        Network,    // unreachable, dropped, timed out, still refused after the retries: exit 1
        Refused,    // 401/403: the token was refused: exit 2
        BadPayload, // an answer we cannot read, or a request the API rejected: exit 2
        Setup,      // the source's definition or token is missing or wrong: exit 2
        Cancelled,  // the user pressed Cancel (the window): nothing is reported as an error
    };
    SyncError(Kind kind, const QString &message) : Error(message), m_kind(kind) { }
    Kind kind() const { return m_kind; }
    // The sync's exit code, also stored with a sync's outcome (SyncOutcome::exitCode).
    int exitCode() const { return m_kind == Kind::Network || m_kind == Kind::Cancelled ? 1 : 2; }

private:
    Kind m_kind;
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpResponse
{
    QUrl url;
    int status = 0;
    QByteArray body;
    HttpHeaders headers;

    // The first header named `name` (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const;
    // The URL of the `Link` header's rel="next" (RFC 8288), or an empty URL.
    QUrl nextLink() const;
};

// How long the client waits and how often it tries.
struct RetryPolicy
{
    int maxTries = 8; // requests for one URL, the first included
    double maxBackoffSeconds = 60;
    double maxWaitSeconds = 3600; // a longer Retry-After or reset fails instead of waiting
    double waitScale = 1.0;       // multiplies every wait (SRM_SOURCES_WAIT_SCALE)
    int timeoutMs = 60000;        // a request with no progress for this long fails

    // The defaults, with waitScale from the environment variable SRM_SOURCES_WAIT_SCALE
    // (a number >= 0; tests shorten the waits with it, the logic stays the same).
    static RetryPolicy fromEnvironment();
};

class HttpClient
{
public:
    // `service` names the remote side in messages ("PagerDuty", "GitHub"...).
    explicit HttpClient(const QString &service, const RetryPolicy &policy = RetryPolicy::fromEnvironment());
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // A secret that must never appear in a message (the token).
    void setSecret(const QString &secret) { m_secret = secret; }
    // Polled while waiting; true stops the request or the wait with SyncError::Cancelled.
    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }
    // Told about waits ("PagerDuty asked to wait 30 s").
    void setStatusCallback(std::function<void(const QString &)> status) { m_status = std::move(status); }

    // GETs `url` with `headers`, retrying and waiting as described above; returns a 2xx answer.
    HttpResponse get(const QUrl &url, const HttpHeaders &headers);
    // The same for a `Link` rel="next" URL of an earlier answer: refused unless it has the
    // origin (scheme, host, port) of `previous`.
    HttpResponse getNext(const QUrl &next, const QUrl &previous, const HttpHeaders &headers);

    int requestCount() const { return m_requests; }
    QString service() const { return m_service; }

    // `text` without the secret, URL user info and URL query strings.
    QString scrub(const QString &text) const;
    // "https://host:port/path" of a URL: no user info, no query.
    static QString describe(const QUrl &url);

private:
    enum class Outcome { Done, Retry };
    Outcome attempt(const QUrl &url, const HttpHeaders &headers, int tryNumber, HttpResponse &out, double &wait,
                    QString &why);
    void sleep(double seconds, const QString &why);
    bool cancelled() const { return m_cancelled && m_cancelled(); }

    QString m_service;
    RetryPolicy m_policy;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    QString m_secret;
    std::function<bool()> m_cancelled;
    std::function<void(const QString &)> m_status;
    qint64 m_notBeforeMs = 0; // an exhausted rate limit: no request before this (epoch ms)
    int m_requests = 0;
};

} // namespace srm::sources
