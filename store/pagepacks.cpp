#include "store/pagepacks.h"

#include "store/schema.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>

namespace srm::PagePacks {

namespace {

// The blob: its format (1), the row count and the unit of its times (0: µs, 1: ms, 2: s; the
// largest that divides every time of the block, as exports keep whole seconds), then per row a
// flags byte (1: auto-resolved, 2: acknowledged, 4: resolved), created_at less the previous
// row's (rows in time order: never negative), group_id less the previous row's, then
// acknowledged_at and resolved_at less its created_at when present, all in the unit, each a
// LEB128 varint (zigzag for those that may be negative). Differences wrap in 64 bits, so any
// integers round-trip exactly.
// Any change to this encoding must raise kFormat: unpack() then refuses the old packs and their
// blocks are read row by row until packed again. A pack of another encoding under the same number
// can decode cleanly to wrong times (a development build once did), and no check would see it.
constexpr std::uint64_t kFormat = 1;
constexpr std::uint64_t kMaxRows = std::uint64_t(1) << Schema::kPageSpanShift;
constexpr std::int64_t kUnits[] = {1, 1000, 1000000};
enum Flag : unsigned char { AutoResolved = 1, Acknowledged = 2, Resolved = 4, AllFlags = 7 };

void putVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(char(v | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

std::uint64_t zigzag(std::uint64_t delta)
{
    return (delta << 1) ^ (0 - (delta >> 63));
}

std::uint64_t unzigzag(std::uint64_t v)
{
    return (v >> 1) ^ (0 - (v & 1));
}

std::uint64_t minus(std::int64_t a, std::int64_t b)
{
    return std::uint64_t(a) - std::uint64_t(b);
}

class Reader
{
public:
    explicit Reader(std::string_view blob)
        : m_p(reinterpret_cast<const unsigned char *>(blob.data())), m_end(m_p + blob.size())
    {
    }
    bool varint(std::uint64_t &v)
    {
        // With room for the longest varint, no byte needs a check of the end (a pack's values
        // mostly take one to three bytes; the checks were a third of decoding, callgrind). Read
        // the same way as below: at most ten bytes, the bits past 64 dropped.
        if (m_end - m_p >= 10) {
            const unsigned char *p = m_p;
            std::uint64_t b = *p++;
            v = b & 0x7f;
            for (int shift = 7; b >= 0x80; shift += 7) {
                if (shift >= 64)
                    return false;
                b = *p++;
                v |= (b & 0x7f) << shift;
            }
            m_p = p;
            return true;
        }
        v = 0;
        for (int shift = 0; shift < 64 && m_p < m_end; shift += 7) {
            const unsigned char b = *m_p++;
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    bool byte(unsigned char &b)
    {
        if (m_p == m_end)
            return false;
        b = *m_p++;
        return true;
    }
    bool atEnd() const { return m_p == m_end; }

private:
    const unsigned char *m_p;
    const unsigned char *m_end;
};

} // namespace

std::string Writer::pack()
{
    // In time order: the reader takes a block's pages in any order (Dataset::pages), and the
    // differences of sorted times are small. Exports list pages only nearly in time order (the
    // bench's file: hours back and forth within a block), and its blobs took 16.4 bytes a page
    // in id order, 14.7 in time order.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.createdAt < b.createdAt; });
    int unit = 2;
    for (const Row &r : m_rows) {
        const auto divides = [&](std::int64_t t) { return t % kUnits[unit] == 0; };
        while (unit > 0
               && !(divides(r.createdAt) && (!r.hasAcknowledged || divides(r.acknowledgedAt))
                    && (!r.hasResolved || divides(r.resolvedAt))))
            --unit;
        if (unit == 0)
            break;
    }
    const std::int64_t u = kUnits[unit];
    std::string out;
    out.reserve(8 + m_rows.size() * 10);
    putVarint(out, kFormat);
    putVarint(out, m_rows.size());
    putVarint(out, std::uint64_t(unit));
    std::int64_t created = 0;
    std::int64_t group = 0;
    for (const Row &r : m_rows) {
        const std::int64_t at = r.createdAt / u;
        out.push_back(char((r.autoResolved ? AutoResolved : 0) | (r.hasAcknowledged ? Acknowledged : 0)
                           | (r.hasResolved ? Resolved : 0)));
        putVarint(out, minus(at, created)); // sorted: never negative (the first wraps)
        putVarint(out, zigzag(minus(r.group, group)));
        if (r.hasAcknowledged)
            putVarint(out, zigzag(minus(r.acknowledgedAt / u, at)));
        if (r.hasResolved)
            putVarint(out, zigzag(minus(r.resolvedAt / u, at)));
        created = at;
        group = r.group;
    }
    return out;
}

bool unpack(std::string_view blob, std::int64_t expected, std::vector<Row> &out)
{
    Reader in(blob);
    std::uint64_t format = 0, count = 0, unit = 0;
    if (!in.varint(format) || format != kFormat || !in.varint(count) || count > kMaxRows
        || count != std::uint64_t(expected) || !in.varint(unit) || unit >= std::size(kUnits)) {
        out.clear();
        return false;
    }
    const std::uint64_t u = std::uint64_t(kUnits[unit]);
    // Every field of every row is written below: a caller that passes the same vector for each
    // block (of 4096 pages) has it sized already, and nothing is cleared first (zeroing the rows
    // was a fifth of the time of decoding them, callgrind).
    out.resize(count);
    std::uint64_t created = 0;
    std::uint64_t group = 0;
    for (Row &r : out) {
        unsigned char flags = 0;
        std::uint64_t v = 0;
        if (!in.byte(flags) || (flags & ~AllFlags) || !in.varint(v)) {
            out.clear();
            return false;
        }
        created += v;
        if (!in.varint(v)) {
            out.clear();
            return false;
        }
        group += unzigzag(v);
        r.createdAt = std::int64_t(created * u);
        r.group = std::int64_t(group);
        r.autoResolved = flags & AutoResolved;
        r.hasAcknowledged = flags & Acknowledged;
        r.hasResolved = flags & Resolved;
        r.acknowledgedAt = 0;
        if (r.hasAcknowledged) {
            if (!in.varint(v)) {
                out.clear();
                return false;
            }
            r.acknowledgedAt = std::int64_t((created + unzigzag(v)) * u);
        }
        r.resolvedAt = 0;
        if (r.hasResolved) {
            if (!in.varint(v)) {
                out.clear();
                return false;
            }
            r.resolvedAt = std::int64_t((created + unzigzag(v)) * u);
        }
    }
    if (!in.atEnd()) {
        out.clear();
        return false;
    }
    return true;
}

std::int64_t packStale(Workspace &ws, StaleScan scan)
{
    std::vector<std::int64_t> blocks;
    {
        std::optional<sqlite::MappedReads> mapped;
        if (scan == StaleScan::Mapped)
            mapped.emplace(ws);
        sqlite::Statement s(ws, "SELECT block FROM page_spans WHERE packed IS NULL AND pages > 0 ORDER BY block");
        while (s.next())
            blocks.push_back(s.i64(0));
    }
    if (blocks.empty())
        return 0;
    sqlite::Statement rows(ws,
                           "SELECT created_at, acknowledged_at, resolved_at, auto_resolved, group_id FROM pages "
                           "WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
    sqlite::Statement store(ws, "UPDATE page_spans SET packed = ?2 WHERE block = ?1 AND pages = ?3");
    constexpr int kShift = Schema::kPageSpanShift;
    Writer writer;
    std::int64_t packed = 0;
    for (const std::int64_t block : blocks) {
        // A block id written by hand whose ids do not fit holds no page.
        if (block < (std::numeric_limits<std::int64_t>::min() >> kShift)
            || block > (std::numeric_limits<std::int64_t>::max() >> kShift))
            continue;
        const std::int64_t lo = block * (std::int64_t(1) << kShift);
        writer.clear();
        rows.reset();
        rows.bind(1, lo);
        rows.bind(2, lo + ((std::int64_t(1) << kShift) - 1));
        while (rows.next()) {
            Row r;
            r.createdAt = rows.i64(0);
            r.hasAcknowledged = !rows.isNull(1);
            r.acknowledgedAt = rows.i64(1);
            r.hasResolved = !rows.isNull(2);
            r.resolvedAt = rows.i64(2);
            r.autoResolved = rows.i64(3) != 0;
            r.group = rows.i64(4);
            writer.add(r);
        }
        const std::string blob = writer.pack();
        store.reset();
        store.bind(1, block);
        store.bindBlob(2, blob.data(), blob.size());
        // Only when the count agrees: a count written by hand leaves the block to be read by rows.
        store.bind(3, std::int64_t(writer.size()));
        store.next();
        packed += sqlite3_changes(ws.handle());
    }
    return packed;
}

} // namespace srm::PagePacks
