#include "sources/httpclient.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace srm::sources {

namespace {

constexpr int kPollMs = 50;
constexpr qsizetype kMaxDetail = 300;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString seconds(double s)
{
    return s < 10 && s != std::floor(s) ? QString::number(s, 'f', 1) : QString::number(qint64(std::ceil(s)));
}

// Retry-After: delta-seconds or an HTTP date (RFC 9110 10.2.3); nullopt when absent or unreadable.
std::optional<double> retryAfterSeconds(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double n = v.toDouble(&ok);
    if (ok && n >= 0 && std::isfinite(n))
        return n;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (at.isValid())
        return std::max(0.0, double(at.toMSecsSinceEpoch() - nowMs()) / 1000.0);
    return std::nullopt;
}

// The message an API put in an error answer: PagerDuty {"error": {"message", "errors"}},
// GitHub and GitLab {"message"}, Prometheus {"errorType", "error"}.
QString apiMessage(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString text;
    const QJsonValue error = o.value(QLatin1StringView("error"));
    if (error.isObject()) {
        text = error.toObject().value(QLatin1StringView("message")).toString();
        QStringList details;
        for (const QJsonValue &e : error.toObject().value(QLatin1StringView("errors")).toArray())
            if (e.isString())
                details << e.toString();
        if (!details.isEmpty())
            text += QStringLiteral(" (%1)").arg(details.join(QStringLiteral("; ")));
    } else if (error.isString()) {
        const QString type = o.value(QLatin1StringView("errorType")).toString();
        text = type.isEmpty() ? error.toString()
                              : QStringLiteral("prometheus error %1: %2").arg(type, error.toString());
    } else if (o.value(QLatin1StringView("message")).isString()) {
        text = o.value(QLatin1StringView("message")).toString();
    }
    text = text.simplified();
    if (text.size() > kMaxDetail)
        text = text.left(kMaxDetail) + QStringLiteral("…");
    return text;
}

QString networkProblem(QNetworkReply::NetworkError e, int timeoutMs)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError: return QStringLiteral("connection refused");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the connection was closed before the answer was complete");
    case QNetworkReply::HostNotFoundError: return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: return QStringLiteral("no answer for %1 s").arg(timeoutMs / 1000);
    case QNetworkReply::SslHandshakeFailedError: return QStringLiteral("the TLS handshake failed");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError: return QStringLiteral("the network is down");
    case QNetworkReply::TooManyRedirectsError: return QStringLiteral("too many redirects");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError: return QStringLiteral("the proxy failed");
    default: return {};
    }
}

// Errors of the transport rather than of an HTTP status (QNetworkReply's ranges: 1-99 network,
// 101-199 proxy; 301-399 protocol, which Qt also uses for some HTTP statuses, so those count
// only when no status arrived). A connection closed in the middle of a body is one even though
// the status line arrived.
bool isTransportError(QNetworkReply::NetworkError e, bool hasStatus)
{
    const int code = int(e);
    return (code >= 1 && code < 200) || (!hasStatus && code >= 301 && code < 400);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QUrl HttpResponse::nextLink() const
{
    // <url>; rel="next", <url>; rel="last"  (rel may list several space-separated types)
    static const QRegularExpression link(QStringLiteral(R"(<([^>]*)>\s*((?:;[^,<]*)*))"));
    static const QRegularExpression rel(QStringLiteral(R"re(;\s*rel\s*=\s*"?([^";]*)"?)re"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString value = QString::fromLatin1(header("link"));
    for (auto it = link.globalMatch(value); it.hasNext();) {
        const auto m = it.next();
        const auto r = rel.match(m.captured(2));
        if (r.hasMatch() && r.captured(1).split(u' ', Qt::SkipEmptyParts).contains(QLatin1StringView("next")))
            return url.resolved(QUrl(m.captured(1)));
    }
    return {};
}

RetryPolicy RetryPolicy::fromEnvironment()
{
    RetryPolicy p;
    bool ok = false;
    const double scale = qEnvironmentVariable("SRM_SOURCES_WAIT_SCALE").toDouble(&ok);
    if (ok && scale >= 0 && std::isfinite(scale))
        p.waitScale = scale;
    return p;
}

HttpClient::HttpClient(const QString &service, const RetryPolicy &policy)
    : m_service(service), m_policy(policy), m_manager(std::make_unique<QNetworkAccessManager>())
{
    m_manager->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

HttpClient::~HttpClient() = default;

QString HttpClient::describe(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString HttpClient::scrub(const QString &text) const
{
    static const QRegularExpression urls(
        QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.-]*://)([^/@\s]*@)?([^\s?#]*)([?#][^\s]*)?)"));
    QString out = text;
    out.replace(urls, QStringLiteral("\\1\\3"));
    if (m_secret.size() >= 4)
        out.replace(m_secret, QStringLiteral("[token]"));
    return out;
}

void HttpClient::sleep(double secs, const QString &why)
{
    const double ms = std::clamp(secs * m_policy.waitScale * 1000.0, 0.0, double(std::numeric_limits<int>::max()));
    if (m_status)
        m_status(scrub(why));
    QEventLoop loop;
    QTimer done;
    done.setTimerType(Qt::PreciseTimer);
    done.setSingleShot(true);
    QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancelled())
            loop.quit();
    });
    done.start(int(ms));
    poll.start(kPollMs);
    loop.exec();
    if (cancelled())
        throw SyncError(SyncError::Kind::Cancelled, QStringLiteral("cancelled"));
}

HttpClient::Outcome HttpClient::attempt(const QUrl &url, const HttpHeaders &headers, int tryNumber, HttpResponse &out,
                                        double &wait, QString &why)
{
    if (cancelled())
        throw SyncError(SyncError::Kind::Cancelled, QStringLiteral("cancelled"));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_policy.timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("sre-roadmap/" SRM_VERSION));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    ++m_requests;
    const std::unique_ptr<QNetworkReply> reply(m_manager->get(request));
    bool aborted = false;
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (!aborted && cancelled()) {
                aborted = true;
                reply->abort();
            }
        });
        poll.start(kPollMs);
        loop.exec();
    }
    if (aborted)
        throw SyncError(SyncError::Kind::Cancelled, QStringLiteral("cancelled"));

    const QString where = QStringLiteral("GET %1").arg(describe(url));
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::InsecureRedirectError)
        throw SyncError(SyncError::Kind::BadPayload,
                        scrub(QStringLiteral("%1 (%2) redirected to another site; not followed, the token would go "
                                             "with it")
                                  .arg(m_service, where)));
    const bool hasStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
    if (isTransportError(error, hasStatus)) {
        QString problem = networkProblem(error, m_policy.timeoutMs);
        if (problem.isEmpty())
            problem = reply->errorString();
        throw SyncError(SyncError::Kind::Network,
                        scrub(QStringLiteral("cannot reach %1 (%2): %3").arg(m_service, where, problem)));
    }
    out.url = url;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    if (out.status == 0)
        throw SyncError(SyncError::Kind::Network,
                        scrub(QStringLiteral("cannot reach %1 (%2): %3").arg(m_service, where, reply->errorString())));

    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().simplified();
    const QString status
        = QStringLiteral("HTTP %1%2").arg(out.status).arg(reason.isEmpty() ? QString() : u' ' + reason);
    const std::optional<double> retryAfter = retryAfterSeconds(out.header("retry-after"));
    bool resetOk = false;
    const qint64 reset = out.header("x-ratelimit-reset").trimmed().toLongLong(&resetOk);
    const bool exhausted = out.header("x-ratelimit-remaining").trimmed() == "0" && resetOk;
    if (out.status >= 200 && out.status < 300) {
        if (exhausted) // the next request waits for the reset
            m_notBeforeMs = reset * 1000 + 1000;
        return Outcome::Done;
    }
    if (out.status == 429 || out.status >= 500 || (out.status == 403 && (exhausted || retryAfter))) {
        if (retryAfter)
            wait = *retryAfter;
        else if (exhausted)
            wait = std::max(0.0, double(reset * 1000 + 1000 - nowMs()) / 1000.0);
        else
            wait = std::min(m_policy.maxBackoffSeconds, std::ldexp(1.0, std::min(tryNumber - 1, 30)));
        why = status;
        return Outcome::Retry;
    }
    const QString detail = apiMessage(out.body);
    const QString suffix = detail.isEmpty() ? QString() : QStringLiteral(": %1").arg(detail);
    if (out.status == 401 || out.status == 403)
        throw SyncError(
            SyncError::Kind::Refused,
            scrub(QStringLiteral("%1 refused the token (%2 for %3)%4").arg(m_service, status, where, suffix)));
    throw SyncError(SyncError::Kind::BadPayload,
                    scrub(QStringLiteral("%1 answered %2 for %3%4").arg(m_service, status, where, suffix)));
}

HttpResponse HttpClient::get(const QUrl &url, const HttpHeaders &headers)
{
    for (int tryNumber = 1;; ++tryNumber) {
        const qint64 now = nowMs();
        if (m_notBeforeMs > now) {
            const double secs = double(m_notBeforeMs - now) / 1000.0;
            m_notBeforeMs = 0;
            if (secs > m_policy.maxWaitSeconds)
                throw SyncError(SyncError::Kind::Network,
                                QStringLiteral("%1's rate limit is used up for %2 s more; giving up (sync again later)")
                                    .arg(m_service, seconds(secs)));
            sleep(secs,
                  QStringLiteral("%1's rate limit is used up; waiting %2 s for it to reset")
                      .arg(m_service, seconds(secs * m_policy.waitScale)));
        }
        HttpResponse response;
        double wait = 0;
        QString why;
        if (attempt(url, headers, tryNumber, response, wait, why) == Outcome::Done)
            return response;
        const QString where = describe(url);
        if (tryNumber >= m_policy.maxTries)
            throw SyncError(SyncError::Kind::Network,
                            scrub(QStringLiteral("%1 still answered %2 for GET %3 after %4 tries; giving up")
                                      .arg(m_service, why, where)
                                      .arg(tryNumber)));
        if (wait > m_policy.maxWaitSeconds)
            throw SyncError(SyncError::Kind::Network,
                            scrub(QStringLiteral("%1 answered %2 for GET %3 and asks to wait %4 s; giving up (sync "
                                                 "again later)")
                                      .arg(m_service, why, where, seconds(wait))));
        sleep(wait,
              QStringLiteral("%1 answered %2; trying again in %3 s (try %4 of %5)")
                  .arg(m_service, why, seconds(wait * m_policy.waitScale))
                  .arg(tryNumber + 1)
                  .arg(m_policy.maxTries));
    }
}

HttpResponse HttpClient::getNext(const QUrl &next, const QUrl &previous, const HttpHeaders &headers)
{
    if (!sameOrigin(next, previous))
        throw SyncError(SyncError::Kind::BadPayload,
                        scrub(QStringLiteral("%1's next page (%2) is on another site than %3; not followed, the "
                                             "token would go with it")
                                  .arg(m_service, describe(next), describe(previous))));
    return get(next, headers);
}

} // namespace srm::sources
