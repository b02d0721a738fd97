#include "sources/spool.h"

#include "sources/httpclient.h"

#include <QDir>
#include <QFile>

namespace srm::sources {

namespace {

// A window [offset, offset + size) of a file, read through its own handle.
class SliceDevice : public QIODevice
{
public:
    SliceDevice(const QString &path, Spool::Slice slice) : m_file(path), m_slice(slice) { }

    bool openSlice()
    {
        return m_file.open(QIODevice::ReadOnly) && m_file.seek(m_slice.offset) && open(QIODevice::ReadOnly);
    }

    qint64 size() const override { return m_slice.size; }
    bool isSequential() const override { return false; }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 left = m_slice.size - pos();
        if (left <= 0)
            return 0;
        if (!m_file.seek(m_slice.offset + pos()))
            return -1;
        return m_file.read(data, std::min(max, left));
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    Spool::Slice m_slice;
};

} // namespace

Spool::Spool() : m_file(QDir::tempPath() + QStringLiteral("/sre-roadmap-sync-XXXXXX")) { }

Spool::~Spool() = default;

Spool::Slice Spool::append(const QByteArray &bytes)
{
    if (!m_file.isOpen() && !m_file.open())
        throw SyncError(
            SyncError::Kind::Setup,
            QStringLiteral("cannot create a temporary file in %1: %2").arg(QDir::tempPath(), m_file.errorString()));
    const Slice slice{m_size, bytes.size()};
    if (!m_file.seek(m_size) || m_file.write(bytes) != bytes.size() || !m_file.flush())
        throw SyncError(
            SyncError::Kind::Setup,
            QStringLiteral("cannot write the temporary file %1: %2").arg(m_file.fileName(), m_file.errorString()));
    m_size += bytes.size();
    return slice;
}

std::unique_ptr<QIODevice> Spool::open(const Slice &slice)
{
    if (!m_file.isOpen())
        append({});
    auto device = std::make_unique<SliceDevice>(m_file.fileName(), slice);
    if (!device->openSlice())
        throw SyncError(SyncError::Kind::Setup,
                        QStringLiteral("cannot read the temporary file %1").arg(m_file.fileName()));
    return device;
}

} // namespace srm::sources
