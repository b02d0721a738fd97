// The live data sources of a workspace (docs/sources.md), stored in the table `sources`: a
// source's definition (kind, name, URL, kind-specific options as a JSON object, the name of the
// environment variable that may hold its token) and its progress (when it last synced, the
// cursor the next sync resumes from, the last error). Never a token: tokens live in the
// desktop's keychain or in the environment. The command line and the window's undo commands
// write definitions through this store; the sync runner (sources/syncrunner.h) records
// progress inside the transaction of its import, so a sync and its new cursor commit together.
#pragma once

#include "store/records.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace srm {

class Workspace;

struct SourceDefinition
{
    QString name;        // unique; also the key of its token in the keychain
    QString kind;        // pagerduty | prometheus | github | gitlab
    QString url;         // the API's base URL
    QJsonObject options; // kind-specific (docs/sources.md#defining-sources)
    QString tokenEnv;    // environment variable whose value, when set, is the token
    Micros createdAt = 0;
    // Progress, written by syncs only.
    std::optional<Micros> lastSyncAt; // the last successful sync
    QString lastCursor;               // where the next sync starts (kind-specific text)
    QString lastError;                // the last failed sync's message ('' after a success)
    std::optional<Micros> lastErrorAt;

    bool operator==(const SourceDefinition &) const = default;
};

class SourceStore
{
public:
    explicit SourceStore(Workspace &ws) : m_ws(ws) { }

    static QStringList kinds(); // pagerduty, prometheus, github, gitlab
    // Empty when `name` can name a source, else why not (letters, digits, '.', '_', '-').
    static QString nameError(const QString &name);

    QList<SourceDefinition> list() const; // by name
    std::optional<SourceDefinition> find(const QString &name) const;

    // Adds a source with every column as given (undo puts a removed source back as it was).
    // InputError for a bad or taken name or an unknown kind.
    void add(const SourceDefinition &source);
    // Replaces the definition (kind, URL, options, token variable) of `source.name`, keeping
    // its progress. InputError when there is no such source.
    void update(const SourceDefinition &source);
    // InputError when there is no such source.
    void remove(const QString &name);

    // Progress. These run inside the caller's transaction (none of their own).
    void recordSuccess(const QString &name, Micros at, const QString &cursor);
    void recordFailure(const QString &name, Micros at, const QString &message);

private:
    Workspace &m_ws;
};

} // namespace srm
