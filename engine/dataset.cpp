#include "engine/dataset.h"

#include "engine/analysis.h"
#include "engine/twothreads.h"

#include "store/pagepacks.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <exception>
#include <future>
#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace srm {

namespace {

using sqlite::Statement;

// Lets unordered maps keyed by std::string be searched with a std::string_view.
struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
};

std::int64_t scalar(Workspace &ws, const char *sql, std::int64_t none)
{
    Statement s(ws, sql);
    if (!s.next() || s.isNull(0))
        return none;
    return s.i64(0);
}

DeployResult resultFrom(std::string_view text)
{
    if (text == "success")
        return DeployResult::Success;
    if (text == "rolled_back")
        return DeployResult::RolledBack;
    if (text == "failure")
        return DeployResult::Failure;
    return DeployResult::Other;
}

// More changes than any workspace holds.
constexpr std::int64_t kPlausibleChangeRows = 100'000'000;

// The changes table as read, in its order: each run of rows naming the same deployment as one id
// and its commit times. Read apart from the deployments so that the second thread of a span's read
// can take it (ReadBeside): at 10M pages stepping SQLite through the 2.2M changes was 0.45 s of
// the deployments' 2.1 s on the first thread.
struct ChangeRuns
{
    std::vector<std::string> ids;    // a run's deployment_id
    std::vector<std::uint32_t> ends; // where each run's times end in `committed`
    std::vector<Micros> committed;
    bool read = false;

    static ChangeRuns load(Workspace &ws)
    {
        ChangeRuns out;
        out.read = true;
        // The store numbers changes 1, 2, 3…; a larger max(id) was written by hand, and then the
        // vector grows as it must.
        if (const std::int64_t rows = scalar(ws, "SELECT max(id) FROM changes", 0);
            rows > 0 && rows <= kPlausibleChangeRows)
            out.committed.reserve(std::size_t(rows));
        // Through a function SQLite calls for each row (sqlite::RowSink): stepping through the
        // rows cost 880 instructions a change, this 725 (callgrind; 3.6M changes at 10M pages).
        sqlite::RowSink sink(ws, "srm_collect_changes", 2, [&out](sqlite3_value **argv) {
            const std::string_view id = sqlite::valueText(argv[0]);
            if (out.ids.empty() || id != out.ids.back()) {
                if (!out.ids.empty())
                    out.ends.push_back(std::uint32_t(out.committed.size()));
                out.ids.emplace_back(id);
            }
            out.committed.push_back(sqlite3_value_int64(argv[1]));
        });
        Statement s(ws, "SELECT srm_collect_changes(deployment_id, committed_at) FROM changes");
        sink.run(s);
        if (!out.ids.empty())
            out.ends.push_back(std::uint32_t(out.committed.size()));
        return out;
    }
};

// The deployment facts by id, for the joins of loadDelivery: open addressing over the facts' own
// ids (no copies), each slot a hash's high half beside a fact's index, so that a probe compares
// ids only when the hashes agree. An unordered_map of a million std::string keys took 0.2 s to
// build and as long to free at 10M pages (a node each).
class FactIndex
{
public:
    explicit FactIndex(const std::vector<DeploymentFact> &facts) : m_facts(facts)
    {
        std::size_t capacity = 16;
        while (capacity < facts.size() * 2)
            capacity <<= 1;
        m_slots.assign(capacity, kEmpty);
        m_mask = capacity - 1;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            const std::uint64_t h = hash(facts[i].deploymentId);
            std::size_t at = std::size_t(h) & m_mask;
            // Ids are unique; were one not, the first fact keeps it (as a map's emplace would).
            bool taken = false;
            for (; m_slots[at] != kEmpty; at = (at + 1) & m_mask)
                if ((m_slots[at] >> 32) == (h >> 32)
                    && facts[m_slots[at] & 0xffffffffu].deploymentId == facts[i].deploymentId) {
                    taken = true;
                    break;
                }
            if (!taken)
                m_slots[at] = (h >> 32) << 32 | std::uint64_t(i);
        }
    }
    // The index of the fact with `id`, or -1.
    std::int64_t find(std::string_view id) const
    {
        const std::uint64_t h = hash(id);
        for (std::size_t at = std::size_t(h) & m_mask; m_slots[at] != kEmpty; at = (at + 1) & m_mask) {
            const std::uint64_t slot = m_slots[at];
            if ((slot >> 32) == (h >> 32) && m_facts[slot & 0xffffffffu].deploymentId == id)
                return std::int64_t(slot & 0xffffffffu);
        }
        return -1;
    }

private:
    static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>()(id); }
    // No fact has index 2^32 − 1 (a Dataset holds fewer deployments than that).
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
    const std::vector<DeploymentFact> &m_facts;
    std::vector<std::uint64_t> m_slots;
    std::size_t m_mask = 0;
};

// docs/metrics.md#failed-deployments and #rework: the production deployments of the window with
// what other records say about them. Only deployments of the window count, but what decides
// whether one failed or was rework (fixes, incidents, the deployment before it) is looked up
// among all records, whenever they happened.
// `changes` gives the changes table's rows when the join needs them (read on this connection, or
// by the second thread meanwhile).
void loadDelivery(Workspace &ws, Dataset &d, const std::function<ChangeRuns()> &changes)
{
    // One pass over all deployments: the production ones of the window, and the fixes of any
    // deployment (a fix marks its target failed wherever either is in time).
    struct Fix
    {
        Micros finishedAt;
        std::string deploymentId;
    };
    std::unordered_map<std::string, std::vector<Fix>, StringHash, std::equal_to<>> fixes;
    // Every deployment in a production environment (any result), for the rework rule "after a
    // failure": the deployment of the same service that finished last before a window deployment.
    // The service by its index in `streamServices`: a million copies of a long service name
    // were a heap allocation each, and the sort compared the names (at 10M pages, perf). The id
    // as a place in `streamIds`: no allocation an entry, and the sort moves 32 bytes, not 56.
    struct StreamEntry
    {
        std::uint32_t service;
        DeployResult result;
        Micros finishedAt;
        std::size_t idAt;
        std::uint32_t idSize; // SQLite's strings are under 2^31 bytes
        std::uint32_t row;    // its place in `rows` below, or kNoRow: not a fact of the window
    };
    constexpr std::uint32_t kNoRow = ~std::uint32_t(0);
    std::vector<StreamEntry> stream;
    std::string streamIds;
    const auto streamId = [&streamIds](const StreamEntry &e) {
        return std::string_view(streamIds).substr(e.idAt, e.idSize);
    };
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> streamServices;
    std::vector<std::string_view> serviceNames; // by index: the map's keys, which stay in place
    // The window's production deployments as the scan meets them, each made into a fact only once
    // their order is known: the facts were made in scan order and then moved into (finished_at,
    // id) order, 304 bytes each, along the permutation's cycles (0.2 s at 10M pages). The id is
    // the stream entry's, in `streamIds`; the team and the id it fixes are kept in `texts`.
    struct Row
    {
        Micros finishedAt;
        std::size_t idAt;
        std::size_t textAt;
        std::uint32_t idSize;
        std::uint32_t service;
        std::uint32_t teamSize; // 0: the service's owner
        std::uint32_t fixedSize;
        DeployResult result;
    };
    std::vector<Row> rows;
    std::string texts;
    const auto rowId = [&streamIds](const Row &r) { return std::string_view(streamIds).substr(r.idAt, r.idSize); };
    const std::int64_t allDeployments = std::max<std::int64_t>(0, scalar(ws, "SELECT count(*) FROM deployments", 0));
    stream.reserve(std::size_t(allDeployments));
    {
        // Through a function SQLite calls for each row (sqlite::RowSink), as the changes.
        sqlite::RowSink sink(ws, "srm_collect_deployments", 7, [&](sqlite3_value **argv) {
            const Micros finished = sqlite3_value_int64(argv[2]);
            const std::string_view fixed = sqlite::valueText(argv[5]);
            if (!fixed.empty()) {
                auto it = fixes.find(fixed);
                if (it == fixes.end())
                    it = fixes.emplace(std::string(fixed), std::vector<Fix>{}).first;
                it->second.push_back({finished, std::string(sqlite::valueText(argv[0]))});
            }
            if (sqlite3_value_int64(argv[3]) == 0)
                return;
            const DeployResult result = resultFrom(sqlite::valueText(argv[4]));
            // Every deployment of the window is in the stream too (it finished before the window's end).
            if (finished >= d.window.to())
                return;
            const std::string_view service = sqlite::valueText(argv[1]);
            auto it = streamServices.find(service);
            if (it == streamServices.end()) {
                it = streamServices.emplace(std::string(service), std::uint32_t(streamServices.size())).first;
                serviceNames.push_back(it->first);
            }
            const std::string_view id = sqlite::valueText(argv[0]);
            stream.push_back({it->second, result, finished, streamIds.size(), std::uint32_t(id.size()), kNoRow});
            streamIds += id;
            if (!d.window.contains(finished))
                return;
            // "Production deployment": a failure never reached production.
            if (result != DeployResult::Success && result != DeployResult::RolledBack)
                return;
            StreamEntry &e = stream.back();
            e.row = std::uint32_t(rows.size());
            // docs/scope.md#teams: the deployment's own team wins over its service's owner.
            const std::string_view team = sqlite::valueText(argv[6]);
            const std::string_view fixesId = result == DeployResult::Success ? fixed : std::string_view();
            rows.push_back({finished, e.idAt, texts.size(), e.idSize, e.service, std::uint32_t(team.size()),
                            std::uint32_t(fixesId.size()), result});
            texts += team;
            texts += fixesId;
        });
        Statement s(ws,
                    "SELECT srm_collect_deployments(deployment_id, service, finished_at, is_production, result, "
                    "fixes_deployment_id, team) FROM deployments");
        sink.run(s);
    }
    // order[k]: the finished_at and place in `stream` of its k-th entry in (finished_at, id) order
    // (ids in byte order). Ids are unique, so a table already in that order needs only the pass
    // that tells; otherwise the pairs are sorted, ids breaking ties among equal times only. The
    // one order serves both the facts and rework rule (b) below, which were two sorts: the
    // facts' pairs, and the stream's 32-byte entries by service first (at 10M pages, 0.13 s of
    // the first thread, perf).
    std::vector<std::pair<Micros, std::uint32_t>> order(stream.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = {stream[i].finishedAt, std::uint32_t(i)};
    {
        const auto before = [&](const std::pair<Micros, std::uint32_t> &a, const std::pair<Micros, std::uint32_t> &b) {
            if (a.first != b.first)
                return a.first < b.first;
            return streamId(stream[a.second]) < streamId(stream[b.second]);
        };
        if (!std::is_sorted(order.begin(), order.end(), before))
            std::sort(order.begin(), order.end(), before);
    }
    // keys[k]: the finished_at and row of the k-th fact, in that order.
    std::vector<std::pair<Micros, std::uint32_t>> keys;
    keys.reserve(rows.size());
    for (const auto &[finished, i] : order)
        if (stream[i].row != kNoRow)
            keys.emplace_back(finished, stream[i].row);
    // scanned[j]: the fact made of the j-th row (the changes below follow the scan's order).
    std::vector<std::uint32_t> scanned(rows.size());
    d.deployments.reserve(rows.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const Row &r = rows[keys[k].second];
        scanned[keys[k].second] = std::uint32_t(k);
        DeploymentFact &f = d.deployments.emplace_back();
        f.deploymentId = rowId(r);
        f.service = serviceNames[r.service];
        const std::string_view text = std::string_view(texts).substr(r.textAt, r.teamSize + r.fixedSize);
        f.team = r.teamSize > 0 ? text.substr(0, r.teamSize) : d.ownerOf(f.service);
        f.finishedAt = r.finishedAt;
        f.result = r.result;
        if (r.fixedSize > 0) {
            f.reworkFix = true;
            f.fixesDeploymentId = text.substr(r.teamSize);
        }
    }
    texts = {};
    const FactIndex byId(d.deployments);

    for (auto &[target, list] : fixes) {
        const std::int64_t it = byId.find(target);
        if (it < 0)
            continue;
        std::sort(list.begin(), list.end(), [](const Fix &a, const Fix &b) {
            return a.finishedAt != b.finishedAt ? a.finishedAt < b.finishedAt : a.deploymentId < b.deploymentId;
        });
        DeploymentFact &f = d.deployments[std::size_t(it)];
        f.fixes = int(list.size());
        f.firstFixAt = list.front().finishedAt;
        for (Fix &fix : list)
            f.fixedByIds.push_back(std::move(fix.deploymentId));
    }
    fixes = {};
    // Rework rule (b): within each service's stream in (finished_at, deployment_id) order (equal
    // times: the larger id is later; ids in byte order), a success right after a failure or a
    // rollback. Deployments without a service form a stream of their own. The whole stream in
    // that order, with the last entry seen of each service: a success of the window is a fact.
    {
        std::vector<std::uint32_t> last(serviceNames.size(), kNoRow); // an entry of `stream`
        for (const auto &[finished, i] : order) {
            const StreamEntry &cur = stream[i];
            const std::uint32_t before = std::exchange(last[cur.service], i);
            if (before == kNoRow || cur.result != DeployResult::Success || cur.row == kNoRow)
                continue;
            const StreamEntry &prev = stream[before];
            if (prev.result != DeployResult::Failure && prev.result != DeployResult::RolledBack)
                continue;
            DeploymentFact &f = d.deployments[scanned[cur.row]];
            f.reworkAfterFailure = true;
            f.previousDeploymentId = streamId(prev);
            f.previousResult = prev.result;
        }
    }
    order = {};
    stream = {};
    // Rework rule (c): an incident of the same non-empty service had started at or before the
    // deployment finished and was not resolved by then. A sweep per service over the deployments
    // in time order: incidents enter at their start and leave at their resolution (a min-heap of
    // resolution times counts the open ones); the latest-started open one is the top of a stack
    // in start order once the resolved ones are popped off it (they stay resolved for every
    // later deployment, so each leaves once).
    {
        struct Open
        {
            Micros started;
            Micros resolved; // kNoTime: never
            std::string incidentId;
        };
        struct Sweep
        {
            std::vector<Open> incidents;
            std::vector<std::size_t> deploys;
        };
        std::unordered_map<std::string, Sweep, StringHash, std::equal_to<>> byService;
        // One pass over the incidents for this rule and the next (any incident caused by a
        // deployment marks it failed). Each test is SQLite's own, so that a value of another type
        // compares as it did in the two queries this pass replaces.
        std::vector<std::size_t> unresolved; // deployments with an unresolved incident (once or more)
        Statement s(ws,
                    "SELECT service, started_at, resolved_at, incident_id, caused_by_deployment_id, "
                    "service <> '' AND started_at < ?1, caused_by_deployment_id <> '' FROM incidents "
                    "WHERE (service <> '' AND started_at < ?1) OR caused_by_deployment_id <> ''");
        s.bind(1, d.window.to());
        while (s.next()) {
            if (s.i64(5) != 0) {
                auto it = byService.find(s.textView(0));
                if (it == byService.end())
                    it = byService.emplace(s.text(0), Sweep{}).first;
                it->second.incidents.push_back({s.i64(1), s.timeOr(2, kNoTime), s.text(3)});
            }
            if (s.i64(6) == 0)
                continue;
            const std::int64_t it = byId.find(s.textView(4));
            if (it < 0)
                continue;
            DeploymentFact &f = d.deployments[std::size_t(it)];
            ++f.causedIncidents;
            f.causedIncidentIds.push_back(s.text(3));
            if (s.isNull(2))
                unresolved.push_back(std::size_t(it));
            else if (f.incidentsResolvedAt == kNoTime || s.i64(2) > f.incidentsResolvedAt)
                f.incidentsResolvedAt = s.i64(2);
        }
        for (const std::size_t i : unresolved)
            d.deployments[i].incidentsResolvedAt = kNoTime;
        for (DeploymentFact &f : d.deployments)
            std::sort(f.causedIncidentIds.begin(), f.causedIncidentIds.end());
        // Each service's deployments, by the scan's index of the service: a lookup a service,
        // not a hash of the name a deployment.
        std::vector<Sweep *> sweepOf(serviceNames.size(), nullptr);
        for (std::size_t i = 0; i < serviceNames.size(); ++i)
            if (const auto it = byService.find(serviceNames[i]); it != byService.end() && !serviceNames[i].empty())
                sweepOf[i] = &it->second;
        for (std::size_t i = 0; i < d.deployments.size(); ++i)
            if (d.deployments[i].result == DeployResult::Success)
                if (Sweep *sweep = sweepOf[rows[keys[i].second].service])
                    sweep->deploys.push_back(i); // already in time order
        const auto resolvedBy = [](const Open &o, Micros t) { return o.resolved != kNoTime && o.resolved <= t; };
        for (auto &[service, sweep] : byService) {
            std::vector<Open> &incidents = sweep.incidents;
            const std::vector<std::size_t> &deploys = sweep.deploys;
            if (deploys.empty())
                continue;
            std::sort(incidents.begin(), incidents.end(), [](const Open &a, const Open &b) {
                return a.started != b.started ? a.started < b.started : a.incidentId < b.incidentId;
            });
            std::vector<Micros> heap; // resolution times of started incidents, kNoTime as +infinity
            const auto later = [](Micros a, Micros b) {
                const auto key = [](Micros t) { return t == kNoTime ? std::numeric_limits<Micros>::max() : t; };
                return key(a) > key(b);
            };
            std::vector<std::size_t> stack; // started incidents in start order, less resolved ones on top
            std::size_t next = 0;
            for (const std::size_t i : deploys) {
                DeploymentFact &f = d.deployments[i];
                for (; next < incidents.size() && incidents[next].started <= f.finishedAt; ++next) {
                    heap.push_back(incidents[next].resolved);
                    std::push_heap(heap.begin(), heap.end(), later);
                    stack.push_back(next);
                }
                while (!heap.empty() && heap.front() != kNoTime && heap.front() <= f.finishedAt) {
                    std::pop_heap(heap.begin(), heap.end(), later);
                    heap.pop_back();
                }
                while (!stack.empty() && resolvedBy(incidents[stack.back()], f.finishedAt))
                    stack.pop_back();
                f.reworkDuringIncident = !heap.empty();
                f.openIncidents = int(heap.size());
                if (!stack.empty())
                    f.openIncidentId = incidents[stack.back()].incidentId;
            }
        }
    }
    // The changes of those deployments: one pass over the changes with a hash join costs a
    // third of looking each deployment's changes up in the index (measured: 100,000 of 220,000
    // changes, 0.03 s against 0.09 s).
    if (d.deployments.empty())
        return;
    // A deployment's changes are usually imported together, so each run of rows names one
    // deployment: one lookup a run (2.2M changes of 1M deployments at 10M pages; probing for each
    // row was 0.8 s of `progress`, perf). The runs usually also come in the order of their
    // deployments in the table: a new id is then most often the next row the scan kept, which
    // one comparison tells (the rows in scan order: the facts, in time order, 304 bytes apart,
    // cost a cache miss a run).
    const ChangeRuns runs = changes();
    // Room for the changes of these deployments, as a share of all.
    if (allDeployments > 0)
        d.changes.reserve(
            std::size_t(double(runs.committed.size()) * double(d.deployments.size()) / double(allDeployments)));
    std::size_t next = 0; // the row expected next
    std::uint32_t begin = 0;
    for (std::size_t r = 0; r < runs.ids.size(); ++r) {
        const std::string &id = runs.ids[r];
        const std::uint32_t end = runs.ends[r];
        std::int64_t at = -1;
        if (next < rows.size() && rowId(rows[next]) == id) {
            at = scanned[next++];
        } else if (const std::int64_t it = byId.find(id); it >= 0) {
            at = it;
            next = keys[std::size_t(it)].second + 1;
        }
        if (at >= 0) {
            const Micros deployedAt = keys[std::size_t(at)].first;
            for (std::uint32_t k = begin; k < end; ++k)
                d.changes.push_back({runs.committed[k], deployedAt, std::int32_t(at)});
        }
        begin = end;
    }
}

void loadIncidents(Workspace &ws, Dataset &d)
{
    Statement s(ws,
                "SELECT incident_id, service, title, severity, started_at, detected_at, acknowledged_at, "
                "mitigated_at, resolved_at, detection_source, caused_by_deployment_id, postmortem_url "
                "FROM incidents WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at, incident_id");
    s.bind(1, d.window.from());
    s.bind(2, d.window.to());
    while (s.next()) {
        Incident i;
        i.incidentId = s.text(0);
        i.service = s.text(1);
        i.title = s.text(2);
        i.severity = s.text(3);
        i.startedAt = s.i64(4);
        i.detectedAt = s.optTime(5);
        i.acknowledgedAt = s.optTime(6);
        i.mitigatedAt = s.optTime(7);
        i.resolvedAt = s.optTime(8);
        if (s.textIs(9, "monitoring"))
            i.detectionSource = DetectionSource::Monitoring;
        else if (s.textIs(9, "customer"))
            i.detectionSource = DetectionSource::Customer;
        else if (s.textIs(9, "other"))
            i.detectionSource = DetectionSource::Other;
        i.causedByDeploymentId = s.text(10);
        i.postmortemUrl = s.text(11);
        d.incidents.push_back(std::move(i));
    }
}

// More pages than any workspace holds (12M for a bulk load): a larger count in page_spans was
// written by hand, and the read reserves no more.
constexpr std::int64_t kPlausiblePageRows = 100'000'000;

// Where loadPages puts each page: into d.pages, its group renumbered densely in order of first
// use (names are read afterwards for those only). The store numbers groups 1, 2, 3…, so a vector
// indexed by group id serves; an id written into the file by hand may be any 64-bit integer
// (docs/hostile-input.md#limits): then a hash map, not a vector of exabytes.
struct PageCollector
{
    Dataset &d;
    std::int64_t maxGroupId = 0;
    bool denseIds = true;
    std::vector<std::int32_t> dense;
    std::unordered_map<std::int64_t, std::int32_t> sparse;
    std::vector<std::int64_t> groupIds;

    void add(const PageFact &fact, std::int64_t g)
    {
        if (g < 0 || g > maxGroupId)
            return; // the foreign key makes this impossible
        std::int32_t &slot = denseIds ? dense[std::size_t(g)] : sparse.try_emplace(g, -1).first->second;
        if (slot < 0) {
            slot = std::int32_t(groupIds.size());
            groupIds.push_back(g);
        }
        PageFact &p = d.pages.emplace_back(fact);
        p.group = slot;
    }
    // Closes the run of the pages added since the last call (Dataset::pageRuns): their times are
    // still in the cache.
    void endRun()
    {
        const std::size_t begin = d.pageRuns.empty() ? 0 : d.pageRuns.back().end;
        if (d.pages.size() <= begin)
            return;
        Micros earliest = d.pages[begin].createdAt, latest = earliest;
        for (std::size_t i = begin + 1; i < d.pages.size(); ++i) {
            earliest = std::min(earliest, d.pages[i].createdAt);
            latest = std::max(latest, d.pages[i].createdAt);
        }
        d.pageRuns.push_back({d.pages.size(), earliest, latest});
    }
};

// Reads the pages created in [window.from() − history, window.to()).
void loadPages(Workspace &ws, Dataset &d, bool history)
{
    const Micros from = d.window.from() - (history ? Dataset::kRepeatLookback : 0);
    const Micros to = d.window.to();
    PageCollector collect{d};
    collect.maxGroupId = scalar(ws, "SELECT max(id) FROM alert_groups", 0);
    collect.denseIds = collect.maxGroupId <= 2 * scalar(ws, "SELECT count(*) FROM alert_groups", 0) + 1024;
    if (collect.denseIds)
        collect.dense.assign(std::size_t(std::max<std::int64_t>(0, collect.maxGroupId)) + 1, -1);
    // Schema 6's page_spans (store/schema.h) say which blocks of page ids may hold pages of the
    // range: only those are read. Exports list pages nearly in time order, so a window of a long
    // history reads little more than its own pages; pages listed in no order make every block's
    // range wide, and every block is read. Schema 7 packs each block's pages into one blob
    // (store/pagepacks.h): decoding it costs a tenth of stepping SQLite through the rows (10M
    // pages: 0.2 s against 2.0 s). A block without a valid pack (written since the last import,
    // or by hand) is read as a range of row ids, adjacent blocks as one range.
    std::vector<std::pair<std::int64_t, std::int64_t>> ids; // first and last id of each run of blocks
    {
        Statement spans(
            ws, "SELECT block, first_at, last_at, pages, packed FROM page_spans WHERE pages > 0 ORDER BY block");
        constexpr int kShift = Schema::kPageSpanShift;
        // Room for the pages of the blocks that meet the range (in a double, capped: counts
        // written by hand).
        {
            Statement total(ws,
                            "SELECT total(pages) FROM page_spans WHERE pages > 0 AND last_at >= ?1 AND first_at < ?2");
            total.bind(1, from);
            total.bind(2, to);
            if (total.next())
                d.pages.reserve(std::size_t(std::clamp(total.real(0), 0.0, double(kPlausiblePageRows))));
        }
        std::vector<PagePacks::Row> rows;
        while (spans.next()) {
            const std::int64_t block = spans.i64(0);
            // A block id written by hand may be any integer: one whose ids do not fit is skipped
            // (no page can have them).
            if (spans.i64(2) < from || spans.i64(1) >= to
                || block < (std::numeric_limits<std::int64_t>::min() >> kShift)
                || block > (std::numeric_limits<std::int64_t>::max() >> kShift))
                continue;
            if (spans.isBlob(4) && PagePacks::unpack(spans.blobView(4), spans.i64(3), rows)) {
                for (const PagePacks::Row &r : rows) {
                    if (r.createdAt < from || r.createdAt >= to)
                        continue;
                    PageFact p;
                    p.createdAt = r.createdAt;
                    p.acknowledgedAt = r.hasAcknowledged ? r.acknowledgedAt : kNoTime;
                    p.resolvedAt = r.hasResolved ? r.resolvedAt : kNoTime;
                    p.autoResolved = r.autoResolved;
                    collect.add(p, r.group);
                }
                collect.endRun();
                continue;
            }
            const std::int64_t lo = block * (std::int64_t(1) << kShift);
            const std::int64_t hi = lo + ((std::int64_t(1) << kShift) - 1);
            if (!ids.empty() && ids.back().second != std::numeric_limits<std::int64_t>::max()
                && ids.back().second + 1 == lo)
                ids.back().second = hi;
            else
                ids.emplace_back(lo, hi);
        }
    }
    if (!ids.empty()) {
        // The rows go to a function that SQLite calls for each (sqlite::RowSink): as result rows,
        // each page cost a step and five calls into the statement (10M pages: 2.4 s, then 1.9 s).
        sqlite::RowSink sink(ws, "srm_collect_pages", 5, [&collect](sqlite3_value **argv) {
            // NULL reads as 0, so only a 0 needs its type looked up.
            const auto timeOr = [](sqlite3_value *v) {
                const std::int64_t t = sqlite3_value_int64(v);
                return t == 0 && sqlite3_value_type(v) == SQLITE_NULL ? kNoTime : t;
            };
            PageFact p;
            p.createdAt = sqlite3_value_int64(argv[0]);
            p.acknowledgedAt = timeOr(argv[1]);
            p.resolvedAt = timeOr(argv[2]);
            p.autoResolved = sqlite3_value_int64(argv[3]) != 0; // NULL reads as 0
            collect.add(p, sqlite3_value_int64(argv[4]));
        });
        Statement s(ws,
                    "SELECT srm_collect_pages(created_at, acknowledged_at, resolved_at, auto_resolved, group_id) "
                    "FROM pages WHERE id >= ?3 AND id <= ?4 AND created_at >= ?1 AND created_at < ?2");
        s.bind(1, from);
        s.bind(2, to);
        for (const auto &[lo, hi] : ids) {
            s.bind(3, lo);
            s.bind(4, hi);
            sink.run(s);
            collect.endRun();
        }
    }

    const std::int64_t maxGroupId = collect.maxGroupId;
    const bool denseIds = collect.denseIds;
    const std::vector<std::int32_t> &dense = collect.dense;
    const std::unordered_map<std::int64_t, std::int32_t> &sparse = collect.sparse;
    const std::vector<std::int64_t> &groupIds = collect.groupIds;
    d.groups.resize(groupIds.size());
    d.groupsDistinct = true; // by id, from a table with a unique (service, title) index
    if (groupIds.empty())
        return;
    Statement names(ws, "SELECT id, service, title FROM alert_groups");
    while (names.next()) {
        const std::int64_t id = names.i64(0);
        if (id < 0 || id > maxGroupId)
            continue;
        std::int32_t slot = -1;
        if (denseIds) {
            slot = dense[std::size_t(id)];
        } else if (const auto it = sparse.find(id); it != sparse.end()) {
            slot = it->second;
        }
        if (slot >= 0)
            d.groups[std::size_t(slot)] = {names.text(1), names.text(2)};
    }
}

void loadSlos(Workspace &ws, Dataset &d)
{
    Statement s(ws,
                "SELECT name, measurement_slo, display_name, service, description, budgeting_method, objective, "
                "window_seconds, time_slice_target, time_slice_window_seconds FROM slos ORDER BY name");
    while (s.next()) {
        SloData data;
        Slo &slo = data.slo;
        slo.name = s.text(0);
        slo.measurementSlo = s.text(1);
        slo.displayName = s.text(2);
        slo.service = s.text(3);
        slo.description = s.text(4);
        slo.method = s.textIs(5, "Timeslices") ? BudgetingMethod::Timeslices : BudgetingMethod::Occurrences;
        slo.objective = s.real(6);
        slo.windowSeconds = s.i64(7);
        slo.timeSliceTarget = s.optReal(8);
        if (!s.isNull(9))
            slo.timeSliceWindowSeconds = s.i64(9);
        d.slos.push_back(std::move(data));
    }
    // Each SLO is evaluated over its own window ending at as_of, and (for the weekly series of
    // slo_compliance) ending at each week's end; the earliest start is the window's start minus
    // the SLO's window, or the 24 hours of the burn rate.
    const Micros earliestEnd = std::min(d.window.from(), d.window.to() - kMicrosPerDay);
    d.sloFrom = earliestEnd;
    Statement m(ws,
                "SELECT ts, good, bad, total FROM slo_measurements WHERE slo = ?1 AND ts >= ?2 AND ts < ?3 "
                "ORDER BY ts");
    for (SloData &data : d.slos) {
        const Micros from = earliestEnd - std::max<std::int64_t>(0, data.slo.windowSeconds) * kMicrosPerSecond;
        d.sloFrom = std::min(d.sloFrom, from);
        m.reset();
        m.bind(1, data.slo.measurementSlo);
        m.bind(2, from);
        m.bind(3, d.window.to());
        while (m.next()) {
            SloMeasurement x;
            x.slo = data.slo.measurementSlo;
            x.timestamp = m.i64(0);
            x.good = m.optReal(1);
            x.bad = m.optReal(2);
            x.total = m.optReal(3);
            data.measurements.push_back(std::move(x));
        }
    }
}

// All reads of one load see the same state of the file (a deferred read transaction), unless
// the caller already holds a transaction. Meanwhile SQLite reads the file through a memory map
// (sqlite::MappedReads): a large workspace does not fit the page cache, and copying every page
// into it cost a seventh of `metrics` on the 1M-page workspace (0.53 s, 0.46 s mapped). A 1 GB
// map left the last half of the 10M-page workspace (2.1 GB) to be copied: `progress` spent
// 0.84 s in the system, now 0.60 s (medians of three) with a map of the whole file.
// Only while loading: mapped pages count as resident memory, and imports keep theirs small.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Workspace &ws) : m_db(ws.handle()), m_mapped(ws)
    {
        if (sqlite3_get_autocommit(m_db)) {
            const int rc = sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
            if (rc != SQLITE_OK)
                ws.fail(QStringLiteral("starting to read"), rc, QString::fromUtf8(sqlite3_errmsg(m_db)));
            m_owned = true;
        }
    }
    ~ReadSnapshot()
    {
        if (m_owned)
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    sqlite3 *m_db;
    sqlite::MappedReads m_mapped; // after the COMMIT of the destructor
    bool m_owned = false;
};

// Holds the workspace's write lock while two connections start reading, so that no commit lands
// between their starts and both read the same state of the file. SQLite shares no snapshot
// between connections otherwise (Debian's library is built without SQLITE_ENABLE_SNAPSHOT).
// Never waits: when another connection is writing, or the file cannot be written, held() is
// false and the caller reads on one connection.
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK
            && sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK) {
            m_held = true;
        }
    }
    ~WriteLock()
    {
        if (m_held)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(m_db); // a no-op on nullptr
    }
    WriteLock(const WriteLock &) = delete;
    WriteLock &operator=(const WriteLock &) = delete;
    bool held() const { return m_held; }

private:
    sqlite3 *m_db = nullptr;
    bool m_held = false;
};

// Reads the pages of a span on a second thread and connection while the calling thread reads
// the deployment facts: at 10M pages each took seconds, and the second core was idle. The worker
// opens its connection and starts reading at once (started()); it reads when it is given the
// window (read()), which the caller knows only once its own read has begun. The deployment facts
// take longer than the pages, so the worker also flags the repeat pages, with the alert rules and
// merges it reads in the same state of the file, and then reads the changes table for the
// caller's join (takeChanges()). The incidents of the window go to whichever thread is free
// first (claimIncidents()): at 10M pages either thread could finish first, by a few tenths of a
// second either way, and the other waited. take() hands over the rest; both rethrow what the
// worker threw.
class ReadBeside
{
public:
    struct Result
    {
        Dataset part; // pages, groups, repeat flags, alert rules and merges; incidents if it read them
        bool incidents = false;
    };

    explicit ReadBeside(const QString &path)
    {
        m_startedFuture = m_started.get_future();
        m_changesFuture = m_changes.get_future();
        m_result = std::async(std::launch::async, [this, path] { return run(path); });
    }
    ~ReadBeside()
    {
        if (!m_sent)
            m_request.set_value(std::nullopt);
        if (m_result.valid())
            m_result.wait();
    }
    ReadBeside(const ReadBeside &) = delete;
    ReadBeside &operator=(const ReadBeside &) = delete;

    // Whether the worker is reading; false when its connection failed to open.
    bool started() { return m_startedFuture.get(); }
    // `parts`: Dataset::Parts; the worker reads the pages (and their history), the changes when
    // Delivery is asked, and the incidents when asked and not claimed by the caller.
    void read(const AnalysisWindow &window, int parts)
    {
        m_sent = true;
        m_request.set_value(Request{window, parts});
    }
    // Whether the changes have been read (takeChanges() would not wait).
    bool changesReady() const { return m_changesFuture.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }
    // Once, with Delivery asked: the changes table.
    ChangeRuns takeChanges() { return m_changesFuture.get(); }
    // True for the first thread to ask (`beside`: the worker), unless a test names the other: that
    // one reads the incidents.
    bool claimIncidents(bool beside)
    {
        using Reader = Dataset::IncidentsReader;
        if (Dataset::incidentsReader != Reader::FirstFree && (Dataset::incidentsReader == Reader::Beside) != beside)
            return false;
        return !m_incidentsClaimed.exchange(true);
    }
    // Once: what the worker read.
    Result &take()
    {
        if (!m_taken) {
            m_taken = m_result.get();
        }
        return *m_taken;
    }

private:
    struct Request
    {
        AnalysisWindow window;
        int parts = 0;
    };

    Result run(const QString &path);
    Result read(Workspace &ws, const Request &request);

    std::promise<bool> m_started;
    std::future<bool> m_startedFuture;
    std::promise<std::optional<Request>> m_request;
    bool m_sent = false;
    std::promise<ChangeRuns> m_changes;
    std::future<ChangeRuns> m_changesFuture;
    bool m_changesSent = false; // on the worker's thread
    std::atomic<bool> m_incidentsClaimed{false};
    std::future<Result> m_result;
    std::optional<Result> m_taken;
};

ReadBeside::Result ReadBeside::run(const QString &path)
{
    // The connection is opened, used and closed on this thread (a QSqlDatabase belongs to the
    // thread that opened it).
    std::unique_ptr<Workspace> ws;
    std::optional<ReadSnapshot> snapshot;
    try {
        ws = Workspace::openConnection(path);
        snapshot.emplace(*ws);
        scalar(*ws, "SELECT count(*) FROM settings", 0); // the read, and its state of the file, begin here
    } catch (...) {
        // Whatever stopped it, the caller must hear (it waits in started()); it reads the pages
        // itself then.
        snapshot.reset();
        ws.reset();
        m_started.set_value(false);
        return {};
    }
    m_started.set_value(true);
    const std::optional<Request> request = m_request.get_future().get();
    if (!request)
        return {};
    try {
        return read(*ws, *request);
    } catch (...) {
        // A caller waiting for the changes hears it there too.
        if (!m_changesSent)
            m_changes.set_exception(std::current_exception());
        throw;
    }
}

ReadBeside::Result ReadBeside::read(Workspace &ws, const Request &request)
{
    Result out;
    Dataset &part = out.part;
    part.window = request.window;
    if (request.parts & (Dataset::Pages | Dataset::PageHistory)) {
        loadPages(ws, part, request.parts & Dataset::PageHistory);
        {
            AlertRuleStore store(ws);
            part.alertRules = store.rules();
            part.alertMerges = store.merges();
        }
        part.pageRepeats = Engine(part).repeatFlags();
    }
    if (request.parts & Dataset::Delivery) {
        m_changes.set_value(ChangeRuns::load(ws));
        m_changesSent = true;
    }
    if ((request.parts & Dataset::Incidents) && claimIncidents(true)) {
        loadIncidents(ws, part);
        out.incidents = true;
    }
    return out;
}

void loadOwners(Workspace &ws, Dataset &d)
{
    Statement s(ws, "SELECT service, team FROM ownership");
    while (s.next())
        d.owners.emplace(s.text(0), s.text(1));
}

// Copies a Dataset's facts into `parts` by the part each fact's (service, team) belongs to
// (`partOf` returns -1 for none): deployments, changes through their deployment, incidents,
// pages through their alert group (renumbered densely per part), SLOs. Everything else is copied
// by the caller. With `only`, deployments and incidents outside that window and pages outside it
// and its repeat lookback are left out (a breakdown computes that window alone; what classifies
// each fact was resolved when loading).
// With `repeat` (one flag per page of `src`), each part's pages get theirs in `partRepeat`.
template <typename PartOf>
void distribute(const Dataset &src, std::vector<Dataset *> &parts, const PartOf &partOf, bool twoThreads,
                const AnalysisWindow *only = nullptr, const std::vector<std::uint8_t> *repeat = nullptr,
                std::vector<std::vector<std::uint8_t>> *partRepeat = nullptr)
{
    if (partRepeat)
        partRepeat->assign(parts.size(), {});
    // A pointer, not an optional: GCC 12 at -O1 with the sanitizers warns that a defaulted
    // std::optional's value "may be used uninitialized" (a false positive that -Werror stops).
    const Micros from = only ? only->from() : std::numeric_limits<Micros>::min();
    const Micros to = only ? only->to() : std::numeric_limits<Micros>::max();
    const Micros pagesFrom = only ? from - Dataset::kRepeatLookback : from;
    // Each part's vectors are reserved from a first pass that counts (grown by doubling, the
    // pages of a breakdown at 10M pages, 5M, were copied again and again into fresh memory), and
    // that pass asks each fact's part once. The delivery records and the pages go to different
    // members of the parts, so with `twoThreads` two threads fill them: at 10M pages `metrics --by
    // service` copied for 0.7 s on one core while the other was idle (perf). A restriction always
    // uses both (a second thread costs some 0.1 ms); the read model computes its two breakdowns
    // side by side already, and a third and fourth thread there would only take turns.
    const auto delivery = [&] {
        // deployAt[i]: the part of the i-th deployment and its index there, or -1.
        std::vector<std::pair<int, std::int32_t>> deployAt(src.deployments.size(), {-1, -1});
        {
            std::vector<std::int32_t> deploys(parts.size(), 0);
            for (std::size_t i = 0; i < src.deployments.size(); ++i) {
                const DeploymentFact &f = src.deployments[i];
                if (f.finishedAt < from || f.finishedAt >= to)
                    continue;
                if (const int part = partOf(f.service, f.team); part >= 0)
                    deployAt[i] = {part, deploys[std::size_t(part)]++};
            }
            for (std::size_t k = 0; k < parts.size(); ++k)
                parts[k]->deployments.reserve(std::size_t(deploys[k]));
        }
        for (std::size_t i = 0; i < src.deployments.size(); ++i)
            if (const int part = deployAt[i].first; part >= 0)
                parts[std::size_t(part)]->deployments.push_back(src.deployments[i]);
        {
            std::vector<std::size_t> changes(parts.size(), 0);
            for (const ChangeFact &c : src.changes)
                if (c.deployment >= 0)
                    if (const int part = deployAt[std::size_t(c.deployment)].first; part >= 0)
                        ++changes[std::size_t(part)];
            for (std::size_t k = 0; k < parts.size(); ++k)
                parts[k]->changes.reserve(changes[k]);
        }
        for (const ChangeFact &c : src.changes) {
            if (c.deployment < 0)
                continue;
            const auto [part, index] = deployAt[std::size_t(c.deployment)];
            if (part >= 0)
                parts[std::size_t(part)]->changes.push_back({c.committedAt, c.deployedAt, index});
        }
        for (const Incident &i : src.incidents) {
            if (i.startedAt < from || i.startedAt >= to)
                continue;
            if (const int part = partOf(i.service, src.ownerOf(i.service)); part >= 0)
                parts[std::size_t(part)]->incidents.push_back(i);
        }
        for (const SloData &slo : src.slos)
            if (const int part = partOf(slo.slo.service, src.ownerOf(slo.slo.service)); part >= 0)
                parts[std::size_t(part)]->slos.push_back(slo);
    };
    const auto pages = [&] {
        // A page's service is its alert group's (the built-in key is service + title).
        std::vector<int> groupPart(src.groups.size());
        for (std::size_t g = 0; g < src.groups.size(); ++g)
            groupPart[g] = partOf(src.groups[g].service, src.ownerOf(src.groups[g].service));
        {
            std::vector<std::size_t> counts(parts.size(), 0);
            for (const PageFact &p : src.pages)
                if (p.createdAt >= pagesFrom && p.createdAt < to)
                    if (const int part = groupPart[std::size_t(p.group)]; part >= 0)
                        ++counts[std::size_t(part)];
            for (std::size_t k = 0; k < parts.size(); ++k) {
                parts[k]->pages.reserve(counts[k]);
                if (repeat && partRepeat)
                    (*partRepeat)[k].reserve(counts[k]);
            }
        }
        for (Dataset *part : parts)
            part->groupsDistinct = src.groupsDistinct; // each takes a group at most once
        std::vector<std::vector<std::int32_t>> dense(parts.size());
        for (std::size_t i = 0; i < src.pages.size(); ++i) {
            const PageFact &p = src.pages[i];
            if (p.createdAt < pagesFrom || p.createdAt >= to)
                continue;
            const int part = groupPart[std::size_t(p.group)];
            if (part < 0)
                continue;
            Dataset &into = *parts[std::size_t(part)];
            std::vector<std::int32_t> &map = dense[std::size_t(part)];
            if (map.empty())
                map.assign(src.groups.size(), -1);
            std::int32_t &slot = map[std::size_t(p.group)];
            if (slot < 0) {
                slot = std::int32_t(into.groups.size());
                into.groups.push_back(src.groups[std::size_t(p.group)]);
            }
            PageFact copy = p;
            copy.group = slot;
            into.pages.push_back(copy);
            if (repeat && partRepeat)
                (*partRepeat)[std::size_t(part)].push_back((*repeat)[i]);
        }
    };
    if (twoThreads) {
        runOnTwoThreads({pages, delivery});
    } else {
        delivery();
        pages();
    }
}

void loadDebt(Workspace &ws, Dataset &d)
{
    Statement s(ws, "SELECT count(*), total(toil_hours_per_week) FROM debt_items WHERE status = 'open'");
    if (s.next()) {
        d.openDebtItems = s.i64(0);
        d.openToilHoursPerWeek = s.real(1);
    }
}

} // namespace

std::optional<Micros> DeploymentFact::recoveredAt() const
{
    std::optional<Micros> at;
    if (fixes > 0)
        at = firstFixAt;
    if (causedIncidents > 0 && incidentsResolvedAt != kNoTime)
        at = at ? std::min(*at, incidentsResolvedAt) : incidentsResolvedAt;
    return at;
}

Micros AnalysisWindow::defaultAsOf(const Workspace &ws, Micros now)
{
    const std::optional<Micros> latest = ws.latestEventTime();
    return floorToDay(latest ? *latest : now) + kMicrosPerDay;
}

std::vector<WeekSlot> weekSlots(const AnalysisWindow &window)
{
    std::vector<WeekSlot> out;
    const Micros from = window.from();
    const Micros to = window.to();
    for (Micros week = isoWeekStart(from); week < to; week += 7 * kMicrosPerDay)
        out.push_back({isoWeekName(week), std::max(week, from), std::min(week + 7 * kMicrosPerDay, to)});
    return out;
}

ScopeNames ScopeNames::read(Workspace &ws)
{
    // Every service and team a record or the ownership table names. One UNION of five scans took
    // 0.5 s at 10M pages, on the way of every scoped command: the deployments were scanned twice
    // (services, then teams) and the 563,292 alert groups once. Now the deployments are scanned
    // once for both, through a map of the file (sqlite::MappedReads), and the alert groups are
    // stepped through by their unique index on (service, title), one seek a service.
    const sqlite::MappedReads mapped(ws);
    ScopeNames out;
    const auto add = [](std::vector<std::string> &v, std::string name) {
        if (!name.empty())
            v.push_back(std::move(name));
    };
    {
        Statement s(ws, "SELECT DISTINCT service, team FROM deployments");
        while (s.next()) {
            add(out.services, s.text(0));
            add(out.teams, s.text(1));
        }
    }
    {
        Statement s(ws,
                    "SELECT service FROM incidents WHERE service <> '' UNION SELECT service FROM slos WHERE "
                    "service <> '' UNION SELECT service FROM ownership WHERE service <> ''");
        while (s.next())
            add(out.services, s.text(0));
    }
    {
        Statement s(ws, "SELECT team FROM ownership WHERE team <> ''");
        while (s.next())
            add(out.teams, s.text(0));
    }
    {
        // The column's TEXT affinity stores numbers as text, so a value is text or a blob (one
        // written by hand; every blob sorts after every text, hence the bound).
        Statement next(ws, "SELECT min(service) FROM alert_groups WHERE service > ?1 AND service < x''");
        std::string after;
        for (;;) {
            next.bind(1, after);
            if (!next.next() || next.isNull(0))
                break;
            after = next.text(0);
            next.reset();
            out.services.push_back(after);
        }
        Statement blobs(ws, "SELECT DISTINCT service FROM alert_groups WHERE service >= x''");
        while (blobs.next())
            add(out.services, blobs.text(0));
    }
    for (std::vector<std::string> *v : {&out.services, &out.teams}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    return out;
}

std::string_view Dataset::ownerOf(std::string_view service) const
{
    const auto it = owners.find(service);
    return it == owners.end() ? std::string_view() : std::string_view(it->second);
}

namespace {

// Everything but the facts.
Dataset withoutFacts(const Dataset &d)
{
    Dataset out;
    out.window = d.window;
    out.parts = d.parts;
    out.settings = d.settings;
    out.alertRules = d.alertRules;
    out.alertMerges = d.alertMerges;
    out.sloFrom = d.sloFrom;
    out.openDebtItems = d.openDebtItems;
    out.openToilHoursPerWeek = d.openToilHoursPerWeek;
    out.owners = d.owners;
    out.scope = d.scope;
    return out;
}

} // namespace

Dataset Dataset::restricted(const Scope &by) const
{
    Dataset out = withoutFacts(*this);
    out.scope = by;
    std::vector<Dataset *> parts{&out};
    distribute(
        *this, parts,
        [&by](std::string_view service, std::string_view team) { return by.matches(service, team) ? 0 : -1; }, true);
    return out;
}

std::vector<std::pair<std::string, Dataset>> Dataset::partition(BreakdownBy by, const AnalysisWindow &in,
                                                                const std::vector<std::uint8_t> *repeat,
                                                                std::vector<std::vector<std::uint8_t>> *partRepeat,
                                                                bool twoThreads) const
{
    if (repeat && repeat->size() != pages.size())
        throw std::invalid_argument("Dataset::partition: one repeat flag per page");
    // The names with a record in the window, each a view of this Dataset's own text (a hash
    // map: a tree of strings compared names for each of a million deployments, 0.1 s at 10M
    // pages, perf); their parts are numbered in byte order below.
    std::unordered_map<std::string_view, int> names;
    const bool byService = by == BreakdownBy::Service;
    const auto note = [&](std::string_view service, std::string_view team) {
        names.try_emplace(byService ? service : team, 0);
    };
    for (const DeploymentFact &f : deployments)
        if (in.contains(f.finishedAt))
            note(f.service, f.team);
    for (const Incident &i : incidents)
        if (in.contains(i.startedAt))
            note(i.service, ownerOf(i.service));
    std::vector<char> groupSeen(groups.size(), 0);
    for (const PageFact &p : pages)
        if (in.contains(p.createdAt))
            groupSeen[std::size_t(p.group)] = 1;
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (groupSeen[g])
            note(groups[g].service, ownerOf(groups[g].service));
    for (const SloData &slo : slos)
        if (std::any_of(slo.measurements.begin(), slo.measurements.end(),
                        [&in](const SloMeasurement &m) { return in.contains(m.timestamp); }))
            note(slo.slo.service, ownerOf(slo.slo.service));
    std::vector<std::string_view> sorted;
    sorted.reserve(names.size());
    for (const auto &entry : names)
        sorted.push_back(entry.first);
    std::sort(sorted.begin(), sorted.end());

    std::vector<std::pair<std::string, Dataset>> out;
    out.reserve(sorted.size());
    for (const std::string_view name : sorted) {
        names[name] = int(out.size());
        Dataset part = withoutFacts(*this);
        Scope one = scope;
        (byService ? one.services : one.teams) = {std::string(name)};
        part.scope = one;
        out.emplace_back(std::string(name), std::move(part));
    }
    std::vector<Dataset *> parts;
    for (auto &entry : out)
        parts.push_back(&entry.second);
    distribute(
        *this, parts,
        [&](std::string_view service, std::string_view team) {
            const auto it = names.find(byService ? service : team);
            return it == names.end() ? -1 : it->second;
        },
        twoThreads, &in, repeat, partRepeat);
    return out;
}

Dataset Dataset::load(Workspace &ws, const AnalysisWindow &window, int parts, const Scope &scope)
{
    return load(ws, std::optional<Micros>(window.asOf), window.days, parts, 0, scope);
}

Dataset Dataset::load(Workspace &ws, std::optional<Micros> asOf, int days, int parts, Micros now, const Scope &scope)
{
    return loadSpan(
        ws, asOf, [days](Micros at) { return at - Micros(days) * kMicrosPerDay; }, parts, now, scope);
}

namespace {

// Dataset::loadSpan once this connection reads (and `beside`, when given, reads the pages and
// the changes, and maybe the incidents).
Dataset loadSpanWith(Workspace &ws, std::optional<Micros> asOf, const std::function<Micros(Micros asOf)> &from,
                     int parts, Micros now, const Scope &scope, ReadBeside *beside)
{
    Dataset d;
    d.window.asOf = asOf ? *asOf : AnalysisWindow::defaultAsOf(ws, now);
    const Micros start = std::min(from(d.window.asOf), d.window.asOf - 1);
    d.window.days = int((d.window.asOf - start + kMicrosPerDay - 1) / kMicrosPerDay);
    d.parts = parts;
    d.settings = ws.settings();
    loadOwners(ws, d);
    if (beside)
        beside->read(d.window, parts);
    if (parts & (Dataset::Pages | Dataset::PageHistory)) {
        if (!beside)
            loadPages(ws, d, parts & Dataset::PageHistory);
        AlertRuleStore store(ws);
        d.alertRules = store.rules();
        d.alertMerges = store.merges();
    }
    d.sloFrom = d.window.from();
    // With a second thread, the incidents are read by the first thread free: here, when the
    // changes are not there yet, or once the deployments are read.
    bool incidents = false;
    const auto readIncidents = [&] {
        if ((parts & Dataset::Incidents) && !incidents && (!beside || beside->claimIncidents(false))) {
            loadIncidents(ws, d);
            incidents = true;
        }
    };
    if (parts & Dataset::Delivery)
        loadDelivery(ws, d, [&] {
            if (!beside)
                return ChangeRuns::load(ws);
            if (!beside->changesReady())
                readIncidents();
            return beside->takeChanges();
        });
    readIncidents();
    if (parts & Dataset::Slos)
        loadSlos(ws, d);
    if (parts & Dataset::Debt)
        loadDebt(ws, d);
    if (beside) {
        Dataset &part = beside->take().part;
        d.pages = std::move(part.pages);
        d.groups = std::move(part.groups);
        d.groupsDistinct = part.groupsDistinct;
        d.pageRepeats = std::move(part.pageRepeats);
        d.pageRuns = std::move(part.pageRuns);
        if (beside->take().incidents)
            d.incidents = std::move(part.incidents);
    }
    if (!scope.isEmpty())
        return d.restricted(scope);
    return d;
}

} // namespace

Dataset Dataset::loadSpan(Workspace &ws, std::optional<Micros> asOf, const std::function<Micros(Micros asOf)> &from,
                          int parts, Micros now, const Scope &scope)
{
    // The pages, incidents and changes on a second connection when there are many pages and the
    // deployments are read too; never inside a caller's transaction, which the second connection
    // would not see.
    std::unique_ptr<ReadBeside> beside;
    std::optional<ReadSnapshot> snapshot;
    if ((parts & (Pages | PageHistory)) && (parts & Delivery) && sqlite3_get_autocommit(ws.handle()) && !ws.isReadOnly()
        && scalar(ws, "SELECT max(rowid) FROM pages", 0) >= parallelPagesFrom) {
        const WriteLock lock(ws.path());
        if (lock.held()) {
            beside = std::make_unique<ReadBeside>(ws.path());
            if (beside->started()) {
                // This connection begins reading too before the lock goes: both see one state.
                snapshot.emplace(ws);
                scalar(ws, "SELECT count(*) FROM settings", 0);
            } else {
                beside.reset();
            }
        }
    }
    if (!snapshot)
        snapshot.emplace(ws);
    return loadSpanWith(ws, asOf, from, parts, now, scope, beside.get());
}

} // namespace srm
