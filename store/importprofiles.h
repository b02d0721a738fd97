// Saved column mappings for CSV files (docs/formats.md#profiles), in the workspace table
// import_profiles: a named profile says which format a file with a given header is, and which of
// its columns each of the format's fields is read from. The window's import dialog saves one
// after the user mapped an unrecognised CSV and applies it to later files with the same header;
// `sre-roadmap import` uses it for such files too, and `sre-roadmap profile` lists, saves and
// removes them. A profile is keyed by its header: the column names lower-cased, trimmed and
// sorted (columns in any order are the same header, as everywhere in the CSV formats). This
// store checks only what it can know (a name, a format id, text); the importers check a mapping
// against the format's fields.
#pragma once

#include "store/records.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace srm {

class Workspace;

struct ImportProfile
{
    QString name;
    QString headerKey;                      // headerKey() of the file's header
    QString format;                         // the importers' format id
    QList<QPair<QString, QString>> mapping; // FIELD -> the file's COLUMN, ordered by field
    Micros createdAt = 0;

    bool operator==(const ImportProfile &) const = default;
};

class ImportProfileStore
{
public:
    explicit ImportProfileStore(Workspace &ws) : m_ws(ws) { }

    // The key of a header: its names lower-cased, trimmed, sorted and without repeats, as a
    // JSON array (`["finished","run id","status"]`), readable in sqlite3.
    static QString headerKey(const QStringList &header);
    // The stored form of a mapping, a JSON object {"FIELD": "COLUMN", ...}, and back.
    static QString mappingText(const QList<QPair<QString, QString>> &mapping);
    static QList<QPair<QString, QString>> mappingFromText(const QString &json);

    QList<ImportProfile> profiles() const; // by name
    std::optional<ImportProfile> find(const QString &name) const;
    QList<ImportProfile> forHeader(const QString &headerKey) const; // newest first

    // Stores `profile` under its name, replacing one of that name. A zero createdAt is now.
    // InputError for an empty name, a name with control characters or edge white space, an
    // empty format or header key.
    void save(const ImportProfile &profile);
    // InputError when there is no such profile.
    void remove(const QString &name);

private:
    Workspace &m_ws;
};

} // namespace srm
