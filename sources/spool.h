// Where a sync keeps the bytes it fetched until it imports them: one temporary file (removed
// when the Spool goes), appended to page by page, so a first sync of a year of incidents does
// not hold them all in memory. Each page (or converted table) is a Slice of it, and open()
// gives a read-only device over one slice for the import runner's parsers.
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QTemporaryFile>

#include <memory>

namespace srm::sources {

class Spool
{
public:
    struct Slice
    {
        qint64 offset = 0;
        qint64 size = 0;
    };

    Spool();
    ~Spool();
    Spool(const Spool &) = delete;
    Spool &operator=(const Spool &) = delete;

    // Throws SyncError (Setup) when the temporary file cannot be written.
    Slice append(const QByteArray &bytes);
    // A device reading `slice` (open, positioned at its start). Throws SyncError like append.
    std::unique_ptr<QIODevice> open(const Slice &slice);

    qint64 size() const { return m_size; }

private:
    QTemporaryFile m_file;
    qint64 m_size = 0;
};

} // namespace srm::sources
