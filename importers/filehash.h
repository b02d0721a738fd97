// What an import keeps of a file's bytes, fed to it as they are read: the SHA-256 that the
// import log shows, an XXH3-128 that a later import checks the same file's first bytes against
// (a resume point, importers/resumepoint.h), and the line ends in them. SHA-256 goes on from a
// saved state, so that a file that grew by appended rows is hashed again only where it is new;
// the check of its first bytes is XXH3's, seven times faster than SHA-256 on the same bytes.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace srm::importers {

class FileHash
{
public:
    FileHash();
    ~FileHash();
    FileHash(const FileHash &) = delete;
    FileHash &operator=(const FileHash &) = delete;

    // Bytes that follow those hashed so far.
    void add(const char *data, std::size_t n);
    // The same for everything but the XXH3, which check() is given those bytes for later: the
    // bytes after a resume point, while the point's own bytes are being checked on another
    // thread (the two touch different parts of the state).
    void addUnchecked(const char *data, std::size_t n);
    void reset();

    std::int64_t bytes() const { return m_bytes; }
    std::int64_t lines() const { return m_lines; } // LF bytes
    bool sawCr() const { return m_sawCr; }
    // The SHA-256 of the bytes so far, in hexadecimal; hashing may go on.
    QString sha256Hex() const;
    // XXH3-128 of the bytes so far (16 bytes, big-endian as XXH128_canonicalFromHash writes it).
    QByteArray prefixHash() const;
    // SHA-256's state after the bytes so far, to be given to resume().
    QByteArray shaState() const;

    // The hash of the first `bytes` bytes of a file whose check, SHA-256 state and line ends
    // were saved then: the check is computed again by check(), the rest is taken as saved.
    // check() feeds the XXH3 only; resume() then takes `shaState` (which must be one of
    // `bytes` bytes: its length and block position are checked, as the workspace is input).
    void check(const char *data, std::size_t n);
    bool resume(const QByteArray &shaState, std::int64_t bytes, std::int64_t lines);

private:
    struct State;
    std::unique_ptr<State> m_state;
    std::int64_t m_bytes = 0;
    std::int64_t m_lines = 0;
    bool m_sawCr = false;
};

} // namespace srm::importers
