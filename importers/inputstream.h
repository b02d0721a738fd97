// The bytes a parser reads: any QIODevice (a file, a buffer in the tests and fuzzers), read in
// large chunks. Every chunk passes through here once, so this is where progress is reported
// (bytes done of total), cancellation is checked (Cancelled is thrown) and an observer (the
// runner's SHA-256) sees the whole file without a second pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

class QIODevice;

namespace srm::importers {

struct StreamControl
{
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    std::function<bool()> cancelled;
    std::function<void(const char *data, std::size_t size)> observer;
};

class InputStream
{
public:
    explicit InputStream(QIODevice &device, StreamControl control = {});

    // Reads up to `max` bytes into `buffer`; returns 0 at the end. Throws Cancelled, or
    // FileError when the device fails.
    std::size_t read(char *buffer, std::size_t max);

    // Bytes read before the device's (a CSV header when an import resumes mid-file): not seen by
    // the observer and not counted in the progress.
    void setLead(std::string lead) { m_lead = std::move(lead); }

    std::int64_t total() const { return m_total; } // -1 when unknown
    std::int64_t done() const { return m_done; }
    bool atEnd() const { return m_atEnd; }

    // Reads everything that is left (for the small formats that need a whole document),
    // refusing more than `limit` bytes with a FileError.
    std::string readAll(std::size_t limit);

private:
    QIODevice &m_device;
    StreamControl m_control;
    std::int64_t m_total = -1;
    std::int64_t m_done = 0;
    bool m_atEnd = false;
    std::string m_lead;
    std::size_t m_leadDone = 0;
};

} // namespace srm::importers
