// A small HTTP/1.1 server for the live-source tests: it listens on 127.0.0.1 only (never another
// address), on a thread of its own, so the code under test can block the test's thread (an
// in-process sync) or run in another process (the real sre-roadmap). Each request goes to a
// handler that returns the answer, or asks for the connection to be dropped half-way through
// the body; every request is recorded with the time it arrived.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace srm::test {

struct FakeRequest
{
    QByteArray method;
    QByteArray target;                     // as sent: path?query
    QUrl url;                              // the target as a URL (path and query)
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 atMs = 0;                       // when it arrived (epoch ms)

    QString path() const { return url.path(QUrl::FullyEncoded); }
    QString query(const QString &key) const { return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded); }
};

struct FakeResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool dropHalfway = false; // send the headers and half the body, then close the connection

    static FakeResponse json(const QByteArray &body, int status = 200);
};

class FakeHttpServer
{
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeHttpServer(Handler handler);
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer &) = delete;
    FakeHttpServer &operator=(const FakeHttpServer &) = delete;

    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QString url() const; // http://127.0.0.1:PORT

    void setHandler(Handler handler);
    QList<FakeRequest> requests() const;
    void clearRequests();

    // Called on the server's thread.
    FakeResponse handle(const FakeRequest &request);

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr;
    std::atomic<quint16> m_port{0};
    mutable std::mutex m_mutex; // not QMutex: ThreadSanitizer sees std::mutex (make tsan)
    Handler m_handler;
    QList<FakeRequest> m_requests;
};

} // namespace srm::test
