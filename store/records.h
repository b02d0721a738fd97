// The domain records SRE Roadmap stores in a workspace: what the importers produce, what
// RecordWriter upserts and what the analysis engine reads back. Text is UTF-8 (std::string),
// as in the SQLite file, so the million-row import path converts nothing; times are
// microseconds since the Unix epoch, UTC. An empty string means "absent".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srm {

using Micros = std::int64_t; // µs since 1970-01-01T00:00:00Z

constexpr Micros kMicrosPerSecond = 1000000;
constexpr Micros kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr Micros kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr Micros kMicrosPerDay = 24 * kMicrosPerHour;

// The catalogue's metric ids and themes (store/metriccatalogue.h), declared here so records stay
// free of Qt.
enum class MetricId : int;
enum class Theme : int;

enum class DeployResult { Success, Failure, RolledBack, Other };
enum class DetectionSource { Monitoring, Customer, Other };
enum class BudgetingMethod { Occurrences, Timeslices };
// A debt item's status (docs/debt-and-roadmap.md#the-register): done items are kept for the
// record but neither ranked nor planned.
enum class DebtStatus { Open, Done };

struct Deployment
{
    std::string deploymentId;
    std::string service;
    std::string environment = "production";
    std::optional<Micros> startedAt;
    Micros finishedAt = 0;
    DeployResult result = DeployResult::Success;
    std::string commitSha;
    std::string fixesDeploymentId;
    std::string team;
};

struct Change
{
    std::string commitSha;
    std::string deploymentId;
    Micros committedAt = 0;
    std::optional<Micros> authoredAt;
    std::optional<Micros> prMergedAt;
};

struct Incident
{
    std::string incidentId;
    std::string service;
    std::string title;
    std::string severity;
    Micros startedAt = 0;
    std::optional<Micros> detectedAt;
    std::optional<Micros> acknowledgedAt;
    std::optional<Micros> mitigatedAt;
    std::optional<Micros> resolvedAt;
    std::optional<DetectionSource> detectionSource;
    std::string causedByDeploymentId;
    std::string postmortemUrl;
};

// A page: one PagerDuty incident (or one row of the pages CSV), the unit of alert frequency.
struct Page
{
    std::string sourceId;
    std::optional<std::int64_t> incidentNumber;
    std::string service;
    std::string title;
    std::string urgency;
    Micros createdAt = 0;
    std::optional<Micros> acknowledgedAt;
    std::optional<Micros> resolvedAt;
    std::optional<bool> autoResolved;
    std::optional<std::int64_t> escalationCount;
    std::string incidentKey;
};

// One objective of an SLO definition. An OpenSLO SLO with several objectives becomes several
// Slo records that share measurementSlo (the metadata.name measurements are filed under).
struct Slo
{
    std::string name;           // unique in the workspace
    std::string measurementSlo; // key of its measurements (slo column of the CSV / --slo)
    std::string displayName;
    std::string service;
    std::string description;
    BudgetingMethod method = BudgetingMethod::Occurrences;
    double objective = 0.99; // 0..1
    std::int64_t windowSeconds = 28 * 86400;
    std::optional<double> timeSliceTarget; // 0..1
    std::optional<std::int64_t> timeSliceWindowSeconds;
};

struct SloMeasurement
{
    std::string slo;
    Micros timestamp = 0;
    std::optional<double> good;
    std::optional<double> bad;
    std::optional<double> total;
};

struct DebtItem
{
    std::string id;
    std::string title;
    std::optional<Theme> theme; // the catalogue theme whose weight applies; nullopt: none (weight 1)
    double toilHoursPerWeek = 0;
    double costWeeks = 0;
    int riskLikelihood = 1; // 1..5
    int riskImpact = 1;     // 1..5
    std::string fowler;
    std::vector<std::string> dependsOn;
    // The metrics the work improves (column linked_metric: catalogue ids separated by ';'), in
    // catalogue order without repeats; they give the item its gap factor (planning/gapfactor.h).
    std::vector<MetricId> linkedMetrics;
    DebtStatus status = DebtStatus::Open;
    std::string pinnedQuarter; // YYYYQn or ""
    std::string notes;

    bool operator==(const DebtItem &) const = default;
};

// A service's owning team (the ownership CSV). A service has one owner; the team is what
// scoped figures roll up by (docs/formats.md#ownership).
struct Ownership
{
    std::string service;
    std::string team;
};

// Where a stream of records goes: the store's writer, the demo generator's files, a parser's
// import sink. One callback per record kind, called in the order the records are produced.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    virtual void deployment(const Deployment &d) = 0;
    virtual void change(const Change &c) = 0;
    virtual void incident(const Incident &i) = 0;
    virtual void page(const Page &p) = 0;
    virtual void slo(const Slo &s) = 0;
    virtual void measurement(const SloMeasurement &m) = 0;
    virtual void debtItem(const DebtItem &item) = 0;
    virtual void ownership(const Ownership &o) = 0;
};

// Canonical spellings used in the store and in JSON.
const char *toString(DeployResult r);
const char *toString(DetectionSource s);
const char *toString(BudgetingMethod m);

// The one table between a debt status and its text ("open", "done"), as the debt CSV, the
// workspace and the exports write it. debtStatusFromText() folds ASCII case and nothing else
// (white space is the caller's to trim); nullopt for any other text.
constexpr DebtStatus kDebtStatuses[] = {DebtStatus::Open, DebtStatus::Done};
const char *toString(DebtStatus s);
std::optional<DebtStatus> debtStatusFromText(std::string_view text);

// Equal but for ASCII letter case (the vocabularies of the formats are ASCII words).
bool equalsAsciiIgnoreCase(std::string_view a, std::string_view b);

} // namespace srm
