#include "demo/generator.h"

#include "demo/random.h"
#include "store/metriccatalogue.h"
#include "store/timeutil.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace srm {

namespace {

struct ServiceProfile
{
    const char *name;
    const char *team;
    double deployWeight;
    double incidentWeight;
};

// Three teams own the eleven services (docs/scope.md#worked-example): storefront the shop's
// front and its cart, payments the checkout path, fulfilment what happens after the order.
constexpr std::array<ServiceProfile, 11> kServices = {{
    {"frontend", "storefront", 3.0, 1.6},
    {"cartservice", "storefront", 1.3, 1.2},
    {"productcatalogservice", "storefront", 1.5, 0.7},
    {"currencyservice", "payments", 0.8, 0.5},
    {"paymentservice", "payments", 1.0, 1.4},
    {"shippingservice", "fulfilment", 0.8, 0.6},
    {"emailservice", "fulfilment", 0.5, 0.4},
    {"checkoutservice", "payments", 1.8, 1.5},
    {"recommendationservice", "storefront", 1.2, 0.5},
    {"adservice", "storefront", 0.7, 0.4},
    {"redis-cart", "fulfilment", 0.15, 0.9},
}};

int serviceIndex(const char *name)
{
    for (size_t i = 0; i < kServices.size(); ++i)
        if (std::string_view(kServices[i].name) == name)
            return int(i);
    return 0;
}

// An alert template: `pattern` has {slots} the generator fills with the variable parts
// that real alert titles carry ({n}, {N}, {pct}, {ms}, {x}, {ip}, {uuid}, {hex}, {pod}, {host},
// {sku}, {carrier}, {svc}).
struct AlertTemplate
{
    int service; // index into kServices
    std::string pattern;
    double weight;     // relative frequency
    double nightShare; // share fired outside 09-17 local
    double noise;      // share that resolves by itself
    double ackMedianMinutes;
    int batchHour; // local hour of a nightly job, or -1
};

std::vector<AlertTemplate> buildTemplates()
{
    auto s = [](const char *n) { return serviceIndex(n); };
    std::vector<AlertTemplate> t = {
        {s("frontend"), "High p99 latency on frontend: {ms}ms", 40, 0.35, 0.45, 4, -1},
        {s("frontend"), "HTTP 5xx rate above {pct}% on frontend", 22, 0.30, 0.20, 3, -1},
        {s("frontend"), "Synthetic check failed: GET /product/{sku}", 15, 0.40, 0.60, 5, -1},
        {s("frontend"), "TLS certificate for shop.example.com expires in {n} days", 3, 0.0, 0.0, 45, 3},
        {s("frontend"), "Pod {pod} CrashLoopBackOff", 6, 0.40, 0.50, 6, -1},
        {s("cartservice"), "cartservice: redis connection errors ({n}/min)", 18, 0.40, 0.30, 5, -1},
        {s("cartservice"), "Memory usage {pct}% on cartservice-{n}", 10, 0.50, 0.60, 8, -1},
        {s("cartservice"), "gRPC deadline exceeded calling cartservice from checkoutservice", 8, 0.30, 0.40, 5, -1},
        {s("productcatalogservice"), "productcatalogservice slow catalogue reload: {ms}ms", 7, 0.30, 0.55, 7, -1},
        {s("productcatalogservice"), "Catalogue file {uuid} failed to parse", 2, 0.50, 0.0, 12, 4},
        {s("currencyservice"), "currencyservice ECB rates stale for {n} minutes", 9, 0.70, 0.50, 9, 1},
        {s("currencyservice"), "currencyservice event loop lag {ms}ms", 5, 0.30, 0.70, 6, -1},
        {s("paymentservice"), "Payment provider timeouts: {n} in 5m", 25, 0.30, 0.15, 3, -1},
        {s("paymentservice"), "paymentservice card decline ratio {x}x baseline", 8, 0.40, 0.35, 4, -1},
        {s("paymentservice"), "Charge request {uuid} retried {n} times", 4, 0.30, 0.10, 6, -1},
        {s("shippingservice"), "shippingservice quote latency above {ms}ms", 6, 0.30, 0.60, 8, -1},
        {s("shippingservice"), "Carrier API {carrier} returning 503", 5, 0.40, 0.30, 10, -1},
        {s("emailservice"), "emailservice SMTP queue depth {N}", 9, 0.60, 0.50, 11, 2},
        {s("emailservice"), "Bounce rate {pct}% for order confirmations", 3, 0.30, 0.20, 20, -1},
        {s("checkoutservice"), "Error rate above {pct}% for checkoutservice", 30, 0.30, 0.25, 4, -1},
        {s("checkoutservice"), "Checkout latency SLO burn rate {x}x over 1h", 12, 0.35, 0.10, 3, -1},
        {s("checkoutservice"), "Order {hex} stuck in PENDING for {n} minutes", 5, 0.30, 0.20, 7, -1},
        {s("recommendationservice"), "recommendationservice model refresh job failed on {host}", 4, 0.0, 0.10, 25, 3},
        {s("recommendationservice"), "recommendationservice CPU throttling {pct}%", 11, 0.40, 0.70, 9, -1},
        {s("adservice"), "adservice JVM heap {pct}% after GC", 14, 0.45, 0.65, 10, -1},
        {s("adservice"), "adservice ads cache miss ratio {x}", 3, 0.30, 0.50, 15, -1},
        {s("redis-cart"), "redis-cart memory fragmentation ratio {x}", 16, 0.50, 0.70, 12, -1},
        {s("redis-cart"), "redis-cart evicted keys {N} in 10m", 9, 0.50, 0.50, 9, -1},
        {s("redis-cart"), "Disk usage {pct}% on node {ip}", 7, 0.50, 0.30, 10, -1},
        {s("redis-cart"), "redis-cart replica {ip} lagging {n}s behind primary", 4, 0.50, 0.40, 8, -1},
    };
    // The long tail: the same few generic alerts on every service.
    for (int i = 0; i < int(kServices.size()); ++i) {
        t.push_back({i, "{svc}: container restarted {n} times in 10m", 2.0, 0.45, 0.60, 8, -1});
        t.push_back({i, "Pod {pod} not ready for {n}m", 1.5, 0.40, 0.55, 9, -1});
        t.push_back({i, "{svc} HPA at max replicas ({n})", 1.0, 0.30, 0.50, 12, -1});
        t.push_back({i, "Job {svc}-backup-{uuid} failed", 0.6, 0.0, 0.0, 30, 2});
        t.push_back({i, "Node {host} NotReady", 0.4, 0.50, 0.40, 7, -1});
    }
    return t;
}

const char *const kSkus[] = {"OLJCESPC7Z", "66VCHSJNUP", "1YMWWN1N4O", "L9ECAV7KIM", "2ZYFJ3GM2N",
                             "0PUK6V6EV0", "LS4PSXUNUM", "9SIQT8TOJO", "6E92ZMYYFZ"};
const char *const kCarriers[] = {"api.parcelnet.example", "eu.shipfast.example", "quotes.postline.example",
                                 "rates.cargoway.example"};

const char *const kIncidentTitles[] = {
    "Elevated 5xx responses",
    "Latency regression after release",
    "Partial outage in one zone",
    "Dependency timeouts",
    "Memory leak causing restarts",
    "Data inconsistency reported by customers",
    "Degraded performance during peak traffic",
    "Configuration error in release",
};

std::string hexString(Random &r, int n)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < n; ++i)
        s += digits[r.next() % 16];
    return s;
}

std::string alnum(Random &r, int n)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string s;
    for (int i = 0; i < n; ++i)
        s += digits[r.next() % 36];
    return s;
}

std::string fill(const std::string &pattern, Random &r, const char *service)
{
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] != '{') {
            out += pattern[i++];
            continue;
        }
        const size_t close = pattern.find('}', i);
        const std::string key = pattern.substr(i + 1, close - i - 1);
        i = close + 1;
        char buf[64];
        if (key == "n") {
            out += std::to_string(r.between(2, 60));
        } else if (key == "N") {
            out += std::to_string(r.between(120, 9800));
        } else if (key == "pct") {
            std::snprintf(buf, sizeof buf, "%.1f", r.uniform(80, 99.9));
            out += buf;
        } else if (key == "ms") {
            out += std::to_string(r.between(300, 4000));
        } else if (key == "x") {
            std::snprintf(buf, sizeof buf, "%.1f", r.uniform(1.2, 9.0));
            out += buf;
        } else if (key == "ip") {
            std::snprintf(buf, sizeof buf, "10.%d.%d.%d", int(r.between(0, 3)), int(r.between(0, 255)),
                          int(r.between(2, 254)));
            out += buf;
        } else if (key == "uuid") {
            out += hexString(r, 8) + "-" + hexString(r, 4) + "-4" + hexString(r, 3) + "-a" + hexString(r, 3) + "-"
                + hexString(r, 12);
        } else if (key == "hex") {
            std::string h = hexString(r, 12);
            h[r.between(0, 11)] = char('0' + r.between(0, 9)); // order ids always hold a digit
            out += h;
        } else if (key == "pod") {
            std::string h = hexString(r, 10);
            h[3] = char('0' + r.between(0, 9));
            out += std::string(service) + "-" + h + "-" + alnum(r, 5);
        } else if (key == "host") {
            std::snprintf(buf, sizeof buf, "ip-10-0-%d-%d.eu-west-1.compute.internal", int(r.between(0, 15)),
                          int(r.between(2, 254)));
            out += buf;
        } else if (key == "sku") {
            out += kSkus[r.next() % std::size(kSkus)];
        } else if (key == "carrier") {
            out += kCarriers[r.next() % std::size(kCarriers)];
        } else if (key == "svc") {
            out += service;
        }
    }
    return out;
}

// Splits `total` over `weights` exactly (largest remainder).
std::vector<std::int64_t> allocate(std::int64_t total, const std::vector<double> &weights)
{
    std::vector<std::int64_t> out(weights.size(), 0);
    double sum = 0;
    for (double w : weights)
        sum += w;
    if (sum <= 0 || total <= 0)
        return out;
    std::vector<std::pair<double, size_t>> remainders;
    std::int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const double exact = double(total) * weights[i] / sum;
        out[i] = std::int64_t(exact);
        given += out[i];
        remainders.push_back({exact - double(out[i]), i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t k = 0; given < total; ++k, ++given)
        ++out[remainders[k % remainders.size()].second];
    return out;
}

std::string pagerDutyId(std::int64_t seq)
{
    // A bijection of the sequence number onto 7 base-36 digits: unique, yet PagerDuty-looking.
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const std::uint64_t mod = 78364164096ULL; // 36^7
    std::uint64_t v = (std::uint64_t(seq) * 2654435761ULL + 12345) % mod;
    std::string s(7, '0');
    for (int i = 6; i >= 0; --i) {
        s[size_t(i)] = digits[v % 36];
        v /= 36;
    }
    return "P" + s;
}

struct ActiveIncident
{
    int service;
    Micros from;
    Micros to;
};

// The demo's journey over its six quarters (docs/demo.md): dated turns in how the shop
// runs, each with the work the debt register records behind it. Before a turn the generator
// behaves as before it; the figures that follow are whatever the seeded draws give.
constexpr Micros utcDay(int y, unsigned m, unsigned d)
{
    // days from civil (proleptic Gregorian), as store/timeutil's daysFromCivil
    const int yy = y - (m <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = unsigned(yy - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (std::int64_t(era) * 146097 + std::int64_t(doe) - 719468) * kMicrosPerDay;
}
// OPS-13 done: a postmortem template and a review rota; most SEV1/2 incidents get one.
constexpr Micros kPostmortemRota = utcDay(2025, 9, 1);
// OPS-8 done: redis-cart memory alerts deduplicated; the on-call team then keeps tuning
// thresholds, so fewer pages and less noise quarter after quarter.
constexpr Micros kAlertDedupe = utcDay(2025, 11, 17);
// OPS-2 done: one-click rollback; a failed deployment is reverted within the hour.
constexpr Micros kOneClickRollback = utcDay(2026, 1, 19);
// The shop opens in North America: its evening peak falls in the Amsterdam night.
constexpr Micros kAmericas = utcDay(2026, 4, 1);
// checkoutservice moves to daily releases without canary analysis (OPS-1 still open).
constexpr Micros kDailyCheckout = utcDay(2026, 7, 1);

class Generator
{
public:
    Generator(const GeneratorOptions &o, RecordSink &sink)
        : m_o(o), m_sink(sink), m_rng(o.seed), m_zone(o.timezone), m_templates(buildTemplates())
    {
        std::vector<double> w;
        for (const auto &t : m_templates)
            w.push_back(t.weight);
        m_templateCumulative = Random::cumulate(w);
        // After the dedupe the redis-cart memory alerts page a fifth as often.
        for (std::size_t i = 0; i < m_templates.size(); ++i)
            if (m_templates[i].pattern.rfind("redis-cart memory", 0) == 0
                || m_templates[i].pattern.rfind("redis-cart evicted", 0) == 0)
                w[i] *= 0.2;
        m_templateCumulativeDeduped = Random::cumulate(w);
        std::vector<double> dw, iw;
        for (const auto &s : kServices) {
            dw.push_back(s.deployWeight);
            iw.push_back(s.incidentWeight);
        }
        m_deployServices = Random::cumulate(dw);
        dw[std::size_t(serviceIndex("checkoutservice"))] *= 2.5;
        m_deployServicesDaily = Random::cumulate(dw);
        m_incidentServices = Random::cumulate(iw);
    }

    void run()
    {
        if (m_o.slos)
            emitSlos();
        if (m_o.debt)
            for (const DebtItem &item : demoDebtItems())
                m_sink.debtItem(item);
        // The ownership list (the demo's; `generate` writes none).
        for (const ServiceProfile &svc : kServices)
            m_sink.ownership({svc.name, svc.team});

        const Micros firstDay = floorToDay(m_o.start);
        std::vector<Micros> days;
        for (Micros d = firstDay; d < m_o.end; d += kMicrosPerDay)
            days.push_back(d);
        static constexpr double deployByWeekday[] = {1.0, 1.25, 1.25, 1.1, 0.55, 0.05, 0.03};
        static constexpr double incidentByWeekday[] = {1.1, 1.2, 1.2, 1.1, 1.0, 0.7, 0.6};
        static constexpr double pagesByWeekday[] = {1.0, 1.05, 1.05, 1.0, 0.95, 0.7, 0.65};
        std::vector<double> dw, iw, pw;
        for (Micros d : days) {
            const int wd = weekday(d);
            // Daily checkout releases bring a third more deployments (and their incidents).
            const double deployVolume = d >= kDailyCheckout ? 1.35 : 1.0;
            dw.push_back(deployByWeekday[wd] * deployVolume);
            iw.push_back(incidentByWeekday[wd] * (d >= kDailyCheckout ? 1.15 : 1.0));
            pw.push_back(pagesByWeekday[wd] * pageVolume(d));
        }
        const auto deploys = allocate(m_o.deployments, dw);
        const auto incidents = allocate(m_o.incidents, iw);
        const auto pages = allocate(m_o.pages, pw);
        for (size_t i = 0; i < days.size(); ++i)
            day(days[i], deploys[i], incidents[i], pages[i]);
        if (m_o.slos)
            emitMeasurements();
    }

private:
    // Pages a day, relative: flat until the alert dedupe, then a steady decline as thresholds
    // get tuned (to 0.7 by 2026-10-01).
    static double pageVolume(Micros t)
    {
        if (t < kAlertDedupe)
            return 1.0;
        const double f = std::min(1.0, double(t - kAlertDedupe) / double(utcDay(2026, 10, 1) - kAlertDedupe));
        return 0.92 - 0.22 * f;
    }

    // The share of pages that resolve by themselves, relative to each alert's own: less and
    // less noise after the dedupe.
    static double noiseScale(Micros t)
    {
        if (t < kAlertDedupe)
            return 1.0;
        const double f = std::min(1.0, double(t - kAlertDedupe) / double(utcDay(2026, 10, 1) - kAlertDedupe));
        return 0.86 - 0.36 * f;
    }

    static int weekday(Micros dayStart) // Monday = 0
    {
        const std::int64_t days = dayStart / kMicrosPerDay;
        return int(((days + 3) % 7 + 7) % 7);
    }

    // A local wall-clock time on the UTC calendar day `day`, kept inside [start, end).
    Micros at(Micros day, double localHour)
    {
        Micros t = m_zone.fromLocal(day + Micros(localHour * double(kMicrosPerHour)));
        return std::clamp(t, m_o.start, m_o.end - kMicrosPerMinute);
    }

    std::optional<Micros> before(Micros t) const { return t < m_o.end ? std::optional<Micros>(t) : std::nullopt; }

    void day(Micros day, std::int64_t nDeploys, std::int64_t nIncidents, std::int64_t nPages)
    {
        // Fix deployments made on earlier days count against today's budget.
        const std::int64_t owed = std::min(nDeploys, m_extraDeploys);
        m_extraDeploys -= owed;
        nDeploys -= owed;

        std::vector<Deployment> production;
        static constexpr double bursts[] = {10.5, 13.5, 16.0};
        const bool dailyCheckout = day >= kDailyCheckout;
        for (std::int64_t i = 0; i < nDeploys; ++i) {
            Deployment d;
            const auto &svc = kServices[m_rng.pick(dailyCheckout ? m_deployServicesDaily : m_deployServices)];
            // Without canary analysis, a daily checkout release is rolled back far more often.
            const double rollback = dailyCheckout && std::string_view(svc.name) == "checkoutservice" ? 0.28 : 0.03;
            d.deploymentId = nextDeploymentId();
            d.service = svc.name;
            d.team = svc.team;
            const bool prod = m_rng.chance(0.72);
            d.environment = prod ? "production" : "staging";
            const double hour = bursts[m_rng.next() % 3] + m_rng.normal() * 0.6;
            d.finishedAt = at(day, std::clamp(hour, 7.0, 21.0));
            d.startedAt = d.finishedAt - Micros(m_rng.logNormal(12, 0.5) * double(kMicrosPerMinute));
            const double r = m_rng.uniform();
            if (prod)
                d.result = r < 0.04        ? DeployResult::Failure
                    : r < 0.04 + rollback  ? DeployResult::RolledBack
                    : r < 0.045 + rollback ? DeployResult::Other
                                           : DeployResult::Success;
            else
                d.result = r < 0.08 ? DeployResult::Failure : DeployResult::Success;
            d.commitSha = hexString(m_rng, 40);
            m_sink.deployment(d);
            if (prod) {
                emitChanges(d);
                if (d.result == DeployResult::Success || d.result == DeployResult::RolledBack)
                    production.push_back(d);
                if (d.result == DeployResult::RolledBack)
                    revert(d);
            }
        }

        std::vector<ActiveIncident> todays;
        for (std::int64_t i = 0; i < nIncidents; ++i)
            todays.push_back(incident(day, production));

        emitPages(day, nPages, todays);
    }

    // A rolled-back deployment is put right by a revert deployment: a hand-edited revert PR
    // hours later, or within the hour once one-click rollback exists.
    void revert(const Deployment &bad)
    {
        Deployment fix;
        fix.deploymentId = nextDeploymentId();
        fix.service = bad.service;
        fix.team = bad.team;
        fix.environment = "production";
        const double hours = bad.finishedAt >= kOneClickRollback ? m_rng.logNormal(0.3, 0.4)
                                                                 : m_rng.logNormal(2.5, 0.6);
        fix.finishedAt = bad.finishedAt + Micros(hours * double(kMicrosPerHour));
        fix.startedAt = fix.finishedAt - Micros(m_rng.logNormal(8, 0.4) * double(kMicrosPerMinute));
        fix.fixesDeploymentId = bad.deploymentId;
        fix.commitSha = hexString(m_rng, 40);
        if (fix.finishedAt >= m_o.end)
            return;
        m_sink.deployment(fix);
        emitChanges(fix);
        ++m_extraDeploys;
    }

    std::string nextDeploymentId()
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "D%07lld", static_cast<long long>(++m_deploySeq));
        return buf;
    }

    void emitChanges(const Deployment &d)
    {
        const std::int64_t n = 1 + m_rng.poisson(2.0);
        for (std::int64_t k = 0; k < n; ++k) {
            Change c;
            c.commitSha = k == 0 ? d.commitSha : hexString(m_rng, 40);
            c.deploymentId = d.deploymentId;
            const double hours = std::max(0.2, m_rng.logNormal(20, 1.1));
            c.committedAt = d.finishedAt - Micros(hours * double(kMicrosPerHour));
            c.authoredAt = c.committedAt - Micros(m_rng.logNormal(2, 1.0) * double(kMicrosPerHour));
            const Micros started = d.startedAt.value_or(d.finishedAt);
            c.prMergedAt = c.committedAt + Micros(double(started - c.committedAt) * m_rng.uniform(0.5, 0.95));
            m_sink.change(c);
        }
    }

    ActiveIncident incident(Micros day, const std::vector<Deployment> &production)
    {
        Incident inc;
        char buf[32];
        std::snprintf(buf, sizeof buf, "INC-%lld", static_cast<long long>(1000 + ++m_incidentSeq));
        inc.incidentId = buf;
        const Deployment *cause = nullptr;
        if (!production.empty() && m_rng.chance(0.45))
            cause = &production[m_rng.next() % production.size()];
        int service;
        if (cause) {
            service = serviceIndex(cause->service.c_str());
            inc.startedAt = cause->finishedAt + Micros(m_rng.logNormal(35, 0.7) * double(kMicrosPerMinute));
            inc.causedByDeploymentId = cause->deploymentId;
        } else {
            service = int(m_rng.pick(m_incidentServices));
            inc.startedAt = day + Micros(m_rng.uniform(0, 24) * double(kMicrosPerHour));
        }
        inc.startedAt = std::min(inc.startedAt, m_o.end - kMicrosPerHour);
        inc.service = kServices[size_t(service)].name;
        inc.title = std::string(kServices[size_t(service)].name) + ": "
            + kIncidentTitles[m_rng.next() % std::size(kIncidentTitles)];
        const double sev = m_rng.uniform() - (cause ? 0.08 : 0.0);
        const int level = sev < 0.06 ? 1 : sev < 0.28 ? 2 : sev < 0.70 ? 3 : 4;
        inc.severity = "SEV" + std::to_string(level);

        const double src = m_rng.uniform();
        double ttdMedian = 7;
        if (src < 0.05) {
            // no detection data recorded
        } else if (src < 0.72) {
            inc.detectionSource = DetectionSource::Monitoring;
        } else if (src < 0.90) {
            inc.detectionSource = DetectionSource::Customer;
            ttdMedian = 48;
        } else {
            inc.detectionSource = DetectionSource::Other;
            ttdMedian = 20;
        }
        Micros t = inc.startedAt;
        if (inc.detectionSource) {
            t += Micros(m_rng.logNormal(ttdMedian, 0.8) * double(kMicrosPerMinute));
            inc.detectedAt = before(t);
        }
        t += Micros(m_rng.logNormal(4, 0.7) * double(kMicrosPerMinute));
        inc.acknowledgedAt = inc.detectedAt || !inc.detectionSource ? before(t) : std::nullopt;
        t += Micros(m_rng.logNormal(45, 0.9) * double(kMicrosPerMinute));
        inc.mitigatedAt = inc.acknowledgedAt ? before(t) : std::nullopt;
        t += Micros(m_rng.logNormal(80, 1.0) * double(kMicrosPerMinute));
        inc.resolvedAt = inc.mitigatedAt ? before(t) : std::nullopt;
        if (level <= 2 && inc.resolvedAt && m_rng.chance(inc.startedAt >= kPostmortemRota ? 0.9 : 0.45))
            inc.postmortemUrl = "https://wiki.example.com/postmortems/" + inc.incidentId;
        m_sink.incident(inc);

        // After one-click rollback nearly every bad deployment is reverted, within the hour.
        const bool quickRollback = inc.startedAt >= kOneClickRollback;
        if (cause && m_rng.chance(quickRollback ? 0.95 : 0.55)) {
            Deployment fix;
            fix.deploymentId = nextDeploymentId();
            fix.service = cause->service;
            fix.team = cause->team;
            fix.environment = "production";
            fix.finishedAt = inc.startedAt
                + Micros((quickRollback ? m_rng.logNormal(0.45, 0.4) : m_rng.logNormal(2.5, 0.7))
                         * double(kMicrosPerHour));
            fix.startedAt = fix.finishedAt - Micros(m_rng.logNormal(10, 0.4) * double(kMicrosPerMinute));
            fix.fixesDeploymentId = cause->deploymentId;
            fix.commitSha = hexString(m_rng, 40);
            if (fix.finishedAt < m_o.end) {
                m_sink.deployment(fix);
                emitChanges(fix);
                ++m_extraDeploys;
            }
        }
        const Micros to = inc.resolvedAt.value_or(std::min(m_o.end, inc.startedAt + 4 * kMicrosPerHour));
        m_activeIncidents.push_back({service, inc.startedAt, to});
        return {service, inc.startedAt, to};
    }

    void emitPages(Micros day, std::int64_t n, const std::vector<ActiveIncident> &incidents)
    {
        for (std::int64_t i = 0; i < n; ++i) {
            const AlertTemplate *tpl;
            Micros created;
            // About one page in six of an incident day belongs to the incident's storm.
            if (!incidents.empty() && m_rng.chance(0.18)) {
                const ActiveIncident &inc = incidents[m_rng.next() % incidents.size()];
                tpl = templateOf(inc.service);
                created = inc.from + Micros(m_rng.uniform(0, 1.0) * double(kMicrosPerHour));
                created = std::min(created, m_o.end - kMicrosPerMinute);
            } else {
                tpl = &m_templates[m_rng.pick(day >= kAlertDedupe ? m_templateCumulativeDeduped : m_templateCumulative)];
                double hour;
                if (tpl->batchHour >= 0)
                    hour = tpl->batchHour + m_rng.uniform(0, 0.8);
                else if (m_rng.chance(std::min(0.95, tpl->nightShare + (day >= kAmericas ? 0.14 : 0.0))))
                    hour = std::fmod(17 + m_rng.uniform(0, 16), 24.0);
                else
                    hour = m_rng.uniform(9, 17);
                created = at(day, hour);
            }
            emitPage(*tpl, created);
        }
    }

    const AlertTemplate *templateOf(int service)
    {
        // The incident service's own templates, weighted.
        double sum = 0;
        for (const auto &t : m_templates)
            if (t.service == service)
                sum += t.weight;
        double x = m_rng.uniform() * sum;
        for (const auto &t : m_templates) {
            if (t.service != service)
                continue;
            x -= t.weight;
            if (x < 0)
                return &t;
        }
        return &m_templates.front();
    }

    bool offHours(Micros utc) const
    {
        const Micros local = m_zone.toLocal(utc);
        const int wd = weekday(floorToDay(local));
        const double hour = double(local - floorToDay(local)) / double(kMicrosPerHour);
        return wd >= 5 || hour < 9 || hour >= 17;
    }

    void emitPage(const AlertTemplate &tpl, Micros created)
    {
        Page p;
        ++m_pageSeq;
        p.sourceId = pagerDutyId(m_pageSeq);
        p.incidentNumber = m_pageSeq;
        p.service = kServices[size_t(tpl.service)].name;
        p.title = fill(tpl.pattern, m_rng, p.service.c_str());
        p.urgency = tpl.noise > 0.55 ? "low" : "high";
        p.createdAt = created;
        const bool night = offHours(created);
        if (m_rng.chance(tpl.noise * noiseScale(created))) {
            p.autoResolved = true;
            p.resolvedAt = before(created + Micros(m_rng.uniform(2, 20) * double(kMicrosPerMinute)));
            p.escalationCount = 0;
        } else {
            p.autoResolved = false;
            if (m_rng.chance(0.92)) {
                const double ackMinutes = m_rng.logNormal(tpl.ackMedianMinutes * (night ? 1.8 : 1.0), 0.8);
                p.acknowledgedAt = before(created + Micros(ackMinutes * double(kMicrosPerMinute)));
                p.escalationCount = ackMinutes > 15 ? (ackMinutes > 30 ? 2 : 1) : 0;
                if (p.acknowledgedAt)
                    p.resolvedAt = before(*p.acknowledgedAt
                                          + Micros(m_rng.logNormal(30, 1.0) * double(kMicrosPerMinute)));
            } else {
                p.resolvedAt = before(created + Micros(m_rng.logNormal(40, 0.8) * double(kMicrosPerMinute)));
                p.escalationCount = 2;
            }
        }
        m_sink.page(p);
    }

    struct SloProfile
    {
        Slo slo;
        int service;
        double baseTotal;   // events per hour at the daily peak
        double badRate;     // normal share of bad events
        double incidentBad; // share of bad events while an incident of the service is open
        double lateBurn;    // extra bad share in the last 30 days (a slow burn)
        bool reportBad;     // measurements give bad (else good)
        bool measured;
    };

    std::vector<SloProfile> sloProfiles() const
    {
        auto slo = [](const char *name, const char *service, const char *description, BudgetingMethod m,
                      double objective, std::int64_t windowDays, std::optional<double> sliceTarget) {
            Slo s;
            s.name = name;
            s.measurementSlo = name;
            s.service = service;
            s.description = description;
            s.method = m;
            s.objective = objective;
            s.windowSeconds = windowDays * 86400;
            s.timeSliceTarget = sliceTarget;
            if (sliceTarget)
                s.timeSliceWindowSeconds = 3600;
            return s;
        };
        return {
            {slo("frontend-availability", "frontend", "Home and product pages answer without a server error",
                 BudgetingMethod::Occurrences, 0.999, 28, std::nullopt),
             serviceIndex("frontend"), 40000, 0.0004, 0.02, 0.0, false, true},
            {slo("checkout-latency", "checkoutservice", "Checkouts complete within 800 ms",
                 BudgetingMethod::Occurrences, 0.99, 28, std::nullopt),
             serviceIndex("checkoutservice"), 6000, 0.004, 0.05, 0.009, true, true},
            {slo("payment-availability", "paymentservice", "Card charges succeed (provider declines excluded)",
                 BudgetingMethod::Occurrences, 0.9995, 30, std::nullopt),
             serviceIndex("paymentservice"), 3000, 0.0002, 0.06, 0.0, true, true},
            {slo("cart-availability", "cartservice", "Hours in which 99.5% of cart operations succeed",
                 BudgetingMethod::Timeslices, 0.99, 28, 0.995),
             serviceIndex("cartservice"), 9000, 0.001, 0.03, 0.0, false, true},
            {slo("catalog-latency", "productcatalogservice", "Product lookups answer within 200 ms",
                 BudgetingMethod::Occurrences, 0.995, 7, std::nullopt),
             serviceIndex("productcatalogservice"), 25000, 0.002, 0.02, 0.0, false, true},
            {slo("shipping-quote-latency", "shippingservice",
                 "Shipping quotes answer within 500 ms (not yet instrumented)", BudgetingMethod::Occurrences, 0.99, 28,
                 std::nullopt),
             serviceIndex("shippingservice"), 0, 0, 0, 0, false, false},
        };
    }

    void emitSlos()
    {
        for (const auto &p : sloProfiles())
            m_sink.slo(p.slo);
    }

    void emitMeasurements()
    {
        const Micros lateFrom = m_o.end - 30 * kMicrosPerDay;
        for (const auto &p : sloProfiles()) {
            if (!p.measured)
                continue;
            for (Micros t = floorToDay(m_o.start) + kMicrosPerHour; t < m_o.end; t += kMicrosPerHour) {
                if (t < m_o.start)
                    continue;
                const Micros local = m_zone.toLocal(t);
                const double hour = double(local - floorToDay(local)) / double(kMicrosPerHour);
                // diurnal traffic: low at 04:00, peak at 20:00
                const double diurnal = 0.55 + 0.45 * std::sin((hour - 10.0) / 24.0 * 6.283185307179586);
                const double total = std::floor(p.baseTotal * diurnal * m_rng.uniform(0.9, 1.1));
                double badShare = p.badRate * m_rng.uniform(0.5, 1.5);
                if (t >= lateFrom)
                    badShare += p.lateBurn * m_rng.uniform(0.6, 1.4);
                for (const ActiveIncident &inc : m_activeIncidents)
                    if (inc.service == p.service && t >= inc.from && t < inc.to + kMicrosPerHour)
                        badShare = std::max(badShare, p.incidentBad * m_rng.uniform(0.5, 1.5));
                const double bad = std::min(total, std::round(total * badShare));
                SloMeasurement m;
                m.slo = p.slo.name;
                m.timestamp = t;
                m.total = total;
                if (p.reportBad)
                    m.bad = bad;
                else
                    m.good = total - bad;
                m_sink.measurement(m);
            }
        }
    }

    const GeneratorOptions &m_o;
    RecordSink &m_sink;
    Random m_rng;
    ZoneOffsets m_zone;
    std::vector<AlertTemplate> m_templates;
    std::vector<double> m_templateCumulative;
    std::vector<double> m_templateCumulativeDeduped;
    std::vector<double> m_deployServices;
    std::vector<double> m_deployServicesDaily; // checkoutservice releasing daily
    std::vector<double> m_incidentServices;
    std::vector<ActiveIncident> m_activeIncidents;
    std::int64_t m_deploySeq = 0;
    std::int64_t m_incidentSeq = 0;
    std::int64_t m_pageSeq = 0;
    std::int64_t m_extraDeploys = 0;
};

} // namespace

void generateOperations(const GeneratorOptions &options, RecordSink &sink)
{
    Generator(options, sink).run();
}

std::vector<DebtItem> demoDebtItems()
{
    auto item = [](const char *id, const char *title, Theme theme, double toil, double cost, int l, int i,
                   const char *fowler, std::vector<std::string> deps, const char *metric,
                   DebtStatus status = DebtStatus::Open, const char *pin = "", const char *notes = "") {
        DebtItem d;
        d.id = id;
        d.title = title;
        d.theme = theme;
        d.toilHoursPerWeek = toil;
        d.costWeeks = cost;
        d.riskLikelihood = l;
        d.riskImpact = i;
        d.fowler = fowler;
        d.dependsOn = std::move(deps);
        d.linkedMetrics = *MetricCatalogue::parseIdList(QString::fromLatin1(metric));
        d.status = status;
        d.pinnedQuarter = pin;
        d.notes = notes;
        return d;
    };
    return {
        item("OPS-1", "Automated canary analysis for checkoutservice deploys", Theme::Change, 6, 6, 4, 4,
             "careful-intentional", {}, "change_failure_rate;deployment_rework_rate", DebtStatus::Open, "",
             "Compare error rate and p99 of the canary against the baseline for 15 minutes. Urgent since "
             "checkoutservice "
             "went to daily releases in July 2026 without it."),
        item("OPS-2", "One-click rollback in the deploy pipeline", Theme::Change, 5, 3, 4, 4, "careless-intentional",
             {}, "failed_deployment_recovery_time", DebtStatus::Done, "",
             "Done in January 2026; before, a rollback was a hand-edited \"revert\" PR."),
        item("OPS-3", "Smaller pull requests and trunk-based development", Theme::Change, 2, 8, 2, 3,
             "careful-intentional", {}, "lead_time_for_changes"),
        item("OPS-4", "Merge queue to stop flaky-test reruns", Theme::Change, 8, 5, 3, 2, "careless-unintentional", {},
             "lead_time_for_changes", DebtStatus::Open, "",
             "About 8 h a week of re-running CI, measured in September."),
        item("OPS-5", "Burn-rate alerts on the payment SLO", Theme::Detection, 3, 3, 5, 5, "careless-unintentional",
             {"OPS-6"}, "slo_compliance;time_to_detect"),
        item("OPS-6", "OpenTelemetry collector and standard metrics for all services", Theme::Detection, 2, 10, 3, 4,
             "careful-unintentional", {}, "time_to_detect"),
        item("OPS-7", "Synthetic checkout journeys from three regions", Theme::Detection, 1, 2, 4, 4,
             "careless-unintentional", {"OPS-6"}, "customer_detected_ratio"),
        item("OPS-8", "Deduplicate redis-cart memory alerts", Theme::Incident, 7, 1, 2, 2, "careless-intentional", {},
             "alert_noise_ratio;pages_per_week", DebtStatus::Done, "",
             "Done in November 2025; thresholds have been tuned every sprint since."),
        item("OPS-9", "Runbooks for the top 20 alert groups", Theme::Incident, 6, 4, 3, 3, "careless-unintentional",
             {"OPS-8"}, "time_to_acknowledge", DebtStatus::Open, "",
             "Start with checkoutservice, paymentservice, frontend"),
        item("OPS-10", "Follow-the-sun on-call with the Singapore team", Theme::Incident, 12, 16, 3, 4,
             "careful-intentional", {"OPS-9"}, "off_hours_page_ratio"),
        item("OPS-11", "cert-manager instead of manual TLS certificate rotation", Theme::Incident, 4, 2, 4, 5,
             "careless-intentional", {}, "toil_ratio"),
        item("OPS-12", "Auto-remediate full disks on redis nodes", Theme::Incident, 5, 3, 3, 2, "careless-intentional",
             {}, "alert_noise_ratio"),
        item("OPS-13", "Postmortem template and review rota", Theme::Improvement, 1, 1, 3, 3, "careless-unintentional",
             {}, "postmortem_completion_ratio", DebtStatus::Done, "", "Done in September 2025."),
        item("OPS-14", "Track postmortem actions in the planning tool", Theme::Improvement, 2, 2, 3, 3,
             "careful-unintentional", {"OPS-13"}, "postmortem_completion_ratio"),
        item("OPS-15", "Failover game days for paymentservice", Theme::Improvement, 0, 6, 3, 5, "careful-intentional",
             {"OPS-5"}, ""),
        item("OPS-16", "Move redis-cart to a managed, replicated cluster", Theme::Incident, 9, 40, 4, 5,
             "careful-unintentional", {}, "time_to_restore", DebtStatus::Open, "",
             "Vendor estimate: 40 engineer-weeks,\nincluding the data migration."),
        item("OPS-17", "Cart sessions survive a redis failover", Theme::Incident, 2, 5, 3, 4, "careful-unintentional",
             {"OPS-16"}, "time_to_restore"),
        item("OPS-18", "Self-service database migrations", Theme::Change, 3, 12, 2, 3, "careful-intentional", {"OPS-3"},
             "lead_time_for_changes"),
        item("OPS-19", "Error budget policy agreed with product", Theme::Improvement, 0.5, 1, 3, 4,
             "careful-intentional", {"OPS-5"}, "slo_compliance", DebtStatus::Open, "2027Q2"),
        item("OPS-20", "Alert ownership in the service catalogue", Theme::Detection, 3, 2, 2, 3,
             "careless-unintentional", {"OPS-9"}, "repeat_page_ratio"),
        item("OPS-21", "Load tests before the holiday peak", Theme::Change, 1, 3, 4, 5, "careful-intentional", {}, "",
             DebtStatus::Open, "2027Q3"),
    };
}

} // namespace srm
