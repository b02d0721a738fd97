#include "importers/fieldparsers.h"

#include "store/metriccatalogue.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <initializer_list>

namespace srm::importers {

const char *const kDeployResultWords
    = "success (succeeded, successful, ok), failure (failed, error), rolled_back (rollback, rolledback, reverted), "
      "other";
const char *const kDetectionSourceWords
    = "monitoring (alert, automated), customer (support, user, customer_report), other (employee, manual)";
const char *const kBoolWords = "true/false, yes/no, 1/0";
const char *const kFowlerWords
    = "careless-intentional, careful-intentional, careless-unintentional, careful-unintentional";

namespace {

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

inline char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
}

bool oneOf(std::string_view s, std::initializer_list<const char *> words)
{
    for (const char *w : words)
        if (equalsIgnoreCase(s, w))
            return true;
    return false;
}

} // namespace

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string toLower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = lower(c);
    return out;
}

std::optional<DeployResult> parseDeployResult(std::string_view s)
{
    s = trim(s);
    if (oneOf(s, {"success", "succeeded", "successful", "ok"}))
        return DeployResult::Success;
    if (oneOf(s, {"failure", "failed", "error"}))
        return DeployResult::Failure;
    if (oneOf(s, {"rolled_back", "rollback", "rolledback", "reverted"}))
        return DeployResult::RolledBack;
    if (oneOf(s, {"other"}))
        return DeployResult::Other;
    return std::nullopt;
}

std::optional<DetectionSource> parseDetectionSource(std::string_view s)
{
    s = trim(s);
    if (oneOf(s, {"monitoring", "alert", "automated"}))
        return DetectionSource::Monitoring;
    if (oneOf(s, {"customer", "support", "user", "customer_report"}))
        return DetectionSource::Customer;
    if (oneOf(s, {"other", "employee", "manual"}))
        return DetectionSource::Other;
    return std::nullopt;
}

std::optional<bool> parseBool(std::string_view s)
{
    s = trim(s);
    if (oneOf(s, {"true", "yes", "1"}))
        return true;
    if (oneOf(s, {"false", "no", "0"}))
        return false;
    return std::nullopt;
}

std::optional<std::string> parseFowler(std::string_view s)
{
    s = trim(s);
    for (const char *w :
         {"careless-intentional", "careful-intentional", "careless-unintentional", "careful-unintentional"})
        if (equalsIgnoreCase(s, w))
            return std::string(w);
    return std::nullopt;
}

std::optional<Theme> parseTheme(std::string_view s)
{
    s = trim(s);
    // Qt folds only U+017F (to s) and U+212A (to k) onto ASCII letters, and no theme id has an s
    // or a k: its case-insensitive match is the ASCII one that the other vocabularies use.
    return MetricCatalogue::themeFromId(QString::fromUtf8(s.data(), qsizetype(s.size())));
}

std::optional<DebtStatus> parseStatus(std::string_view s)
{
    return debtStatusFromText(trim(s));
}

const char *themeWords()
{
    static const std::string words = MetricCatalogue::themeIds().join(QStringLiteral(", ")).toStdString();
    return words.c_str();
}

const char *debtStatusWords()
{
    static const std::string words = [] {
        std::string out;
        for (DebtStatus s : kDebtStatuses)
            out += (out.empty() ? "" : ", ") + std::string(toString(s));
        return out;
    }();
    return words.c_str();
}

std::optional<BudgetingMethod> parseBudgetingMethod(std::string_view s)
{
    s = trim(s);
    if (equalsIgnoreCase(s, "Occurrences"))
        return BudgetingMethod::Occurrences;
    // OpenSLO v1 also has RatioTimeslices: slices of a ratio, which is what Timeslices is here.
    if (equalsIgnoreCase(s, "Timeslices") || equalsIgnoreCase(s, "RatioTimeslices"))
        return BudgetingMethod::Timeslices;
    return std::nullopt;
}

std::optional<double> parseNumber(std::string_view s)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s.front())) || s.front() == '-' || s.front() == '.'))
        return std::nullopt; // from_chars would take "inf" and "nan"
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseInteger(std::string_view s)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    std::int64_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty())
        return v;
    const auto d = parseNumber(s);
    if (d && *d == std::floor(*d) && std::fabs(*d) < 9.0e15)
        return std::int64_t(*d);
    return std::nullopt;
}

namespace {

// A JSON number (RFC 8259 grammar, no sign: timestamps are not negative) rewritten without its
// exponent: "1.791e9" -> "1791000000", "17910000005e-1" -> "1791000000.5". nullopt when the
// text is not such a number or the exponent would make it absurdly long.
std::optional<std::string> plainDecimal(std::string_view s)
{
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return s.substr(from, i - from);
    };
    const std::string_view intPart = digits();
    if (intPart.empty())
        return std::nullopt;
    std::string_view frac;
    if (i < s.size() && s[i] == '.') {
        ++i;
        frac = digits();
        if (frac.empty())
            return std::nullopt;
    }
    long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            negative = s[i++] == '-';
        const std::string_view e = digits();
        if (e.empty() || e.size() > 3)
            return std::nullopt;
        std::from_chars(e.data(), e.data() + e.size(), exponent);
        if (negative)
            exponent = -exponent;
    }
    if (i != s.size())
        return std::nullopt;
    std::string all(intPart);
    all.append(frac);
    // The decimal point sits after `point` digits of `all`.
    const long point = long(intPart.size()) + exponent;
    if (point > 40 || point < -40)
        return std::nullopt;
    std::string out;
    if (point <= 0) {
        out = "0." + std::string(std::size_t(-point), '0') + all;
    } else if (std::size_t(point) >= all.size()) {
        out = all + std::string(std::size_t(point) - all.size(), '0');
    } else {
        out = all.substr(0, std::size_t(point)) + "." + all.substr(std::size_t(point));
    }
    // Leading zeros of the integer part would change nothing but the magnitude check.
    const std::size_t firstDigit = out.find_first_not_of('0');
    if (firstDigit == std::string::npos)
        return std::string("0");
    if (out[firstDigit] == '.')
        return out.substr(firstDigit - 1);
    return out.substr(firstDigit);
}

} // namespace

std::optional<Micros> parseJsonTimestamp(std::string_view text, const ZoneOffsets &zone)
{
    if (const auto t = parseTimestamp(text, zone))
        return t;
    const std::string_view s = trim(text);
    if (s.find_first_of("eE") == std::string_view::npos)
        return std::nullopt;
    const auto plain = plainDecimal(s);
    return plain ? parseTimestamp(*plain, zone) : std::nullopt;
}

std::string formatNumber(double v)
{
    if (v == 0)
        return "0"; // not "-0"
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

} // namespace srm::importers
