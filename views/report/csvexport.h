// The tables of a report as CSV files for spreadsheets and slides (`export --csv DIR`): the
// roll-up by metric (with intervals and verdicts) and by theme, the weekly series, the quarters of
// progress, the deployments the change failure rate and the rework rate count (with their rules),
// the DORA Quick Check, the alert groups, the SLOs, the debt
// register with its docs/debt-and-roadmap.md assessment, the plan and its quarters, and the import log. RFC 4180:
// comma separated, CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF, with
// its quotes doubled; UTF-8 without a byte order mark. Numbers are written as numbers (the
// shortest text that reads back the same, "-0.3" included), never guarded; user text (ids,
// titles, services, notes, file names) that starts with =, +, -, @, tab or CR gets a leading
// apostrophe so that a spreadsheet shows it as text instead of running it as a formula.
#pragma once

#include "views/report/exportfile.h"
#include "views/report/reportdata.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace srm::report {

class CsvWriter
{
public:
    explicit CsvWriter(const QStringList &header);

    CsvWriter &text(const QString &value); // user text: formula guard, then quoting
    CsvWriter &text(const std::string &value);
    CsvWriter &word(const QString &value);          // our own vocabulary (ids of enums, ISO times)
    CsvWriter &number(std::optional<double> value); // empty for null, NaN or infinity
    CsvWriter &integer(std::int64_t value);
    CsvWriter &boolean(std::optional<bool> value); // true / false / empty
    void endRow();

    QByteArray bytes() const { return m_bytes; }

    // The guard alone: "'=1+1" for "=1+1"; other text unchanged.
    static QString guardFormula(const QString &value);
    // RFC 4180 quoting alone.
    static QString quote(const QString &value);

private:
    void field(const QString &value);

    QByteArray m_bytes;
    int m_fields = 0;
};

struct CsvFile
{
    QString name; // "rollup.csv"
    QByteArray bytes;
};

// Every file, in memory (nothing is written).
std::vector<CsvFile> csvFiles(const ReportData &data);

// The names of the files csvFiles() makes, in order.
QStringList csvFileNames();

// Writes csvFiles() into `dir` (made when missing), each through QSaveFile; returns the paths.
// Every path is checked first (checkOutputs: without policy.force, files with content are not
// replaced and the ones in the way are named); throws ExportError.
QStringList writeCsvFiles(const ReportData &data, const QString &dir, const OutputPolicy &policy = {});

} // namespace srm::report
