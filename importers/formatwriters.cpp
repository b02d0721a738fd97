#include "importers/formatwriters.h"

#include "importers/fieldparsers.h"
#include "store/metriccatalogue.h"
#include "store/timeutil.h"

#include <QDir>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace srm::importers {

namespace {

std::string time(Micros t)
{
    return formatIsoUtf8(t);
}

std::string time(const std::optional<Micros> &t)
{
    return t ? formatIsoUtf8(*t) : std::string();
}

template <typename T>
std::string integer(const std::optional<T> &v)
{
    return v ? std::to_string(*v) : std::string();
}

std::string number(const std::optional<double> &v)
{
    return v ? formatNumber(*v) : std::string();
}

std::string boolean(const std::optional<bool> &v)
{
    return v ? (*v ? "true" : "false") : std::string();
}

std::string durationText(std::int64_t seconds)
{
    if (seconds % 86400 == 0)
        return std::to_string(seconds / 86400) + "d";
    if (seconds % 3600 == 0)
        return std::to_string(seconds / 3600) + "h";
    if (seconds % 60 == 0)
        return std::to_string(seconds / 60) + "m";
    return std::to_string(seconds) + "s";
}

} // namespace

void appendCsvField(std::string &out, std::string_view value)
{
    const bool edgeSpace = !value.empty()
        && (value.front() == ' ' || value.front() == '\t' || value.back() == ' ' || value.back() == '\t');
    if (!edgeSpace && value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(value);
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string csvLine(const std::vector<std::string> &fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        appendCsvField(out, fields[i]);
    }
    out += '\n';
    return out;
}

const std::vector<std::string> &csvColumns(RecordKind kind)
{
    static const std::vector<std::string> deployments = {
        "deployment_id", "service",    "environment",         "started_at", "finished_at",
        "result",        "commit_sha", "fixes_deployment_id", "team"};
    static const std::vector<std::string> changes = {"commit_sha", "deployment_id", "committed_at", "authored_at",
                                                     "pr_merged_at"};
    static const std::vector<std::string> incidents = {"incident_id",
                                                       "service",
                                                       "title",
                                                       "severity",
                                                       "started_at",
                                                       "detected_at",
                                                       "acknowledged_at",
                                                       "mitigated_at",
                                                       "resolved_at",
                                                       "detection_source",
                                                       "caused_by_deployment_id",
                                                       "postmortem_url"};
    static const std::vector<std::string> pages = {
        "id",          "incident_number", "service",          "title",       "urgency", "created_at", "acknowledged_at",
        "resolved_at", "auto_resolved",   "escalation_count", "incident_key"};
    static const std::vector<std::string> measurements = {"slo", "timestamp", "good", "bad", "total"};
    static const std::vector<std::string> ownership = {"service", "team"};
    static const std::vector<std::string> debt = {"id",         "title",           "theme",       "toil_hours_per_week",
                                                  "cost_weeks", "risk_likelihood", "risk_impact", "fowler",
                                                  "depends_on", "linked_metric",   "status",      "pinned_quarter",
                                                  "notes"};
    switch (kind) {
    case RecordKind::Deployment: return deployments;
    case RecordKind::Change: return changes;
    case RecordKind::Incident: return incidents;
    case RecordKind::Page: return pages;
    case RecordKind::SloMeasurement: return measurements;
    case RecordKind::Debt: return debt;
    case RecordKind::Ownership: return ownership;
    }
    return debt;
}

std::vector<std::string> csvFields(const Deployment &d)
{
    return {d.deploymentId,    d.service,           d.environment,
            time(d.startedAt), time(d.finishedAt),  toString(d.result),
            d.commitSha,       d.fixesDeploymentId, d.team};
}

std::vector<std::string> csvFields(const Change &c)
{
    return {c.commitSha, c.deploymentId, time(c.committedAt), time(c.authoredAt), time(c.prMergedAt)};
}

std::vector<std::string> csvFields(const Incident &i)
{
    return {i.incidentId,
            i.service,
            i.title,
            i.severity,
            time(i.startedAt),
            time(i.detectedAt),
            time(i.acknowledgedAt),
            time(i.mitigatedAt),
            time(i.resolvedAt),
            i.detectionSource ? toString(*i.detectionSource) : "",
            i.causedByDeploymentId,
            i.postmortemUrl};
}

std::vector<std::string> csvFields(const Page &p)
{
    return {p.sourceId,
            integer(p.incidentNumber),
            p.service,
            p.title,
            p.urgency,
            time(p.createdAt),
            time(p.acknowledgedAt),
            time(p.resolvedAt),
            boolean(p.autoResolved),
            integer(p.escalationCount),
            p.incidentKey};
}

std::vector<std::string> csvFields(const SloMeasurement &m)
{
    return {m.slo, time(m.timestamp), number(m.good), number(m.bad), number(m.total)};
}

std::vector<std::string> csvFields(const DebtItem &d)
{
    std::string deps;
    for (const std::string &dep : d.dependsOn) {
        if (!deps.empty())
            deps += ';';
        deps += dep;
    }
    return {d.id,
            d.title,
            MetricCatalogue::themeIdOrEmpty(d.theme).toStdString(),
            formatNumber(d.toilHoursPerWeek),
            formatNumber(d.costWeeks),
            std::to_string(d.riskLikelihood),
            std::to_string(d.riskImpact),
            d.fowler,
            deps,
            MetricCatalogue::idListText(d.linkedMetrics).toStdString(),
            toString(d.status),
            d.pinnedQuarter,
            d.notes};
}

std::vector<std::string> csvFields(const Ownership &o)
{
    return {o.service, o.team};
}

std::string openSloYaml(const Slo &slo)
{
    YAML::Emitter e;
    e << YAML::BeginMap;
    e << YAML::Key << "apiVersion" << YAML::Value << "openslo/v1";
    e << YAML::Key << "kind" << YAML::Value << "SLO";
    e << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "name" << YAML::Value << slo.name;
    if (!slo.displayName.empty())
        e << YAML::Key << "displayName" << YAML::Value << slo.displayName;
    e << YAML::EndMap;
    e << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    if (!slo.description.empty())
        e << YAML::Key << "description" << YAML::Value << slo.description;
    if (!slo.service.empty())
        e << YAML::Key << "service" << YAML::Value << slo.service;
    e << YAML::Key << "budgetingMethod" << YAML::Value << toString(slo.method);
    e << YAML::Key << "timeWindow" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    e << YAML::Key << "duration" << YAML::Value << durationText(slo.windowSeconds);
    e << YAML::Key << "isRolling" << YAML::Value << true;
    e << YAML::EndMap << YAML::EndSeq;
    e << YAML::Key << "objectives" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    e << YAML::Key << "target" << YAML::Value << formatNumber(slo.objective);
    if (slo.timeSliceTarget)
        e << YAML::Key << "timeSliceTarget" << YAML::Value << formatNumber(*slo.timeSliceTarget);
    if (slo.timeSliceWindowSeconds)
        e << YAML::Key << "timeSliceWindow" << YAML::Value << durationText(*slo.timeSliceWindowSeconds);
    e << YAML::EndMap << YAML::EndSeq;
    e << YAML::EndMap;
    e << YAML::EndMap;
    return std::string(e.c_str()) + "\n";
}

std::vector<std::string> sloPreviewColumns()
{
    return {"name", "service", "budgeting_method", "objective", "window", "time_slice_target"};
}

std::vector<std::string> sloPreviewFields(const Slo &slo)
{
    return {slo.name,
            slo.service,
            toString(slo.method),
            formatNumber(slo.objective),
            durationText(slo.windowSeconds),
            slo.timeSliceTarget ? formatNumber(*slo.timeSliceTarget) : std::string()};
}

// --- GeneratedFiles ------------------------------------------------------------------------

struct GeneratedFiles::Output
{
    QSaveFile file;
    std::string buffer;
    bool any = false;
};

namespace {
enum { OutDeployments, OutChanges, OutIncidents, OutPages, OutSlos, OutMeasurements, OutDebt, OutCount };
const char *const kFileNames[OutCount] = {"deployments.csv", "changes.csv",          "incidents.csv", "pages.csv",
                                          "slos.yaml",       "slo_measurements.csv", "debt.csv"};
constexpr std::size_t kFlushBytes = 1u << 20;
} // namespace

GeneratedFiles::GeneratedFiles(const QString &directory)
{
    if (!QDir().mkpath(directory))
        throw std::runtime_error(QStringLiteral("%1: cannot create the directory").arg(directory).toStdString());
    const RecordKind kinds[OutCount] = {RecordKind::Deployment, RecordKind::Change, RecordKind::Incident,
                                        RecordKind::Page,       RecordKind::Debt,   RecordKind::SloMeasurement,
                                        RecordKind::Debt};
    for (int i = 0; i < OutCount; ++i) {
        auto out = std::make_unique<Output>();
        out->file.setFileName(QDir(directory).filePath(QString::fromLatin1(kFileNames[i])));
        if (!out->file.open(QIODevice::WriteOnly))
            throw std::runtime_error(
                QStringLiteral("%1: %2").arg(out->file.fileName(), out->file.errorString()).toStdString());
        if (i != OutSlos)
            out->buffer = csvLine(csvColumns(kinds[i]));
        m_outputs.push_back(std::move(out));
    }
}

GeneratedFiles::~GeneratedFiles() = default;

void GeneratedFiles::write(Output &o, const std::string &text)
{
    o.buffer += text;
    if (o.buffer.size() >= kFlushBytes) {
        if (o.file.write(o.buffer.data(), qint64(o.buffer.size())) != qint64(o.buffer.size()))
            throw std::runtime_error(
                QStringLiteral("%1: %2").arg(o.file.fileName(), o.file.errorString()).toStdString());
        o.buffer.clear();
    }
}

void GeneratedFiles::deployment(const Deployment &d)
{
    write(*m_outputs[OutDeployments], csvLine(csvFields(d)));
}

void GeneratedFiles::change(const Change &c)
{
    write(*m_outputs[OutChanges], csvLine(csvFields(c)));
}

void GeneratedFiles::incident(const Incident &i)
{
    write(*m_outputs[OutIncidents], csvLine(csvFields(i)));
}

void GeneratedFiles::page(const Page &p)
{
    write(*m_outputs[OutPages], csvLine(csvFields(p)));
}

void GeneratedFiles::slo(const Slo &s)
{
    Output &o = *m_outputs[OutSlos];
    write(o, (o.any ? "---\n" : "") + openSloYaml(s));
    o.any = true;
}

void GeneratedFiles::measurement(const SloMeasurement &m)
{
    write(*m_outputs[OutMeasurements], csvLine(csvFields(m)));
}

void GeneratedFiles::debtItem(const DebtItem &item)
{
    write(*m_outputs[OutDebt], csvLine(csvFields(item)));
}

void GeneratedFiles::commit()
{
    for (auto &o : m_outputs) {
        if (!o->buffer.empty() && o->file.write(o->buffer.data(), qint64(o->buffer.size())) != qint64(o->buffer.size()))
            throw std::runtime_error(
                QStringLiteral("%1: %2").arg(o->file.fileName(), o->file.errorString()).toStdString());
        o->buffer.clear();
        if (!o->file.commit())
            throw std::runtime_error(
                QStringLiteral("%1: %2").arg(o->file.fileName(), o->file.errorString()).toStdString());
    }
}

QStringList GeneratedFiles::fileNames() const
{
    QStringList out;
    for (const char *name : kFileNames)
        out << QString::fromLatin1(name);
    return out;
}

} // namespace srm::importers
