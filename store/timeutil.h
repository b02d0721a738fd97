// Time in SRE Roadmap: every instant is µs since the epoch, UTC (srm::Micros). This module
// parses the timestamp forms of docs/formats.md#timestamps, formats ISO-8601 UTC, converts between UTC and a
// workspace's IANA time zone (ZoneOffsets, correct across daylight-saving changes), and
// names ISO weeks and quarters. Importers, the engine and the views all use it.
#pragma once

#include "store/records.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>
#include <vector>

namespace srm {

// The instants SRE Roadmap accepts and computes with: from 1970-01-01 up to (not including)
// 2200-01-01 UTC. Imported times outside are bad rows; an as-of outside is refused; times
// stored outside (a workspace written by hand) are clamped where a default as-of is derived
// from them, so no date ever prints as "-290308-12-22" or "10000-01-01".
// docs/hostile-input.md#limits
constexpr Micros kEarliestTime = 0;
constexpr Micros kLatestTime = 7'258'118'400'000'000; // 2200-01-01T00:00:00Z
constexpr bool isSaneTime(Micros t)
{
    return t >= kEarliestTime && t < kLatestTime;
}

// UTC offsets of one IANA zone, precomputed from QTimeZone's transitions so that converting a
// million instants costs a binary search each instead of a QDateTime round trip.
class ZoneOffsets
{
public:
    explicit ZoneOffsets(const QByteArray &ianaId = QByteArrayLiteral("UTC"));

    bool isValid() const { return m_valid; }
    bool isUtc() const { return m_transitions.empty() && m_baseOffset == 0; }
    QByteArray id() const { return m_id; }

    // Offset (seconds east of UTC) in effect at a UTC instant.
    int offsetAt(Micros utc) const;
    // The offset at a UTC instant and the instants [from, to) it holds for (to the ends of
    // Micros before the first and after the last transition).
    struct Span
    {
        Micros from = 0;
        Micros to = 0;
        int offset = 0;
    };
    Span spanAt(Micros utc) const;
    Micros toLocal(Micros utc) const { return utc + Micros(offsetAt(utc)) * kMicrosPerSecond; }

    // A wall-clock time read as local time. Ambiguous times (the repeated hour in autumn) take
    // the earlier instant; times in the spring gap use the offset before the change. This is
    // Python zoneinfo's fold=0 rule.
    Micros fromLocal(Micros local) const;

private:
    struct Transition
    {
        Micros at;
        int offset;
    };
    QByteArray m_id;
    bool m_valid = true;
    int m_baseOffset = 0; // offset before the first transition
    std::vector<Transition> m_transitions;
};

// A ZoneOffsets read by one thread for times that mostly come in order (pages of a block): the
// span of the last lookup is kept, so that most times need no search of the transitions (the
// bench's Europe/Amsterdam has 260; the search was 4% of `progress` at 10M pages).
class ZoneCursor
{
public:
    explicit ZoneCursor(const ZoneOffsets &zone) : m_zone(zone) { }
    Micros toLocal(Micros utc)
    {
        if (utc < m_span.from || utc >= m_span.to)
            m_span = m_zone.spanAt(utc);
        return utc + Micros(m_span.offset) * kMicrosPerSecond;
    }

private:
    const ZoneOffsets &m_zone;
    ZoneOffsets::Span m_span; // empty: the first time looks up
};

// Parses one timestamp of docs/formats.md#timestamps: ISO 8601 (Z, ±hh:mm, ±hhmm or ±hh; 'T' or a space; fractional
// seconds; a date alone is local midnight), naive times in `zone`, or an epoch number read as
// seconds, ms, µs or ns by magnitude. Returns nullopt when the text is none of these.
std::optional<Micros> parseTimestamp(std::string_view text, const ZoneOffsets &zone);

// --as-of: YYYY-MM-DD (UTC midnight) or an ISO-8601 instant (naive = UTC).
std::optional<Micros> parseAsOf(const QString &text);

// "2026-10-01T00:00:00Z"; fractional seconds appear only when non-zero (".123Z" or ".123456Z").
QString formatIso(Micros t);
std::string formatIsoUtf8(Micros t);
QString formatDate(Micros t); // "2026-10-01" (UTC)

// Civil calendar helpers on UTC instants (proleptic Gregorian, any year).
std::int64_t daysFromCivil(int y, unsigned m, unsigned d);
void civilFromDays(std::int64_t z, int &y, unsigned &m, unsigned &d);
Micros floorToDay(Micros t);

// ISO weeks (Monday 00:00 UTC).
Micros isoWeekStart(Micros t);
QString isoWeekName(Micros t); // "2026-W27"

// Quarters "YYYYQn".
struct Quarter
{
    int year = 1970;
    int q = 1; // 1..4
    Quarter next() const { return q == 4 ? Quarter{year + 1, 1} : Quarter{year, q + 1}; }
    int index() const { return year * 4 + (q - 1); }
    static Quarter fromIndex(int index)
    {
        return Quarter{index >= 0 ? index / 4 : -((-index + 3) / 4), ((index % 4) + 4) % 4 + 1};
    }
    Quarter plus(int quarters) const { return fromIndex(index() + quarters); }
    auto operator<=>(const Quarter &) const = default;
};
std::optional<Quarter> parseQuarter(QStringView text);
QString formatQuarter(const Quarter &q);
Quarter quarterOf(Micros t);
Micros quarterStart(const Quarter &q); // 00:00 UTC on its first day

// Durations of OpenSLO: "28d", "1w", "1M" (30 d), "1Q" (90 d), "1Y" (365 d), "12h", "5m", "30s".
std::optional<std::int64_t> parseDurationSeconds(std::string_view text);

} // namespace srm
