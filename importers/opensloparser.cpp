// OpenSLO SLO definitions (docs/formats.md): `apiVersion: openslo/v1` or `openslo/v1alpha`, `kind: SLO`,
// in multi-document YAML files or YAML lists of objects. Other kinds and versions are skipped
// with a note. Shapes other tools write are read too (docs/formats.md#openslo): the operators'
// `openslo.com/v1`, numbers quoted as strings, durations as words (Day, Week, Month, Quarter).
// An SLO with several objectives becomes one srm::Slo per objective, all filed under the SLO's
// metadata.name for their measurements. yaml-cpp reads the whole document, so
// files are limited to kMaxYamlBytes (SLO definitions are a few kilobytes).
#include "importers/fieldparsers.h"
#include "importers/inputstream.h"
#include "importers/parser.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <sstream>

namespace srm::importers {

namespace {

constexpr std::size_t kMaxYamlBytes = 16u << 20;

std::optional<YAML::Node> child(const YAML::Node &node, const char *key)
{
    if (!node.IsMap())
        return std::nullopt;
    const YAML::Node v = node[key];
    if (!v.IsDefined() || v.IsNull())
        return std::nullopt;
    return v;
}

std::int64_t lineOf(const YAML::Node &node)
{
    const YAML::Mark m = node.Mark();
    return m.line >= 0 ? m.line + 1 : 0;
}

class SloReader
{
public:
    SloReader(const ParseOptions &o, ImportSink &sink) : m_o(o), m_sink(sink) { }

    void object(const YAML::Node &node)
    {
        m_line = lineOf(node);
        m_sink.recordAt(m_line);
        m_error.reset();
        if (!node.IsMap()) {
            m_sink.badRow({m_line, {}, "expected an OpenSLO object (a YAML mapping)"});
            return;
        }
        std::string apiVersion = scalar(child(node, "apiVersion"), "apiVersion");
        // The Kubernetes API group of OpenSLO operators names the same version.
        if (apiVersion == "openslo.com/v1")
            apiVersion = "openslo/v1";
        const std::string kind = scalar(child(node, "kind"), "kind");
        const auto metadata = child(node, "metadata");
        const std::string name = metadata ? scalar(child(*metadata, "name"), "metadata.name") : std::string();
        const std::string what = (kind.empty() ? std::string("an object") : kind)
            + (name.empty() ? std::string() : " '" + name + "'");
        if (apiVersion != "openslo/v1" && apiVersion != "openslo/v1alpha") {
            m_sink.note("line " + std::to_string(m_line) + ": skipped " + what + ": apiVersion '" + apiVersion
                        + "' is not openslo/v1 or openslo/v1alpha");
            return;
        }
        if (kind != "SLO") {
            m_sink.note("line " + std::to_string(m_line) + ": skipped " + what + " (only kind SLO is imported)");
            return;
        }
        if (name.empty())
            fail(metadata ? *metadata : node, "metadata.name", "required value is missing");
        const auto spec = child(node, "spec");
        if (!spec || !spec->IsMap()) {
            fail(node, "spec", "required mapping is missing");
            return report();
        }

        Slo base;
        base.name = name;
        base.measurementSlo = name;
        base.displayName = metadata ? scalar(child(*metadata, "displayName"), "metadata.displayName") : std::string();
        base.service = scalar(child(*spec, "service"), "spec.service");
        base.description = scalar(child(*spec, "description"), "spec.description");
        if (const auto method = child(*spec, "budgetingMethod")) {
            const std::string text = scalar(method, "spec.budgetingMethod");
            const auto m = parseBudgetingMethod(text);
            if (!m)
                fail(*method, "spec.budgetingMethod",
                     "unknown value '" + text + "' (accepted: Occurrences, Timeslices, RatioTimeslices)");
            else
                base.method = *m;
        }
        window(*spec, base);

        const auto objectives = child(*spec, "objectives");
        if (!objectives || !objectives->IsSequence() || objectives->size() == 0) {
            fail(objectives ? *objectives : *spec, "spec.objectives", "required list of objectives is missing");
            return report();
        }
        std::vector<Slo> out;
        std::vector<std::string> timeslicesNotes;
        std::set<std::string> labels;
        bool labelsUnique = true;
        for (std::size_t i = 0; i < objectives->size(); ++i) {
            const YAML::Node objective = (*objectives)[i];
            const std::string column = "spec.objectives[" + std::to_string(i) + "]";
            Slo s = base;
            const std::string label = scalar(child(objective, "displayName"), column + ".displayName");
            if (label.empty() || !labels.insert(label).second)
                labelsUnique = false;
            target(objective, column, s);
            if (const auto t = child(objective, "timeSliceTarget"))
                s.timeSliceTarget = ratio(*t, column + ".timeSliceTarget", false);
            else if (s.method == BudgetingMethod::Timeslices)
                timeslicesNotes.push_back(objectiveNote(name, label, i, objectives->size(), s.objective));
            if (const auto w = child(objective, "timeSliceWindow"))
                s.timeSliceWindowSeconds = duration(*w, column + ".timeSliceWindow");
            out.push_back(std::move(s));
        }
        if (!m_error && out.size() > 1) {
            // One record per objective: "name/displayName", or "name/1", "name/2"... when the
            // objectives have no distinct display names.
            for (std::size_t i = 0; i < out.size(); ++i) {
                const std::string label = labelsUnique ? scalar(child((*objectives)[i], "displayName"), "")
                                                       : std::to_string(i + 1);
                out[i].name = name + "/" + label;
                const std::string shown = base.displayName.empty() ? name : base.displayName;
                out[i].displayName = shown + " (" + label + ")";
            }
        }
        if (m_error)
            return report();
        for (const std::string &note : timeslicesNotes)
            m_sink.note(note);
        for (const Slo &s : out)
            m_sink.slo(s);
    }

private:
    // docs/formats.md#openslo: a Timeslices objective without timeSliceTarget judges each
    // slice against the objective's own target.
    std::string objectiveNote(const std::string &name, const std::string &label, std::size_t index, std::size_t count,
                              double target) const
    {
        std::string which = "SLO '" + name + "'";
        if (count > 1)
            which += " objective " + (label.empty() ? std::to_string(index + 1) : "'" + label + "'");
        return "line " + std::to_string(m_line) + ": " + which + " is Timeslices without timeSliceTarget: each slice "
            + "is judged against the target " + formatNumber(target);
    }

    void fail(const YAML::Node &at, const std::string &column, std::string reason)
    {
        if (!m_error) {
            const std::int64_t line = at.IsDefined() ? lineOf(at) : 0;
            m_error = ParseError{line > 0 ? line : m_line, column, std::move(reason)};
        }
    }

    void report()
    {
        if (m_error)
            m_sink.badRow(*m_error);
    }

    std::string scalar(const std::optional<YAML::Node> &node, const std::string &column)
    {
        if (!node)
            return {};
        if (!node->IsScalar()) {
            fail(*node, column, "expected a single value");
            return {};
        }
        return std::string(trim(node->Scalar()));
    }

    std::optional<double> number(const YAML::Node &node, const std::string &column)
    {
        const std::string text = scalar(node, column);
        const auto v = parseNumber(text);
        if (!v && !text.empty())
            fail(node, column, "not a number: '" + text + "'");
        return v;
    }

    // A ratio in (0, 1]; with `percent`, in (0, 100] and divided by 100.
    std::optional<double> ratio(const YAML::Node &node, const std::string &column, bool percent)
    {
        auto v = number(node, column);
        if (!v)
            return std::nullopt;
        const double max = percent ? 100.0 : 1.0;
        if (*v <= 0 || *v > max) {
            fail(node, column, percent ? "must be above 0 and at most 100" : "must be above 0 and at most 1");
            return std::nullopt;
        }
        return percent ? *v / 100.0 : *v;
    }

    std::optional<std::int64_t> duration(const YAML::Node &node, const std::string &column)
    {
        const std::string text = scalar(node, column);
        if (auto seconds = parseDurationSeconds(text))
            return seconds;
        // Words some tools write for one unit: Day, Week, Month, Quarter (1d, 1w, 1M, 1Q).
        static const std::pair<const char *, std::int64_t> words[] = {
            {"day", 86400}, {"week", 7 * 86400}, {"month", 30 * 86400}, {"quarter", 90 * 86400}};
        for (const auto &[word, seconds] : words)
            if (equalsIgnoreCase(text, word))
                return seconds;
        // A bare number is seconds.
        if (const auto n = parseInteger(text); n && *n > 0)
            return *n;
        fail(node, column,
             "not a duration (like 28d, 4w, 1M, 1Q, 12h, 30m, 10s; or Day, Week, Month, Quarter): '" + text + "'");
        return std::nullopt;
    }

    void target(const YAML::Node &objective, const std::string &column, Slo &s)
    {
        std::optional<double> t;
        if (const auto v = child(objective, "target"))
            t = ratio(*v, column + ".target", false);
        else if (const auto p = child(objective, "targetPercent"))
            t = ratio(*p, column + ".targetPercent", true);
        else
            fail(objective, column + ".target", "required value is missing (target or targetPercent)");
        if (t)
            s.objective = *t;
    }

    // v1: timeWindow: [{duration: 28d, isRolling: true}]; v1alpha: timeWindows: [{unit: Day,
    // count: 28}]. The first window counts; without one the window is 28 days.
    void window(const YAML::Node &spec, Slo &s)
    {
        std::optional<YAML::Node> w = child(spec, "timeWindow");
        std::string column = "spec.timeWindow";
        if (!w) {
            w = child(spec, "timeWindows");
            column = "spec.timeWindows";
        }
        if (!w)
            return;
        YAML::Node first = *w;
        if (w->IsSequence()) {
            if (w->size() == 0)
                return;
            first = (*w)[0];
            column += "[0]";
        }
        if (!first.IsMap()) {
            fail(first, column, "expected a mapping with a duration");
            return;
        }
        if (const auto d = child(first, "duration")) {
            if (auto seconds = duration(*d, column + ".duration"))
                s.windowSeconds = *seconds;
            return;
        }
        const auto unit = child(first, "unit");
        const auto count = child(first, "count");
        if (!unit || !count) {
            fail(first, column, "needs a duration (or a unit and a count)");
            return;
        }
        const std::string u = toLower(scalar(unit, column + ".unit"));
        const auto n = parseInteger(scalar(count, column + ".count"));
        static const std::pair<const char *, std::int64_t> units[] = {
            {"second", 1},       {"minute", 60},        {"hour", 3600},          {"day", 86400},
            {"week", 7 * 86400}, {"month", 30 * 86400}, {"quarter", 90 * 86400}, {"year", 365 * 86400},
        };
        std::int64_t unitSeconds = 0;
        for (const auto &[word, seconds] : units)
            if (u == word || u == std::string(word) + "s")
                unitSeconds = seconds;
        if (unitSeconds == 0) {
            fail(*unit, column + ".unit",
                 "unknown unit '" + u + "' (Second, Minute, Hour, Day, Week, Month, Quarter, Year)");
            return;
        }
        if (!n || *n <= 0 || *n > 100000) {
            fail(*count, column + ".count", "not a positive whole number");
            return;
        }
        s.windowSeconds = *n * unitSeconds;
    }

    const ParseOptions &m_o;
    ImportSink &m_sink;
    std::int64_t m_line = 0;
    std::optional<ParseError> m_error;
};

// yaml-cpp 0.7 loops forever on a stray ',' at the top level (found by fuzzing: the input ","
// alone): LoadAll keeps reading empty documents without consuming it. A first pass through the
// event parser stops when a document starts where the previous one did.
// The same pass bounds what LoadAll would build: yaml-cpp spends a few hundred bytes on each
// node, so 15 MB of empty documents or of "[]" once took 2.7 GB. SLO definitions are a few
// dozen nodes each (docs/hostile-input.md#limits).
constexpr int kMaxYamlDocuments = 10000;
constexpr int kMaxYamlNodes = 200000;

class DocumentStarts : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (m_seen && mark.pos == m_last)
            throw FileError({mark.line >= 0 ? mark.line + 1 : 0, {}, "invalid YAML: unexpected character"});
        m_seen = true;
        m_last = mark.pos;
        if (++m_documents > kMaxYamlDocuments)
            throw FileError({mark.line >= 0 ? mark.line + 1 : 0,
                             {},
                             "more than " + std::to_string(kMaxYamlDocuments) + " YAML documents in one file"});
    }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t) override { node(mark); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override { node(mark); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t, const std::string &) override
    {
        node(mark);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        node(mark);
    }
    void OnSequenceEnd() override { }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        node(mark);
    }
    void OnMapEnd() override { }

private:
    void node(const YAML::Mark &mark)
    {
        if (++m_nodes > kMaxYamlNodes)
            throw FileError({mark.line >= 0 ? mark.line + 1 : 0,
                             {},
                             "more than " + std::to_string(kMaxYamlNodes) + " YAML nodes in one file"});
    }

    bool m_seen = false;
    int m_last = -1;
    int m_documents = 0;
    int m_nodes = 0;
};

void checkDocumentsAdvance(const std::string &text)
{
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts starts;
    while (parser.HandleNextDocument(starts)) {
    }
}

} // namespace

void parseOpenSlo(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    const std::string text = in.readAll(kMaxYamlBytes);
    if (trim(text).empty() || trim(text) == "\xEF\xBB\xBF")
        throw FileError({1, {}, "empty file"});
    std::vector<YAML::Node> documents;
    try {
        checkDocumentsAdvance(text);
        documents = YAML::LoadAll(text);
    } catch (const YAML::Exception &e) {
        throw FileError({e.mark.line >= 0 ? e.mark.line + 1 : 0, {}, "invalid YAML: " + e.msg});
    }
    SloReader reader(o, sink);
    bool any = false;
    try {
        for (const YAML::Node &doc : documents) {
            if (doc.IsNull())
                continue;
            any = true;
            if (doc.IsSequence()) {
                for (const YAML::Node &item : doc)
                    reader.object(item);
            } else {
                reader.object(doc);
            }
        }
    } catch (const YAML::Exception &e) {
        throw FileError({e.mark.line >= 0 ? e.mark.line + 1 : 0, {}, "invalid YAML: " + e.msg});
    }
    if (!any)
        throw FileError({1, {}, "no YAML document in the file"});
}

} // namespace srm::importers
