#include "importers/inputstream.h"

#include "importers/parser.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>
#include <string>

namespace srm::importers {

InputStream::InputStream(QIODevice &device, StreamControl control) : m_device(device), m_control(std::move(control))
{
    if (!m_device.isSequential())
        m_total = m_device.size() - m_device.pos();
}

std::size_t InputStream::read(char *buffer, std::size_t max)
{
    if (m_control.cancelled && m_control.cancelled())
        throw Cancelled();
    if (m_atEnd || max == 0)
        return 0;
    if (m_leadDone < m_lead.size()) {
        const std::size_t n = std::min(max, m_lead.size() - m_leadDone);
        std::memcpy(buffer, m_lead.data() + m_leadDone, n);
        m_leadDone += n;
        return n;
    }
    const qint64 n = m_device.read(buffer, qint64(max));
    if (n < 0)
        throw FileError({0, {}, "cannot read: " + m_device.errorString().toStdString()});
    if (n == 0) {
        m_atEnd = true;
        return 0;
    }
    if (m_control.observer)
        m_control.observer(buffer, std::size_t(n));
    m_done += n;
    if (m_control.progress)
        m_control.progress(m_done, m_total);
    return std::size_t(n);
}

std::string InputStream::readAll(std::size_t limit)
{
    std::string out;
    char chunk[1 << 16];
    while (std::size_t n = read(chunk, sizeof chunk)) {
        if (out.size() + n > limit)
            throw FileError(
                {0, {}, "file too large for this format (more than " + std::to_string(limit >> 20) + " MB)"});
        out.append(chunk, n);
    }
    return out;
}

} // namespace srm::importers
