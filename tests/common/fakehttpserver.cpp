#include "tests/common/fakehttpserver.h"

#include <QDateTime>
#include <QHostAddress>
#include <QSemaphore>

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <future>

namespace srm::test {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

FakeResponse FakeResponse::json(const QByteArray &body, int status)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
    return r;
}

// Lives on the server's thread: accepts connections, reads one request from each, answers it
// and closes the connection.
class FakeHttpServer::Worker : public QObject
{
public:
    explicit Worker(FakeHttpServer *owner) : m_owner(owner) { }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        connect(m_server, &QTcpServer::newConnection, this, &Worker::accept);
        return m_server->serverPort();
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        m_buffers.remove(socket);
        FakeRequest request;
        request.atMs = QDateTime::currentMSecsSinceEpoch();
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        request.url = QUrl::fromEncoded(QByteArray("http://127.0.0.1") + request.target);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const FakeResponse response = m_owner->handle(request);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n";
        for (const auto &h : response.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "\r\n";
        if (response.dropHalfway) {
            out += response.body.left(response.body.size() / 2);
            socket->write(out);
            socket->flush();
            socket->waitForBytesWritten(1000);
            socket->abort();
            return;
        }
        out += response.body;
        socket->write(out);
        connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
            if (socket->bytesToWrite() == 0)
                socket->disconnectFromHost();
        });
    }

    FakeHttpServer *m_owner;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

FakeHttpServer::FakeHttpServer(Handler handler) : m_thread(std::make_unique<QThread>()), m_handler(std::move(handler))
{
    m_worker = new Worker(this);
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    // Listening starts on the server's thread as it starts (started() is emitted there), and the
    // port comes back through a std::promise: both orderings are visible to ThreadSanitizer,
    // which a queued call and a QSemaphore (futexes inside Qt) are not (make tsan).
    std::promise<quint16> port;
    QObject::connect(m_thread.get(), &QThread::started, m_worker,
                     [this, &port] { port.set_value(m_worker->listen()); });
    m_thread->start();
    m_port = port.get_future().get();
}

FakeHttpServer::~FakeHttpServer()
{
    m_thread->quit();
    m_thread->wait();
}

QString FakeHttpServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void FakeHttpServer::setHandler(Handler handler)
{
    const std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
}

QList<FakeRequest> FakeHttpServer::requests() const
{
    const std::lock_guard lock(m_mutex);
    return m_requests;
}

void FakeHttpServer::clearRequests()
{
    const std::lock_guard lock(m_mutex);
    m_requests.clear();
}

FakeResponse FakeHttpServer::handle(const FakeRequest &request)
{
    const std::lock_guard lock(m_mutex);
    m_requests << request;
    return m_handler ? m_handler(request) : FakeResponse::json("{}", 404);
}

} // namespace srm::test
