// The ownership table (docs/scope.md#teams): which team owns each service. Filled by the
// ownership CSV (RecordWriter) and edited in the window's Services & Teams dialog through
// undoable commands (views/editcommands.h), which use this store. A service has at most one
// owner; a row remembers the import that wrote it (none for an edit by hand), so that undoing an
// edit puts the row back exactly, and removing an import still removes what it wrote.
#pragma once

#include <QString>

#include <map>
#include <optional>

namespace srm {

class Workspace;

struct OwnerRow
{
    QString team;
    std::optional<qint64> importId; // the import that wrote it; nullopt: edited by hand
    bool operator==(const OwnerRow &) const = default;
};

class OwnershipStore
{
public:
    explicit OwnershipStore(Workspace &ws) : m_ws(ws) { }

    std::map<QString, QString> owners() const; // service -> team, by service
    std::optional<OwnerRow> find(const QString &service) const;

    // Sets (replaces) the owner of `service`. InputError for an empty service or team, white space
    // at their ends, control characters or more than 256 bytes (the import's label limit).
    void set(const QString &service, const OwnerRow &row);
    // Removes the owner of `service` (nothing when it has none).
    void remove(const QString &service);

private:
    Workspace &m_ws;
};

} // namespace srm
