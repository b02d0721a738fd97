#include "store/timeutil.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace srm {

const char *toString(DeployResult r)
{
    switch (r) {
    case DeployResult::Success: return "success";
    case DeployResult::Failure: return "failure";
    case DeployResult::RolledBack: return "rolled_back";
    case DeployResult::Other: return "other";
    }
    return "other";
}

const char *toString(DetectionSource s)
{
    switch (s) {
    case DetectionSource::Monitoring: return "monitoring";
    case DetectionSource::Customer: return "customer";
    case DetectionSource::Other: return "other";
    }
    return "other";
}

const char *toString(BudgetingMethod m)
{
    return m == BudgetingMethod::Timeslices ? "Timeslices" : "Occurrences";
}

// --- civil calendar (Howard Hinnant's algorithms) -------------------------------------------

std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

static std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

Micros floorToDay(Micros t)
{
    return floorDiv(t, kMicrosPerDay) * kMicrosPerDay;
}

static bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned daysInMonth(int y, unsigned m)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

// --- zones -----------------------------------------------------------------------------------

ZoneOffsets::ZoneOffsets(const QByteArray &ianaId) : m_id(ianaId)
{
    if (ianaId.isEmpty() || ianaId == "UTC" || ianaId == "Etc/UTC")
        return;
    if (!QTimeZone::isTimeZoneIdAvailable(ianaId)) {
        m_valid = false;
        return;
    }
    const QTimeZone tz(ianaId);
    const QDateTime from(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC);
    m_baseOffset = tz.offsetFromUtc(from.addSecs(-1));
    const auto transitions = tz.transitions(from, to);
    m_transitions.reserve(transitions.size());
    int previous = m_baseOffset;
    for (const auto &t : transitions) {
        if (t.offsetFromUtc == previous)
            continue;
        m_transitions.push_back({t.atUtc.toMSecsSinceEpoch() * 1000, t.offsetFromUtc});
        previous = t.offsetFromUtc;
    }
    if (m_transitions.empty())
        m_baseOffset = tz.offsetFromUtc(from);
}

int ZoneOffsets::offsetAt(Micros utc) const
{
    if (m_transitions.empty())
        return m_baseOffset;
    auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utc,
                               [](Micros v, const Transition &t) { return v < t.at; });
    return it == m_transitions.begin() ? m_baseOffset : std::prev(it)->offset;
}

ZoneOffsets::Span ZoneOffsets::spanAt(Micros utc) const
{
    constexpr Micros kFirst = std::numeric_limits<Micros>::min();
    constexpr Micros kLast = std::numeric_limits<Micros>::max();
    if (m_transitions.empty())
        return {kFirst, kLast, m_baseOffset};
    const auto it = std::upper_bound(m_transitions.begin(), m_transitions.end(), utc,
                                     [](Micros v, const Transition &t) { return v < t.at; });
    const Micros to = it == m_transitions.end() ? kLast : it->at;
    if (it == m_transitions.begin())
        return {kFirst, to, m_baseOffset};
    return {std::prev(it)->at, to, std::prev(it)->offset};
}

Micros ZoneOffsets::fromLocal(Micros local) const
{
    if (m_transitions.empty())
        return local - Micros(m_baseOffset) * kMicrosPerSecond;
    // Offsets two days either side; transitions are months apart in every real zone.
    const int before = offsetAt(local - 2 * kMicrosPerDay);
    const int after = offsetAt(local + 2 * kMicrosPerDay);
    const Micros withBefore = local - Micros(before) * kMicrosPerSecond;
    if (before == after)
        return withBefore;
    const Micros withAfter = local - Micros(after) * kMicrosPerSecond;
    const bool beforeValid = offsetAt(withBefore) == before;
    const bool afterValid = offsetAt(withAfter) == after;
    if (beforeValid || !afterValid)
        return withBefore; // normal, ambiguous (earlier instant) or in the gap (old offset)
    return withAfter;
}

// --- parsing ---------------------------------------------------------------------------------

namespace {

struct Cursor
{
    const char *p;
    const char *end;
    bool atEnd() const { return p >= end; }
    char peek() const { return p < end ? *p : '\0'; }
};

bool readDigits(Cursor &c, int count, int &out)
{
    if (c.end - c.p < count)
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char ch = c.p[i];
        if (ch < '0' || ch > '9')
            return false;
        v = v * 10 + (ch - '0');
    }
    c.p += count;
    out = v;
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

std::optional<Micros> parseEpoch(std::string_view s)
{
    // digits[.digits]; the integer part picks the unit by magnitude.
    std::size_t dot = s.find('.');
    std::string_view intPart = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    if (intPart.empty() || intPart.size() > 19)
        return std::nullopt;
    for (char ch : intPart)
        if (ch < '0' || ch > '9')
            return std::nullopt;
    for (char ch : frac)
        if (ch < '0' || ch > '9')
            return std::nullopt;
    if (dot != std::string_view::npos && frac.empty())
        return std::nullopt;
    std::uint64_t v = 0;
    auto r = std::from_chars(intPart.data(), intPart.data() + intPart.size(), v);
    if (r.ec != std::errc() || v > static_cast<std::uint64_t>(INT64_MAX))
        return std::nullopt;
    // scale: µs per unit, expressed as a power of ten relative to µs
    int exp10; // value * 10^exp10 = µs
    if (v < 100000000000ULL)
        exp10 = 6;
    else if (v < 100000000000000ULL)
        exp10 = 3;
    else if (v < 100000000000000000ULL)
        exp10 = 0;
    else
        exp10 = -3;
    __int128 micros = static_cast<__int128>(v);
    for (int i = 0; i < exp10; ++i)
        micros *= 10;
    for (int i = 0; i > exp10; --i)
        micros /= 10;
    // fractional digits contribute 10^(exp10 - k) µs each
    __int128 fracMicros = 0;
    int scale = exp10;
    for (char ch : frac) {
        --scale;
        if (scale < 0)
            break; // below a microsecond
        __int128 digit = ch - '0';
        for (int i = 0; i < scale; ++i)
            digit *= 10;
        fracMicros += digit;
    }
    micros += fracMicros;
    if (micros > static_cast<__int128>(INT64_MAX))
        return std::nullopt;
    return static_cast<Micros>(micros);
}

} // namespace

namespace {

// The form exports write, "2026-04-01T10:18:08.604988Z" (a fraction of any length or none), read
// without the general steps below: three of them a page, parseTimestamp was 5% of a 1M-page
// import (perf), and this path took the import's CPU from 2.695 to 2.655 s (median of six runs).
// Anything else, or a value out of range, is left to the general parser, which gives the same
// instant for every text this accepts (tst_timeutil::canonicalFastPath).
std::optional<Micros> parseCanonicalUtc(std::string_view s)
{
    const std::size_t n = s.size();
    if (n < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[n - 1] != 'Z'
        || (n > 20 && (s[19] != '.' || n == 21)))
        return std::nullopt;
    const auto digit = [&s](std::size_t i) { return unsigned(s[i]) - unsigned('0'); };
    const auto two = [&](std::size_t i) { return digit(i) * 10 + digit(i + 1); };
    unsigned bad = 0; // any non-digit makes some digit() above 9
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
        bad |= digit(i) > 9;
    Micros fraction = 0;
    Micros scale = 100000;
    for (std::size_t i = 20; i + 1 < n; ++i, scale /= 10) {
        bad |= digit(i) > 9;
        fraction += Micros(digit(i)) * scale;
    }
    if (bad)
        return std::nullopt;
    const int year = int(digit(0) * 1000 + digit(1) * 100 + two(2));
    const unsigned month = two(5), day = two(8), hour = two(11), minute = two(14), second = two(17);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    return (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * kMicrosPerSecond + fraction;
}

} // namespace

std::optional<Micros> parseTimestamp(std::string_view text, const ZoneOffsets &zone)
{
    if (const auto canonical = parseCanonicalUtc(text))
        return canonical;
    std::string_view s = trimmed(text);
    if (s.empty())
        return std::nullopt;
    if (s.size() < 10 || s[4] != '-')
        return parseEpoch(s);

    Cursor c{s.data(), s.data() + s.size()};
    int year, month, day;
    if (!readDigits(c, 4, year) || c.peek() != '-')
        return std::nullopt;
    ++c.p;
    if (!readDigits(c, 2, month) || c.peek() != '-')
        return std::nullopt;
    ++c.p;
    if (!readDigits(c, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || unsigned(day) > daysInMonth(year, unsigned(month)))
        return std::nullopt;

    int hour = 0, minute = 0, second = 0;
    Micros fraction = 0;
    if (!c.atEnd() && (c.peek() == 'T' || c.peek() == 't' || c.peek() == ' ')) {
        ++c.p;
        if (!readDigits(c, 2, hour) || c.peek() != ':')
            return std::nullopt;
        ++c.p;
        if (!readDigits(c, 2, minute))
            return std::nullopt;
        if (c.peek() == ':') {
            ++c.p;
            if (!readDigits(c, 2, second))
                return std::nullopt;
            if (c.peek() == '.' || c.peek() == ',') {
                ++c.p;
                int digits = 0;
                Micros scale = 100000;
                while (!c.atEnd() && *c.p >= '0' && *c.p <= '9') {
                    fraction += (*c.p - '0') * scale;
                    scale /= 10;
                    ++digits;
                    ++c.p;
                }
                if (digits == 0)
                    return std::nullopt;
            }
        }
        if (hour > 23 || minute > 59 || second > 59)
            return std::nullopt;
    }

    const Micros local = (daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60
                          + second)
            * kMicrosPerSecond
        + fraction;

    if (c.peek() == ' ' && c.end - c.p > 1 && (c.p[1] == '+' || c.p[1] == '-' || c.p[1] == 'Z'))
        ++c.p; // "2026-01-01 10:00:00 +0200"
    if (c.atEnd())
        return zone.fromLocal(local);
    if (c.peek() == 'Z' || c.peek() == 'z') {
        ++c.p;
        return c.atEnd() ? std::optional<Micros>(local) : std::nullopt;
    }
    if (c.peek() == '+' || c.peek() == '-') {
        const int sign = c.peek() == '-' ? -1 : 1;
        ++c.p;
        int oh, om = 0;
        if (!readDigits(c, 2, oh))
            return std::nullopt;
        if (c.peek() == ':') {
            ++c.p;
            if (!readDigits(c, 2, om))
                return std::nullopt;
        } else if (!c.atEnd()) {
            if (!readDigits(c, 2, om))
                return std::nullopt;
        }
        if (!c.atEnd() || oh > 23 || om > 59)
            return std::nullopt;
        return local - sign * (Micros(oh) * 3600 + Micros(om) * 60) * kMicrosPerSecond;
    }
    return std::nullopt;
}

std::optional<Micros> parseAsOf(const QString &text)
{
    static const ZoneOffsets utc;
    const QByteArray utf8 = text.trimmed().toUtf8();
    if (utf8.size() < 10 || utf8.at(4) != '-')
        return std::nullopt; // no epoch numbers for --as-of
    return parseTimestamp(std::string_view(utf8.constData(), size_t(utf8.size())), utc);
}

// --- formatting ------------------------------------------------------------------------------

std::string formatIsoUtf8(Micros t)
{
    const std::int64_t days = floorDiv(t, kMicrosPerDay);
    const Micros inDay = t - days * kMicrosPerDay;
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    const int secs = int(inDay / kMicrosPerSecond);
    const int micros = int(inDay % kMicrosPerSecond);
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", y, m, d, secs / 3600, (secs / 60) % 60,
                          secs % 60);
    if (micros != 0) {
        if (micros % 1000 == 0)
            n += std::snprintf(buf + n, sizeof buf - size_t(n), ".%03d", micros / 1000);
        else
            n += std::snprintf(buf + n, sizeof buf - size_t(n), ".%06d", micros);
    }
    buf[n++] = 'Z';
    return std::string(buf, size_t(n));
}

QString formatIso(Micros t)
{
    return QString::fromStdString(formatIsoUtf8(t));
}

QString formatDate(Micros t)
{
    int y;
    unsigned m, d;
    civilFromDays(floorDiv(t, kMicrosPerDay), y, m, d);
    char buf[24];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return QString::fromLatin1(buf, n);
}

// --- weeks and quarters ----------------------------------------------------------------------

Micros isoWeekStart(Micros t)
{
    const std::int64_t days = floorDiv(t, kMicrosPerDay);
    // 1970-01-01 was a Thursday: weekday index with Monday = 0 is (days + 3) mod 7.
    const std::int64_t weekday = ((days + 3) % 7 + 7) % 7;
    return (days - weekday) * kMicrosPerDay;
}

QString isoWeekName(Micros t)
{
    const std::int64_t monday = floorDiv(isoWeekStart(t), kMicrosPerDay);
    const std::int64_t thursday = monday + 3;
    int y;
    unsigned m, d;
    civilFromDays(thursday, y, m, d);
    const std::int64_t jan1 = daysFromCivil(y, 1, 1);
    const int week = int((thursday - jan1) / 7) + 1;
    char buf[16];
    const int n = std::snprintf(buf, sizeof buf, "%04d-W%02d", y, week);
    return QString::fromLatin1(buf, n);
}

std::optional<Quarter> parseQuarter(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.size() != 6 || (s[4] != u'Q' && s[4] != u'q'))
        return std::nullopt;
    bool ok = false;
    const int year = s.left(4).toInt(&ok);
    if (!ok || year < 1970 || year > 9999)
        return std::nullopt;
    const int q = s[5].digitValue();
    if (q < 1 || q > 4)
        return std::nullopt;
    return Quarter{year, q};
}

QString formatQuarter(const Quarter &q)
{
    return QStringLiteral("%1Q%2").arg(q.year, 4, 10, QLatin1Char('0')).arg(q.q);
}

Quarter quarterOf(Micros t)
{
    int y;
    unsigned m, d;
    civilFromDays(floorDiv(t, kMicrosPerDay), y, m, d);
    return Quarter{y, int((m - 1) / 3 + 1)};
}

Micros quarterStart(const Quarter &q)
{
    return daysFromCivil(q.year, unsigned((q.q - 1) * 3 + 1), 1) * kMicrosPerDay;
}

std::optional<std::int64_t> parseDurationSeconds(std::string_view text)
{
    std::string_view s = trimmed(text);
    if (s.size() < 2)
        return std::nullopt;
    const char unit = s.back();
    s.remove_suffix(1);
    std::int64_t n = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), n);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || n <= 0 || n > 100000)
        return std::nullopt;
    std::int64_t unitSeconds;
    switch (unit) {
    case 's': unitSeconds = 1; break;
    case 'm': unitSeconds = 60; break;
    case 'h': unitSeconds = 3600; break;
    case 'd': unitSeconds = 86400; break;
    case 'w': unitSeconds = 7 * 86400; break;
    case 'M': unitSeconds = 30 * 86400; break;
    case 'Q': unitSeconds = 90 * 86400; break;
    case 'Y': unitSeconds = 365 * 86400; break;
    default: return std::nullopt;
    }
    return n * unitSeconds;
}

} // namespace srm
