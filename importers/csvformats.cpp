// The CSV formats of docs/formats.md (deployments, changes, incidents, pages, the PagerDuty web export,
// SLO measurements, operational debt): the header names the columns (case-insensitive, any
// order, unknown ones ignored); each record becomes one srm record or one bad row, reported at
// the line where the record starts with the first column that is wrong.
#include "importers/csvreader.h"
#include "importers/fieldparsers.h"
#include "importers/inputstream.h"
#include "importers/parser.h"
#include "importers/recordcheck.h"
#include "store/metriccatalogue.h"

#include <QString>

#include <algorithm>
#include <span>
#include <unordered_map>

namespace srm::importers {

namespace {

struct Column
{
    const char *name;
    bool required;
    bool oneOf = false; // required as a group with the other oneOf columns
};

std::string quoted(std::string_view v)
{
    constexpr std::size_t kMax = 60;
    std::string out = "'";
    if (v.size() > kMax) {
        out.append(v.substr(0, kMax));
        out += "...";
    } else {
        out.append(v);
    }
    out += '\'';
    return out;
}

std::string namesOf(std::span<const Column> columns)
{
    std::string out;
    for (const Column &c : columns)
        out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
}

int fieldIndex(std::span<const Column> columns, std::string_view field)
{
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (equalsIgnoreCase(trim(field), columns[c].name))
            return int(c);
    return -1;
}

std::optional<ParseError> checkMap(std::span<const Column> columns, const ColumnMap &map, const char *formatName)
{
    std::vector<bool> mapped(columns.size(), false);
    for (const auto &[field, column] : map) {
        const int c = fieldIndex(columns, field);
        if (c < 0)
            return ParseError{0, field,
                              "unknown field '" + field + "' of the " + formatName
                                  + " format (its fields: " + namesOf(columns) + ")"};
        if (mapped[std::size_t(c)])
            return ParseError{0, field, "field '" + std::string(columns[std::size_t(c)].name) + "' is mapped twice"};
        mapped[std::size_t(c)] = true;
        if (trim(column).empty())
            return ParseError{0, field,
                              "field '" + std::string(columns[std::size_t(c)].name) + "' is mapped to no column"};
    }
    return std::nullopt;
}

// docs/formats.md#column-mapping: mapped fields first (a mapped column is taken), then the
// others by name among the columns not taken, then the required fields must be there.
ColumnResolution resolve(std::span<const Column> columns, const std::vector<std::string> &header, const ColumnMap &map,
                         const char *formatName)
{
    ColumnResolution r;
    r.index.assign(columns.size(), -1);
    for (const Column &c : columns)
        r.names.emplace_back(c.name);
    if ((r.error = checkMap(columns, map, formatName)))
        return r;
    std::unordered_map<std::string, int> byName;
    std::string headerText;
    for (std::size_t i = 0; i < header.size(); ++i) {
        byName.emplace(toLower(trim(header[i])), int(i));
        headerText += (i == 0 ? "" : ", ") + std::string(trim(header[i]));
    }
    std::vector<bool> taken(header.size(), false);
    for (const auto &[field, column] : map) {
        const std::size_t c = std::size_t(fieldIndex(columns, field));
        const auto it = byName.find(toLower(trim(column)));
        if (it == byName.end()) {
            r.error = ParseError{1, std::string(trim(column)),
                                 "no such column in the header (mapped to " + std::string(columns[c].name)
                                     + "; the header has: " + headerText + ")"};
            return r;
        }
        r.index[c] = it->second;
        r.names[c] = std::string(trim(header[std::size_t(it->second)]));
        taken[std::size_t(it->second)] = true;
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (r.index[c] >= 0)
            continue;
        const auto it = byName.find(columns[c].name);
        if (it != byName.end() && !taken[std::size_t(it->second)])
            r.index[c] = it->second;
    }
    const std::string unmapped = map.empty() ? std::string() : std::string(" (and no column is mapped to it)");
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].required && r.index[c] < 0) {
            r.error = ParseError{1, columns[c].name,
                                 std::string("missing required column '") + columns[c].name + "' in the header"
                                     + unmapped};
            return r;
        }
    // A group of which one is required (title/summary/description, good/bad).
    std::vector<std::string> group;
    bool any = false;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].oneOf) {
            group.emplace_back(columns[c].name);
            any = any || r.index[c] >= 0;
        }
    if (!group.empty() && !any) {
        std::string others;
        for (std::size_t i = 1; i < group.size(); ++i)
            others += (i == 1 ? "" : " or ") + ("'" + group[i] + "'");
        r.error = ParseError{1, group[0],
                             "missing required column '" + group[0] + "' (or " + others + ") in the header"
                                 + (map.empty() ? std::string() : std::string(" (and none is mapped)"))};
    }
    return r;
}

// The header and the records of one CSV file, by the columns a format knows (and the
// options' column mapping).
class CsvTable
{
public:
    CsvTable(InputStream &in, std::span<const Column> columns, const ParseOptions &o, const char *formatName)
        : m_reader(in), m_columns(columns)
    {
        if (!m_reader.next())
            throw FileError({1, {}, in.done() == 0 ? "empty file" : "no header line"});
        std::vector<std::string> header;
        for (std::size_t i = 0; i < m_reader.size(); ++i)
            header.emplace_back(m_reader.field(i));
        ColumnResolution r = resolve(columns, header, o.columnMap, formatName);
        if (r.error) {
            if (r.error->line > 0)
                r.error->line = m_reader.line();
            throw FileError(*r.error);
        }
        m_index = std::move(r.index);
        m_names = std::move(r.names);
    }

    bool next() { return m_reader.next(); }
    std::int64_t line() const { return m_reader.line(); }
    bool has(int c) const { return m_index[std::size_t(c)] >= 0; }
    std::string_view raw(int c) const
    {
        const int i = m_index[std::size_t(c)];
        return i < 0 ? std::string_view() : m_reader.field(std::size_t(i));
    }
    std::string_view value(int c) const { return trim(raw(c)); }
    // The column's name in messages: the file's own when the field is mapped.
    const std::string &name(int c) const { return m_names[std::size_t(c)]; }
    bool required(int c) const { return m_columns[std::size_t(c)].required; }

private:
    CsvReader m_reader;
    std::span<const Column> m_columns;
    std::vector<int> m_index;
    std::vector<std::string> m_names;
};

// Reads the values of one record; the first problem found is the row's error.
class Row
{
public:
    Row(const CsvTable &t, const ParseOptions &o) : m_t(t), m_o(o) { }

    bool ok() const { return !m_error; }
    const ParseError &error() const { return *m_error; }

    void fail(int c, std::string reason) { failNamed(m_t.name(c), std::move(reason)); }
    void failNamed(const std::string &column, std::string reason)
    {
        if (!m_error)
            m_error = ParseError{m_t.line(), column, std::move(reason)};
    }

    std::string_view value(int c) const { return m_t.value(c); }

    // Text; a required column must not be empty.
    void text(int c, std::string &out)
    {
        const std::string_view v = m_t.value(c);
        if (v.empty() && m_t.required(c))
            fail(c, "required value is empty");
        out.assign(v.data(), v.size());
    }

    std::optional<Micros> time(int c)
    {
        const std::string_view v = m_t.value(c);
        if (v.empty()) {
            if (m_t.required(c))
                fail(c, "required value is empty");
            return std::nullopt;
        }
        auto t = parseTimestamp(v, m_o.zone);
        if (!t)
            fail(c, "not a timestamp: " + quoted(v));
        return t;
    }

    Micros requiredTime(int c) { return time(c).value_or(0); }

    // `t` must not be before `start` (docs/formats.md: a time earlier than the record's own start).
    void notBefore(int c, const std::optional<Micros> &t, int startColumn, Micros start)
    {
        notBeforeNamed(m_t.name(c), t, m_t.name(startColumn), start);
    }
    void notBeforeNamed(const std::string &column, const std::optional<Micros> &t, const std::string &startName,
                        Micros start)
    {
        if (ok() && t && *t < start)
            failNamed(column,
                      column + " " + formatIsoUtf8(*t) + " is before " + startName + " " + formatIsoUtf8(start));
    }

    // A count: a whole number, not negative.
    std::optional<std::int64_t> count(int c)
    {
        const std::string_view v = m_t.value(c);
        if (v.empty()) {
            if (m_t.required(c))
                fail(c, "required value is empty");
            return std::nullopt;
        }
        const auto n = parseInteger(v);
        if (!n) {
            fail(c, "not a whole number: " + quoted(v));
        } else if (*n < 0) {
            fail(c, "negative count: " + std::string(v));
        } else if (const auto why = numberProblem(m_t.name(c), double(*n))) {
            // Refused before anything computes with it: docs/hostile-input.md#limits
            fail(c, *why);
            return std::nullopt;
        }
        return n;
    }

    // A quantity: a decimal number, not negative.
    std::optional<double> amount(int c)
    {
        const std::string_view v = m_t.value(c);
        if (v.empty()) {
            if (m_t.required(c))
                fail(c, "required value is empty");
            return std::nullopt;
        }
        const auto n = parseNumber(v);
        if (!n) {
            fail(c, "not a number: " + quoted(v));
        } else if (*n < 0) {
            fail(c, "negative count: " + std::string(v));
        } else if (const auto why = numberProblem(m_t.name(c), *n)) {
            // Refused before anything computes with it: docs/hostile-input.md#limits
            fail(c, *why);
            return std::nullopt;
        }
        return n;
    }

    template <typename T, typename Parse>
    std::optional<T> word(int c, Parse parseWord, const char *accepted)
    {
        const std::string_view v = m_t.value(c);
        if (v.empty())
            return std::nullopt;
        std::optional<T> r = parseWord(v);
        if (!r)
            fail(c, "unknown value " + quoted(v) + " (accepted: " + accepted + ")");
        return r;
    }

private:
    const CsvTable &m_t;
    const ParseOptions &m_o;
    std::optional<ParseError> m_error;
};

// Reads every record with `read(row)`, which returns true when it produced a record.
template <typename Read>
void forEachRow(CsvTable &t, const ParseOptions &o, ImportSink &sink, Read read)
{
    while (t.next()) {
        sink.recordAt(t.line());
        Row row(t, o);
        read(row);
        if (!row.ok())
            sink.badRow(row.error());
    }
}

// --- deployments ---------------------------------------------------------------------------

enum { DepId, DepFinished, DepService, DepEnvironment, DepStarted, DepResult, DepCommit, DepFixes, DepTeam };
constexpr Column kDeploymentColumns[] = {
    {"deployment_id", true}, {"finished_at", true},          {"service", false},
    {"environment", false},  {"started_at", false},          {"result", false},
    {"commit_sha", false},   {"fixes_deployment_id", false}, {"team", false},
};

void parseDeployments(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kDeploymentColumns, o, "deployments");
    Deployment d;
    forEachRow(t, o, sink, [&](Row &r) {
        r.text(DepId, d.deploymentId);
        d.finishedAt = r.requiredTime(DepFinished);
        r.text(DepService, d.service);
        r.text(DepEnvironment, d.environment);
        if (d.environment.empty())
            d.environment = "production";
        d.startedAt = r.time(DepStarted);
        d.result
            = r.word<DeployResult>(DepResult, parseDeployResult, kDeployResultWords).value_or(DeployResult::Success);
        r.text(DepCommit, d.commitSha);
        r.text(DepFixes, d.fixesDeploymentId);
        r.text(DepTeam, d.team);
        if (d.startedAt)
            r.notBefore(DepFinished, d.finishedAt, DepStarted, *d.startedAt);
        if (r.ok())
            sink.deployment(d);
    });
}

// --- changes -------------------------------------------------------------------------------

enum { ChCommit, ChDeployment, ChCommitted, ChAuthored, ChMerged };
constexpr Column kChangeColumns[] = {
    {"commit_sha", true},   {"deployment_id", true}, {"committed_at", true},
    {"authored_at", false}, {"pr_merged_at", false},
};

void parseChanges(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kChangeColumns, o, "changes");
    Change c;
    forEachRow(t, o, sink, [&](Row &r) {
        r.text(ChCommit, c.commitSha);
        r.text(ChDeployment, c.deploymentId);
        c.committedAt = r.requiredTime(ChCommitted);
        c.authoredAt = r.time(ChAuthored);
        c.prMergedAt = r.time(ChMerged);
        if (r.ok())
            sink.change(c);
    });
}

// --- incidents -----------------------------------------------------------------------------

enum {
    IncId,
    IncStarted,
    IncService,
    IncTitle,
    IncSeverity,
    IncDetected,
    IncAcknowledged,
    IncMitigated,
    IncResolved,
    IncSource,
    IncCause,
    IncPostmortem
};
constexpr Column kIncidentColumns[] = {
    {"incident_id", true},
    {"started_at", true},
    {"service", false},
    {"title", false},
    {"severity", false},
    {"detected_at", false},
    {"acknowledged_at", false},
    {"mitigated_at", false},
    {"resolved_at", false},
    {"detection_source", false},
    {"caused_by_deployment_id", false},
    {"postmortem_url", false},
};

void parseIncidents(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kIncidentColumns, o, "incidents");
    Incident i;
    forEachRow(t, o, sink, [&](Row &r) {
        r.text(IncId, i.incidentId);
        i.startedAt = r.requiredTime(IncStarted);
        r.text(IncService, i.service);
        r.text(IncTitle, i.title);
        r.text(IncSeverity, i.severity);
        i.detectedAt = r.time(IncDetected);
        i.acknowledgedAt = r.time(IncAcknowledged);
        i.mitigatedAt = r.time(IncMitigated);
        i.resolvedAt = r.time(IncResolved);
        i.detectionSource = r.word<DetectionSource>(IncSource, parseDetectionSource, kDetectionSourceWords);
        r.text(IncCause, i.causedByDeploymentId);
        r.text(IncPostmortem, i.postmortemUrl);
        r.notBefore(IncDetected, i.detectedAt, IncStarted, i.startedAt);
        r.notBefore(IncAcknowledged, i.acknowledgedAt, IncStarted, i.startedAt);
        r.notBefore(IncMitigated, i.mitigatedAt, IncStarted, i.startedAt);
        r.notBefore(IncResolved, i.resolvedAt, IncStarted, i.startedAt);
        if (r.ok())
            sink.incident(i);
    });
}

// --- pages ---------------------------------------------------------------------------------

enum {
    PgCreated,
    PgTitle,
    PgId,
    PgNumber,
    PgService,
    PgUrgency,
    PgAcknowledged,
    PgResolved,
    PgAuto,
    PgEscalations,
    PgKey
};
constexpr Column kPageColumns[] = {
    {"created_at", true},        {"title", true},         {"id", false},
    {"incident_number", false},  {"service", false},      {"urgency", false},
    {"acknowledged_at", false},  {"resolved_at", false},  {"auto_resolved", false},
    {"escalation_count", false}, {"incident_key", false},
};

void parsePages(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kPageColumns, o, "pages");
    Page p;
    forEachRow(t, o, sink, [&](Row &r) {
        p.createdAt = r.requiredTime(PgCreated);
        r.text(PgTitle, p.title);
        r.text(PgId, p.sourceId);
        p.incidentNumber = r.count(PgNumber);
        r.text(PgService, p.service);
        r.text(PgUrgency, p.urgency);
        p.acknowledgedAt = r.time(PgAcknowledged);
        p.resolvedAt = r.time(PgResolved);
        p.autoResolved = r.word<bool>(PgAuto, parseBool, kBoolWords);
        p.escalationCount = r.count(PgEscalations);
        r.text(PgKey, p.incidentKey);
        r.notBefore(PgAcknowledged, p.acknowledgedAt, PgCreated, p.createdAt);
        r.notBefore(PgResolved, p.resolvedAt, PgCreated, p.createdAt);
        if (r.ok())
            sink.page(p);
    });
}

// --- PagerDuty incidents CSV (web export) ----------------------------------------------------

enum {
    PdCreated,
    PdTitle,
    PdSummary,
    PdDescription,
    PdId,
    PdNumber,
    PdService,
    PdUrgency,
    PdAckSeconds,
    PdResolveSeconds,
    PdResolvedOn,
    PdAuto,
    PdEscalations
};
constexpr Column kPagerDutyCsvColumns[] = {
    {"created_on", true},          {"title", false, true}, {"summary", false, true},
    {"description", false, true},  {"id", false},          {"incident_number", false},
    {"service_name", false},       {"urgency", false},     {"seconds_to_first_ack", false},
    {"seconds_to_resolve", false}, {"resolved_on", false}, {"auto_resolved", false},
    {"escalation_count", false},
};

std::optional<Micros> plusSeconds(Micros t, const std::optional<double> &seconds)
{
    if (!seconds)
        return std::nullopt;
    return t + Micros(std::llround(*seconds * double(kMicrosPerSecond)));
}

void parsePagerDutyCsv(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kPagerDutyCsvColumns, o, "pagerduty-csv");
    Page p;
    forEachRow(t, o, sink, [&](Row &r) {
        p.createdAt = r.requiredTime(PdCreated);
        // docs/formats.md: title, else summary, else description.
        p.title.clear();
        for (int c : {PdTitle, PdSummary, PdDescription}) {
            const std::string_view v = r.value(c);
            if (!v.empty()) {
                p.title.assign(v.data(), v.size());
                break;
            }
        }
        if (p.title.empty())
            r.failNamed(t.name(t.has(PdDescription) || !t.has(PdTitle) ? PdDescription : PdTitle),
                        "required value is empty");
        r.text(PdId, p.sourceId);
        p.incidentNumber = r.count(PdNumber);
        r.text(PdService, p.service);
        r.text(PdUrgency, p.urgency);
        const auto ackSeconds = r.amount(PdAckSeconds);
        const auto resolveSeconds = r.amount(PdResolveSeconds);
        const auto resolvedOn = r.time(PdResolvedOn);
        p.acknowledgedAt = plusSeconds(p.createdAt, ackSeconds);
        p.resolvedAt = resolveSeconds ? plusSeconds(p.createdAt, resolveSeconds) : resolvedOn;
        p.autoResolved = r.word<bool>(PdAuto, parseBool, kBoolWords);
        p.escalationCount = r.count(PdEscalations);
        p.incidentKey.clear();
        if (!resolveSeconds)
            r.notBefore(PdResolvedOn, p.resolvedAt, PdCreated, p.createdAt);
        if (r.ok())
            sink.page(p);
    });
}

// --- SLO measurements ----------------------------------------------------------------------

enum { MsSlo, MsTimestamp, MsTotal, MsGood, MsBad };
constexpr Column kMeasurementColumns[] = {
    {"slo", true}, {"timestamp", true}, {"total", true}, {"good", false, true}, {"bad", false, true},
};

void parseMeasurements(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kMeasurementColumns, o, "slo-measurements");
    SloMeasurement m;
    forEachRow(t, o, sink, [&](Row &r) {
        r.text(MsSlo, m.slo);
        m.timestamp = r.requiredTime(MsTimestamp);
        m.total = r.amount(MsTotal);
        m.good = r.amount(MsGood);
        m.bad = r.amount(MsBad);
        if (!m.good && !m.bad)
            r.fail(t.has(MsGood) ? MsGood : MsBad, "required value is empty (good or bad)");
        if (r.ok())
            sink.measurement(m);
    });
}

// --- operational debt ----------------------------------------------------------------------

enum {
    DbId,
    DbTitle,
    DbToil,
    DbCost,
    DbTheme,
    DbLikelihood,
    DbImpact,
    DbFowler,
    DbDepends,
    DbMetric,
    DbStatus,
    DbPinned,
    DbNotes
};
constexpr Column kDebtColumns[] = {
    {"id", true},
    {"title", true},
    {"toil_hours_per_week", true},
    {"cost_weeks", true},
    {"theme", false},
    {"risk_likelihood", false},
    {"risk_impact", false},
    {"fowler", false},
    {"depends_on", false},
    {"linked_metric", false},
    {"status", false},
    {"pinned_quarter", false},
    {"notes", false},
};

void parseDebt(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kDebtColumns, o, "debt");
    forEachRow(t, o, sink, [&](Row &r) {
        DebtItem d;
        r.text(DbId, d.id);
        r.text(DbTitle, d.title);
        d.toilHoursPerWeek = r.amount(DbToil).value_or(0);
        d.costWeeks = r.amount(DbCost).value_or(0);
        d.theme = r.word<Theme>(DbTheme, parseTheme, themeWords());
        for (int c : {DbLikelihood, DbImpact}) {
            const std::string_view v = r.value(c);
            if (v.empty())
                continue;
            const auto n = parseInteger(v);
            if (!n || *n < 1 || *n > 5)
                r.fail(c, "not a whole number from 1 to 5: " + quoted(v));
            else
                (c == DbLikelihood ? d.riskLikelihood : d.riskImpact) = int(*n);
        }
        d.fowler = r.word<std::string>(DbFowler, parseFowler, kFowlerWords).value_or(std::string());
        std::string_view deps = r.value(DbDepends);
        while (!deps.empty()) {
            const std::size_t semi = deps.find(';');
            const std::string_view dep = trim(deps.substr(0, semi));
            if (!dep.empty() && std::find(d.dependsOn.begin(), d.dependsOn.end(), dep) == d.dependsOn.end())
                d.dependsOn.emplace_back(dep);
            deps = semi == std::string_view::npos ? std::string_view() : deps.substr(semi + 1);
        }
        if (const std::string_view linked = r.value(DbMetric); !linked.empty()) {
            QString unknown;
            const auto ids = MetricCatalogue::parseIdList(QString::fromUtf8(linked.data(), qsizetype(linked.size())),
                                                          &unknown);
            if (ids)
                d.linkedMetrics = *ids;
            else
                r.fail(DbMetric, MetricCatalogue::unknownIdMessage(unknown).toStdString());
        }
        d.status = r.word<DebtStatus>(DbStatus, parseStatus, debtStatusWords()).value_or(DebtStatus::Open);
        const std::string_view pin = r.value(DbPinned);
        if (!pin.empty()) {
            const auto q = parseQuarter(QString::fromUtf8(pin.data(), qsizetype(pin.size())));
            if (!q)
                r.fail(DbPinned, "not a quarter (YYYYQn): " + quoted(pin));
            else
                d.pinnedQuarter = formatQuarter(*q).toStdString();
        }
        // Notes are free text: kept exactly as written (line breaks and edge spaces too).
        const std::string_view notes = t.raw(DbNotes);
        d.notes.assign(notes.data(), notes.size());
        if (r.ok())
            sink.debtItem(d);
    });
}

// --- ownership -----------------------------------------------------------------------------

enum { OwService, OwTeam };
constexpr Column kOwnershipColumns[] = {{"service", true}, {"team", true}};

// A service has one owner: listed again with the same team it is the same record; with another
// team the later row is bad (docs/formats.md#ownership).
void parseOwnership(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    CsvTable t(in, kOwnershipColumns, o, "ownership");
    struct Seen
    {
        std::string team;
        std::int64_t line;
    };
    std::unordered_map<std::string, Seen> seen;
    Ownership owner;
    forEachRow(t, o, sink, [&](Row &r) {
        r.text(OwService, owner.service);
        r.text(OwTeam, owner.team);
        if (!r.ok())
            return;
        const auto [it, inserted] = seen.try_emplace(owner.service, Seen{owner.team, t.line()});
        if (!inserted && it->second.team != owner.team) {
            r.fail(OwTeam,
                   "service " + quoted(owner.service) + " is already owned by " + quoted(it->second.team) + " (line "
                       + std::to_string(it->second.line) + "); a service has one team");
            return;
        }
        sink.ownership(owner);
    });
}

// The columns of each CSV format (empty for the others).
std::span<const Column> columnsOf(Format f)
{
    switch (f) {
    case Format::Deployments: return kDeploymentColumns;
    case Format::Changes: return kChangeColumns;
    case Format::Incidents: return kIncidentColumns;
    case Format::Pages: return kPageColumns;
    case Format::PagerDutyCsv: return kPagerDutyCsvColumns;
    case Format::SloMeasurements: return kMeasurementColumns;
    case Format::Debt: return kDebtColumns;
    case Format::Ownership: return kOwnershipColumns;
    default: return {};
    }
}

} // namespace

bool isCsvFormat(Format f)
{
    return !columnsOf(f).empty();
}

std::vector<FieldInfo> formatFields(Format f)
{
    std::vector<FieldInfo> out;
    for (const Column &c : columnsOf(f))
        out.push_back({c.name, c.required, c.oneOf});
    return out;
}

std::string fieldName(Format f, std::string_view field)
{
    const auto columns = columnsOf(f);
    const int c = fieldIndex(columns, field);
    return c < 0 ? std::string() : std::string(columns[std::size_t(c)].name);
}

std::optional<ParseError> checkColumnMap(Format f, const ColumnMap &map)
{
    if (map.empty())
        return std::nullopt;
    if (!isCsvFormat(f))
        return ParseError{0, {}, std::string("column mapping needs a CSV format; ") + formatId(f) + " is not one"};
    return checkMap(columnsOf(f), map, formatId(f));
}

ColumnResolution resolveColumns(Format f, const std::vector<std::string> &header, const ColumnMap &map)
{
    if (!isCsvFormat(f)) {
        ColumnResolution r;
        r.error = checkColumnMap(f, map);
        return r;
    }
    return resolve(columnsOf(f), header, map, formatId(f));
}

void parseCsv(Format format, InputStream &in, const ParseOptions &options, ImportSink &sink)
{
    switch (format) {
    case Format::Deployments: return parseDeployments(in, options, sink);
    case Format::Changes: return parseChanges(in, options, sink);
    case Format::Incidents: return parseIncidents(in, options, sink);
    case Format::Pages: return parsePages(in, options, sink);
    case Format::PagerDutyCsv: return parsePagerDutyCsv(in, options, sink);
    case Format::SloMeasurements: return parseMeasurements(in, options, sink);
    case Format::Debt: return parseDebt(in, options, sink);
    case Format::Ownership: return parseOwnership(in, options, sink);
    default: break;
    }
    throw FileError({0, {}, std::string("not a CSV format: ") + formatId(format)});
}

// The columns by which the other CSV formats are recognised.
constexpr const char *kIdentifyingColumns[] = {
    "deployment_id", "finished_at", "commit_sha",          "committed_at", "incident_id", "started_at",
    "created_at",    "title",       "created_on",          "description",  "summary",     "slo",
    "timestamp",     "total",       "toil_hours_per_week", "cost_weeks",
};

std::optional<Format> detectCsvFormat(const std::vector<std::string> &header)
{
    auto has = [&](const char *name) { return std::find(header.begin(), header.end(), name) != header.end(); };
    if (has("toil_hours_per_week") && has("cost_weeks"))
        return Format::Debt;
    if (has("slo") && has("timestamp") && has("total"))
        return Format::SloMeasurements;
    if (has("deployment_id") && has("finished_at"))
        return Format::Deployments;
    if (has("commit_sha") && has("deployment_id") && has("committed_at"))
        return Format::Changes;
    if (has("incident_id") && has("started_at"))
        return Format::Incidents;
    if (has("created_on") && (has("description") || has("title") || has("summary")))
        return Format::PagerDutyCsv;
    if (has("created_at") && has("title") && !has("incident_id"))
        return Format::Pages;
    // Last, and only when no column names another format: a pages or deployments export with a
    // team column (or one missing a required column) is never taken for an ownership list.
    if (has("service") && has("team")) {
        for (const char *other : kIdentifyingColumns)
            if (has(other))
                return std::nullopt;
        return Format::Ownership;
    }
    return std::nullopt;
}

} // namespace srm::importers
