#include "sources/syncrunner.h"

#include "sources/fetcher.h"
#include "sources/sourcekinds.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QHostAddress>

namespace srm::sources {

namespace {

Micros nowMicros()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// Plain http is for a server on this machine (a tunnel, a test): a token never crosses a
// network unencrypted.
bool plainHttpToAnotherHost(const QString &url)
{
    const QUrl u(url);
    if (u.scheme() != u"http")
        return false;
    const QHostAddress address(u.host());
    return !(u.host().compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0
             || (!address.isNull() && address.isLoopback()));
}

FetchResult fetch(const FetchContext &c)
{
    const QString &kind = c.source.kind;
    if (kind == u"pagerduty")
        return fetchPagerDuty(c);
    if (kind == u"prometheus")
        return fetchPrometheus(c);
    if (kind == u"github")
        return fetchGitHub(c);
    if (kind == u"gitlab")
        return fetchGitLab(c);
    throw SyncError(SyncError::Kind::Setup, QStringLiteral("unknown source kind '%1'").arg(kind));
}

} // namespace

SyncRunner::SyncRunner(Workspace &ws) : m_ws(ws) { }

void SyncRunner::recordFailure(Workspace &ws, const QString &source, const QString &message)
{
    Workspace::Transaction tx(ws);
    SourceStore(ws).recordFailure(source, nowMicros(), message);
    tx.commit();
}

SyncOutcome SyncRunner::run(const SourceDefinition &source, const QString &token, const SyncOptions &options)
{
    SyncOutcome out;
    out.source = source.name;
    const Micros now = nowMicros();
    HttpClient http(kindTitle(source.kind));
    http.setSecret(token);
    http.setCancelled(m_cancelled);
    http.setStatusCallback(m_status);
    const auto fail = [&](const SyncError &e) {
        if (e.kind() == SyncError::Kind::Cancelled) {
            out.status = SyncOutcome::Status::Cancelled;
            out.exitCode = 1;
            out.message = QStringLiteral("cancelled; nothing was imported");
            return;
        }
        out.status = SyncOutcome::Status::Failed;
        out.exitCode = e.exitCode();
        out.message = http.scrub(e.message());
        recordFailure(m_ws, source.name, out.message);
    };

    Spool spool;
    FetchResult fetched;
    try {
        if (const QString why = definitionError(source); !why.isEmpty())
            throw SyncError(SyncError::Kind::Setup, why);
        if (!token.isEmpty() && plainHttpToAnotherHost(source.url))
            throw SyncError(SyncError::Kind::Setup,
                            QStringLiteral("the token would travel unencrypted to %1: use an https URL")
                                .arg(HttpClient::describe(QUrl(source.url))));
        FetchContext context{source, token, http, spool, now, options.full, m_status};
        fetched = fetch(context);
    } catch (const SyncError &e) {
        out.requests = http.requestCount();
        fail(e);
        return out;
    }
    out.requests = http.requestCount();
    out.items = fetched.items;
    for (const QString &note : std::as_const(fetched.notes))
        out.notes << http.scrub(note);

    std::optional<SyncError> failure;
    {
        std::vector<std::unique_ptr<QIODevice>> devices;
        std::vector<importers::ImportPart> parts;
        try {
            if (fetched.items > 0) {
                for (const FetchedPart &p : fetched.parts) {
                    devices.push_back(spool.open(p.slice));
                    parts.push_back({p.name, devices.back().get(), p.options});
                }
            }
        } catch (const SyncError &e) {
            fail(e);
            return out;
        }
        if (m_status)
            m_status(
                parts.empty()
                    ? QStringLiteral("%1: nothing new").arg(kindTitle(source.kind))
                    : QStringLiteral("%1: importing %2 fetched parts").arg(kindTitle(source.kind)).arg(parts.size()));
        // Foreign keys stay off while the import's transaction runs (ImportRunner explains why);
        // the pragma only takes effect outside a transaction.
        sqlite::ForeignKeysOff foreignKeysOff(m_ws);
        Workspace::Transaction tx(m_ws);
        if (!parts.empty()) {
            importers::StreamControl control;
            control.cancelled = m_cancelled;
            out.import = importers::ImportRunner(m_ws).importParts(fetched.label, source.name, parts,
                                                                   options.skipBadRows, control);
            if (out.import.status == importers::ImportResult::Status::Cancelled) {
                out.status = SyncOutcome::Status::Cancelled;
                out.exitCode = 1;
                out.message = QStringLiteral("cancelled; nothing was imported");
                return out;
            }
            if (!out.import.ok()) {
                for (const QString &m : out.import.messages())
                    out.details << http.scrub(m);
                const qint64 bad = out.import.badRows;
                failure = SyncError(SyncError::Kind::BadPayload,
                                    bad > 0 ? QStringLiteral("%1 sent %2 bad record%3; nothing was imported")
                                                  .arg(kindTitle(source.kind))
                                                  .arg(bad)
                                                  .arg(bad == 1 ? QString() : QStringLiteral("s"))
                                            : QStringLiteral("%1 sent data that cannot be imported (%2); nothing was "
                                                             "imported")
                                                  .arg(kindTitle(source.kind), out.details.value(0)));
            }
        }
        if (!failure) {
            SourceStore(m_ws).recordSuccess(source.name, now, fetched.cursor);
            tx.commit();
        }
    }
    if (failure) {
        fail(*failure);
        return out;
    }
    out.status = out.import.importId > 0 ? SyncOutcome::Status::Synced : SyncOutcome::Status::NothingNew;
    return out;
}

} // namespace srm::sources
