// Writers for our own import formats (docs/formats.md), the inverse of the parsers: each record kind's
// canonical CSV columns and fields (RFC 4180 quoting, ISO-8601 UTC times, numbers in their
// shortest round-trip form, depends_on joined with ';'), OpenSLO v1 YAML for SLO definitions,
// and GeneratedFiles, a RecordSink that streams records into the seven files `generate` writes
// (saved with QSaveFile, so a failed run leaves no half-written file).
#pragma once

#include "store/records.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QSaveFile;

namespace srm::importers {

// Appends `value` to `out` as one CSV field, quoted when it holds a comma, a quote, a line
// break or edge white space.
void appendCsvField(std::string &out, std::string_view value);
// Fields joined with commas and ended by a line feed (RFC 4180 allows it; files diff well).
std::string csvLine(const std::vector<std::string> &fields);

enum class RecordKind { Deployment, Change, Incident, Page, SloMeasurement, Debt, Ownership };

// The header of a kind's CSV, in canonical order.
const std::vector<std::string> &csvColumns(RecordKind kind);

std::vector<std::string> csvFields(const Deployment &d);
std::vector<std::string> csvFields(const Change &c);
std::vector<std::string> csvFields(const Incident &i);
std::vector<std::string> csvFields(const Page &p);
std::vector<std::string> csvFields(const SloMeasurement &m);
std::vector<std::string> csvFields(const DebtItem &d);
std::vector<std::string> csvFields(const Ownership &o);

// One OpenSLO v1 `kind: SLO` document (without the leading "---").
std::string openSloYaml(const Slo &slo);
// The fields of an SLO for previews: name, service, method, objective, window.
std::vector<std::string> sloPreviewColumns();
std::vector<std::string> sloPreviewFields(const Slo &slo);

// Writes deployments.csv, changes.csv, incidents.csv, pages.csv, slos.yaml,
// slo_measurements.csv and debt.csv into a directory.
class GeneratedFiles : public RecordSink
{
public:
    explicit GeneratedFiles(const QString &directory);
    ~GeneratedFiles() override;

    void deployment(const Deployment &d) override;
    void change(const Change &c) override;
    void incident(const Incident &i) override;
    void page(const Page &p) override;
    void slo(const Slo &s) override;
    void measurement(const SloMeasurement &m) override;
    void debtItem(const DebtItem &item) override;
    // The generator makes no ownership records (generate writes the seven files above).
    void ownership(const Ownership &) override { }

    // Flushes and renames every file into place; throws std::runtime_error on failure.
    void commit();
    QStringList fileNames() const;

private:
    struct Output;
    void write(Output &o, const std::string &text);
    std::vector<std::unique_ptr<Output>> m_outputs;
};

} // namespace srm::importers
