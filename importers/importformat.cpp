#include "importers/importformat.h"

#include "importers/csvreader.h"
#include "importers/fieldparsers.h"
#include "importers/inputstream.h"
#include "importers/jsonscanner.h"
#include "importers/parser.h"

#include <QBuffer>
#include <QStringList>

namespace srm::importers {

const std::vector<FormatInfo> &allFormats()
{
    static const std::vector<FormatInfo> formats = {
        {Format::Deployments, "deployments", "Deployments CSV"},
        {Format::Changes, "changes", "Changes CSV"},
        {Format::Incidents, "incidents", "Incidents CSV"},
        {Format::Pages, "pages", "Pages CSV"},
        {Format::PagerDutyCsv, "pagerduty-csv", "PagerDuty incidents CSV (web export)"},
        {Format::PagerDutyRest, "pagerduty-api", "PagerDuty REST v2 incidents JSON"},
        {Format::PagerDutyAnalytics, "pagerduty-analytics", "PagerDuty Analytics raw incidents JSON"},
        {Format::OpenSlo, "openslo", "OpenSLO SLO definitions (YAML)"},
        {Format::SloMeasurements, "slo-measurements", "SLO measurements CSV"},
        {Format::Prometheus, "prometheus", "Prometheus query_range matrix JSON"},
        {Format::Debt, "debt", "Operational debt CSV"},
        {Format::Ownership, "ownership", "Service ownership CSV"},
    };
    return formats;
}

const char *formatId(Format f)
{
    for (const FormatInfo &i : allFormats())
        if (i.format == f)
            return i.id;
    return "?";
}

QString formatTitle(Format f)
{
    for (const FormatInfo &i : allFormats())
        if (i.format == f)
            return QString::fromLatin1(i.title);
    return {};
}

std::optional<Format> formatFromId(std::string_view id)
{
    for (const FormatInfo &i : allFormats())
        if (equalsIgnoreCase(id, i.id))
            return i.format;
    return std::nullopt;
}

QString knownFormatIds()
{
    QStringList ids;
    for (const FormatInfo &i : allFormats())
        ids << QString::fromLatin1(i.id);
    return ids.join(QStringLiteral(", "));
}

namespace {

// Records the shape of the first bytes of a JSON text: the top-level type, the keys of the top
// object (with the first byte of their values), the keys of `data` and of the first element of
// a top-level array.
class ShapeHandler : public JsonScanner::Handler
{
public:
    bool begin(const JsonPath &path, char first) override
    {
        if (path.empty()) {
            top = first;
            return false;
        }
        if (path.size() == 1) {
            if (path[0].isIndex) {
                if (path[0].index == 0)
                    firstElement = first;
                else
                    m_done = true;
            } else {
                topKeys.push_back(path[0].key);
                if (path[0].key == "incidents")
                    incidents = first;
                else if (path[0].key == "data")
                    data = first;
            }
            return false;
        }
        if (path[0].isIndex && path[0].index == 0 && !path[1].isIndex)
            elementKeys.push_back(path[1].key);
        if (!path[0].isIndex && path[0].key == "data" && !path[1].isIndex)
            dataKeys.push_back(path[1].key);
        if (!path[0].isIndex && path[0].key == "data" && path[1].isIndex && path[1].index > 0)
            m_done = true;
        return false;
    }
    void captured(const JsonPath &, std::string_view, std::int64_t) override { }
    bool done() const override { return m_done; }

    bool elementHas(const char *key) const
    {
        return std::find(elementKeys.begin(), elementKeys.end(), key) != elementKeys.end();
    }
    bool dataHas(const char *key) const { return std::find(dataKeys.begin(), dataKeys.end(), key) != dataKeys.end(); }
    bool topHas(const char *key) const { return std::find(topKeys.begin(), topKeys.end(), key) != topKeys.end(); }

    char top = 0;
    char incidents = 0;
    char data = 0;
    char firstElement = 0;
    std::vector<std::string> topKeys;
    std::vector<std::string> elementKeys;
    std::vector<std::string> dataKeys;

private:
    bool m_done = false;
};

std::optional<Format> detectJson(const QByteArray &head, ParseError *why)
{
    QByteArray copy = head;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    InputStream in(buffer);
    JsonScanner scanner(in, 2);
    ShapeHandler shape;
    // A grammar error in the first bytes still leaves the shape seen before it; the parser
    // then reports the error with its line.
    std::optional<ParseError> error;
    try {
        scanner.run(shape, true);
    } catch (const FileError &e) {
        error = e.error;
    }
    if (why)
        *why = error ? *error : ParseError{0, {}, "JSON, but not a shape SRE Roadmap knows"};
    if (shape.top == '{') {
        if (shape.incidents == '[')
            return Format::PagerDutyRest;
        if (shape.data == '[')
            return Format::PagerDutyAnalytics;
        if (shape.data == '{' && (shape.dataHas("resultType") || shape.dataHas("result")))
            return Format::Prometheus;
        // Prometheus's error response: {"status": "error", "errorType": ..., "error": ...}.
        if (shape.topHas("status") && shape.topHas("errorType"))
            return Format::Prometheus;
        return std::nullopt;
    }
    if (shape.top == '[' && shape.firstElement == '{') {
        // A page of GET /incidents, or a bare incident object (as `pd` and many scripts save them).
        if (shape.elementHas("incidents"))
            return Format::PagerDutyRest;
        if (shape.elementHas("id") && shape.elementHas("created_at")
            && (shape.elementHas("title") || shape.elementHas("summary") || shape.elementHas("incident_number")))
            return Format::PagerDutyRest;
        // A bare Prometheus result array is read only when named (it says nothing of the series).
        if (shape.elementHas("metric") && (shape.elementHas("values") || shape.elementHas("value")) && why && !error)
            *why = ParseError{0,
                              {},
                              "a bare Prometheus result array: import it with --format prometheus "
                              "--slo NAME --series good|bad|total"};
    }
    return std::nullopt;
}

// `apiVersion: openslo/...` on some line (a document, or an item of a YAML list).
bool looksLikeOpenSlo(QByteArray head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    for (const QByteArray &raw : head.split('\n')) {
        QByteArray line = raw.trimmed();
        if (line.startsWith("- "))
            line = line.sliced(2).trimmed();
        if (!line.startsWith("apiVersion:"))
            continue;
        QByteArray value = line.sliced(11).trimmed();
        if (value.startsWith('"') || value.startsWith('\''))
            value = value.sliced(1);
        if (value.toLower().startsWith("openslo"))
            return true;
    }
    return false;
}

// The first CSV record of `head`, trimmed; throws FileError when it does not read as CSV.
std::optional<std::vector<std::string>> readHeader(const QByteArray &head)
{
    QByteArray copy = head;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    InputStream in(buffer);
    CsvReader reader(in);
    if (!reader.next())
        return std::nullopt;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < reader.size(); ++i)
        out.emplace_back(trim(reader.field(i)));
    return out;
}

} // namespace

std::optional<Format> detectFormat(const QByteArray &head, ParseError *why)
{
    QByteArrayView text(head);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        if (why)
            *why = ParseError{0, {}, "empty file"};
        return std::nullopt;
    }
    if (trimmed.front() == '{' || trimmed.front() == '[')
        return detectJson(head, why);
    if (looksLikeOpenSlo(head))
        return Format::OpenSlo;

    // CSV: the header line.
    std::optional<std::vector<std::string>> names;
    try {
        names = readHeader(head);
    } catch (const FileError &e) {
        if (why)
            *why = e.error;
        return std::nullopt;
    }
    if (!names)
        return std::nullopt;
    std::vector<std::string> header;
    for (const std::string &n : *names)
        header.push_back(toLower(n));
    const auto f = detectCsvFormat(header);
    if (!f && why)
        *why = ParseError{0,
                          {},
                          names->size() > 1 ? "a CSV header without the columns of any known format"
                                            : "not JSON, OpenSLO YAML or CSV"};
    return f;
}

std::optional<std::vector<std::string>> csvHeader(const QByteArray &head)
{
    QByteArrayView text(head);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.front() == '{' || trimmed.front() == '[' || looksLikeOpenSlo(head))
        return std::nullopt;
    try {
        auto names = readHeader(head);
        if (names && names->size() >= 2)
            return names;
    } catch (const FileError &) {
    }
    return std::nullopt;
}

} // namespace srm::importers
